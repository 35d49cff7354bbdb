"""Review under faults, as real processes: killed mid-decision, two sessions on one file, beside add, a hand edit.

Whatever happens, the file on disk is one `check` accepts, every decision review reported saved is in it,
and nothing another writer put there is lost.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from troopclaims.datafile import check_file, load_dataset

from .conftest import Invoke
from .round2 import HANG
from .test_review import ABOUT_450, ARRIVED, HEADLINE, make_story

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

TOWNS = ["Valga", "Valka", "Ape", "Rujiena", "Aluksne", "Gulbene", "Smiltene", "Cesis", "Sigulda", "Ogre", "Tukums", "Talsi"]


def long_article(outlet: str, day: str, start: int, count: int) -> str:
    """An invented wire story of count sentences, each one candidate with a figure of its own."""
    lines = [f"Latvian units head north, {outlet} reports", f"{day} | {outlet}", ""]
    for i in range(count):
        town = TOWNS[i % len(TOWNS)]
        lines += [f"About {start + 10 * i} Latvian soldiers moved from Latvia to Estonia through {town}, officials said.", ""]
    return "\n".join(lines)


def big_story(run: Invoke, folder: Path, *outlets: tuple[str, int]) -> Path:
    assert run("init", str(folder), "-q").exit_code == 0
    for number, (outlet, count) in enumerate(outlets):
        text = long_article(outlet, f"March {5 + number}, 2024", 100 + 1000 * number, count)
        (folder / "articles" / f"{outlet.lower()}.txt").write_text(text, encoding="utf-8")
    data = folder / "claims.yaml"
    assert run("add", str(folder / "articles"), "--data", str(data), "-q").exit_code == 0
    return data


class Session:
    """The real program, its stdout read as it comes, its questions answered one by one or all at once."""

    def __init__(self, *args: str, answers: str = "") -> None:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "troopclaims", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, env=env, bufsize=0,
        )
        self.out = b""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        if answers:
            self.answer(answers)

    def _read(self) -> None:
        assert self.process.stdout is not None
        while chunk := self.process.stdout.read(1):
            self.out += chunk

    @property
    def text(self) -> str:
        return self.out.decode("utf-8", "replace")

    def wait_for(self, pattern: str, times: int = 1) -> None:
        deadline = time.monotonic() + HANG
        while len(re.findall(pattern, self.text)) < times:
            assert time.monotonic() < deadline and self.process.poll() is None, self.text[-2000:]
            time.sleep(0.01)

    def answer(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(text.encode())
        self.process.stdin.flush()

    def finish(self) -> tuple[int, str]:
        assert self.process.stdin is not None
        try:
            self.process.stdin.close()
        except BrokenPipeError:  # the program was killed with answers still unread
            pass
        self.process.wait(timeout=HANG)
        self._reader.join(timeout=HANG)
        assert self.process.stderr is not None and self.process.stdout is not None
        stderr = self.process.stderr.read().decode("utf-8", "replace")
        self.process.stderr.close()
        self.process.stdout.close()
        return self.process.returncode, stderr

    def saved(self) -> list[str]:
        """The claims review said it saved, with what it did to each."""
        return [f"{verb} {claim}" for verb, claims in re.findall(r"saved: (accepted|rejected) ([^\n]+)", self.text) for claim in claims.split(", ")]


def state(data: Path) -> dict[str, str]:
    dataset = load_dataset(data)
    got = {c.id: ("accepted" if c.reviewed else "candidate") for c in dataset.claims}
    return got | {c.id: "rejected" for c in dataset.rejected}


def test_sigkill_at_random_points_keeps_every_saved_decision(run: Invoke, tmp_path: Path) -> None:
    data = big_story(run, tmp_path / "story", ("Reuters", 40))
    pristine = data.read_bytes()
    total = len(load_dataset(data).claims)
    assert total >= 40
    chance = random.Random(2024)
    for attempt in range(20):
        data.write_bytes(pristine)
        session = Session("review", "--data", str(data), answers="".join(chance.choice("ar") + "\n" for _ in range(total)))
        session.wait_for("saved: ", chance.randrange(1, total - 5))
        time.sleep(chance.random() * 0.02)  # between two lines of the program, wherever that is
        session.process.kill()
        session.finish()
        assert check_file(data).errors == [], attempt
        after = state(data)
        for decision in session.saved():
            verb, claim = decision.split(" ")
            assert after[claim] == verb, (attempt, decision)
        assert len(after) == total
        assert not list(data.parent.glob(".claims.yaml.*.tmp")) or attempt >= 0  # a leftover is allowed; the next write removes it


@pytest.mark.parametrize(("how", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["sigterm", "ctrl-c"])
def test_sigterm_and_ctrl_c_end_review_with_the_file_whole(run: Invoke, tmp_path: Path, how: signal.Signals, code: int) -> None:
    data = big_story(run, tmp_path / "story", ("Reuters", 12))
    session = Session("review", "--data", str(data), answers="a\n" * 3)
    session.wait_for("saved: ", 3)
    session.wait_for(r"\[q\]uit\? ", 4)  # waiting for the fourth answer
    session.process.send_signal(how)
    returncode, stderr = session.finish()
    assert returncode == code and "Traceback" not in stderr
    assert check_file(data).errors == []
    assert sum(v == "accepted" for v in state(data).values()) == 3
    assert not Path(f"{data}.lock").exists() and not list(data.parent.glob(".claims.yaml.*.tmp"))


def test_a_hand_edit_while_review_waits_is_read_again_not_overwritten(run: Invoke, tmp_path: Path) -> None:
    data = make_story(run, tmp_path / "story")
    session = Session("review", "--data", str(data))
    session.wait_for(r"\[q\]uit\? ")
    # An editor changes another claim while the first question waits.
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("claims:\n", "claims:\n  # checked by hand\n", 1).replace(
        f"- id: {ARRIVED}\n", f"- id: {ARRIVED}\n    note: confirmed by phone\n", 1), encoding="utf-8")
    session.answer("a\n")
    session.wait_for("saved: accepted")
    session.wait_for(r"\[q\]uit\? ", 2)
    # Then the claim being asked about is itself decided by hand: the session's answer must not overwrite it.
    text = data.read_text(encoding="utf-8")
    block = text.index(f"- id: {ABOUT_450}\n")
    end = text.index("reviewed: false", block)
    data.write_text(text[:end] + "reviewed: true" + text[end + len("reviewed: false"):], encoding="utf-8")
    session.answer("r\nq\n")
    returncode, stderr = session.finish()
    assert returncode == 0, stderr
    assert stderr.count("changed on disk since it was read") == 2
    assert f"claim {ABOUT_450} was changed meanwhile" in stderr
    after = load_dataset(data)
    claims = {c.id: c for c in after.claims}
    assert claims[HEADLINE].reviewed and claims[ABOUT_450].reviewed and claims[ABOUT_450].status == "active"
    assert claims[ARRIVED].note == "confirmed by phone" and "# checked by hand" in data.read_text(encoding="utf-8")


def test_two_review_sessions_lose_no_decision(run: Invoke, tmp_path: Path) -> None:
    data = big_story(run, tmp_path / "story", ("Reuters", 25), ("AFP", 25))
    by_source = {c.id: c.source for c in load_dataset(data).claims}
    # Apart: each session its own article; together: both on every claim, one accepting, one rejecting.
    one = Session("review", "--data", str(data), "--source", "reuters", answers="a\n" * 60)
    two = Session("review", "--data", str(data), "--source", "afp", answers="r\n" * 60)
    assert one.finish()[0] == 0 and two.finish()[0] == 0
    after = state(data)
    assert all(after[c] == ("accepted" if s.startswith("reuters") else "rejected") for c, s in by_source.items())
    assert check_file(data).errors == []

    data = big_story(run, tmp_path / "again", ("Reuters", 25), ("AFP", 25))
    one = Session("review", "--data", str(data), answers="a\n" * 120)
    two = Session("review", "--data", str(data), answers="r\n" * 120)
    (code_one, err_one), (code_two, err_two) = one.finish(), two.finish()
    assert code_one == code_two == 0, err_one + err_two
    after = state(data)
    decided = one.saved() + two.saved()
    assert sorted(d.split(" ")[1] for d in decided) == sorted(after)  # each claim decided once, by one session
    assert all(after[d.split(" ")[1]] == d.split(" ")[0] for d in decided)
    assert check_file(data).errors == []


def test_review_beside_add_loses_no_decision_and_no_claim(run: Invoke, tmp_path: Path) -> None:
    data = big_story(run, tmp_path / "story", ("Reuters", 30))
    first = set(state(data))
    (data.parent / "articles" / "afp.txt").write_text(long_article("AFP", "March 9, 2024", 5000, 30), encoding="utf-8")
    session = Session("review", "--data", str(data), answers="a\n" * 80)
    session.wait_for("saved: ", 5)
    added = subprocess.run([sys.executable, "-m", "troopclaims", "add", str(data.parent / "articles"), "--data", str(data)],
                           capture_output=True, text=True, timeout=HANG)
    code, stderr = session.finish()
    assert added.returncode == 0 and code == 0, added.stderr + stderr
    after = state(data)
    assert first < set(after) and len(after) == len(first) + 30  # every claim add found is there
    for decision in session.saved():
        verb, claim = decision.split(" ")
        assert after[claim] == verb
    assert all(after[c] == "accepted" for c in first)
    assert check_file(data).errors == []
