"""Which data file a command works on: --data, $TROOPCLAIMS_DATA, the story the current folder is in, then the demo.

The bundled demo is only a fallback, and a command that falls back to it says so on stderr (one line,
silenced by --quiet); the report says so in its header. add and review never fall back to it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import BUNDLED, Invoke

DEMO = "bundled demo data"

# Two short wire stories written for these tests: they disagree on how many soldiers crossed.
NORTH = """Convoy crosses into Moldova
March 3, 2024 | Reuters

CHISINAU (Reuters) - About 300 Romanian soldiers left Romania for Moldova on Sunday, the Romanian army said.
"""
SOUTH = """Troops cross the Prut
By Ana Lupu | AFP
4 March 2024

More than 1,500 Romanian soldiers left Romania for Moldova on Sunday, a Moldovan official said.
"""


@pytest.fixture
def story(run: Invoke, tmp_path: Path) -> Path:
    folder = tmp_path / "crossing"
    assert run("init", str(folder)).exit_code == 0
    (folder / "articles" / "north.txt").write_text(NORTH, encoding="utf-8")
    (folder / "articles" / "south.txt").write_text(SOUTH, encoding="utf-8")
    added = run("add", str(folder / "articles"), "--data", str(folder / "claims.yaml"))
    assert added.exit_code == 0, added.stderr
    return folder


def _conflict_sources(output: str) -> set[str]:
    return {source for conflict in json.loads(output) for source in conflict["sources"]}


def test_inside_a_story_commands_use_its_data_file(run: Invoke, story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for where in (story, story / "articles"):  # the story folder or any folder below it
        monkeypatch.chdir(where)
        result = run("conflicts", "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert DEMO not in result.stderr
        sources = _conflict_sources(result.stdout)
        assert sources and all(s.startswith(("reuters-", "afp-")) for s in sources)
        listed = run("list", "--format", "json")
        assert {c["source"] for c in json.loads(listed.stdout)} >= sources


def test_outside_any_story_the_demo_is_used_and_said_unless_quiet(run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for command in (["list"], ["conflicts"], ["events"], ["timeline"], ["check"], ["export", "--to", "claimreview"]):
        said = run(*command)
        assert said.exit_code == 0, (command, said.stderr)
        notices = [line for line in said.stderr.splitlines() if DEMO in line]
        assert len(notices) == 1, (command, said.stderr)
        quiet = run(*command, "--quiet")
        assert quiet.exit_code == 0 and DEMO not in quiet.stderr, command
        assert quiet.stdout == said.stdout or command == ["check"]  # check --quiet prints errors only


def test_the_environment_names_a_data_file_before_the_story(run: Invoke, story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(story)
    monkeypatch.setenv("TROOPCLAIMS_DATA", str(BUNDLED))
    result = run("conflicts", "--format", "json")
    assert "tabloid-troops-to-iraq" in _conflict_sources(result.stdout)
    named = run("conflicts", "--format", "json", "--data", str(story / "claims.yaml"))  # --data wins over both
    assert all(s.startswith(("reuters-", "afp-")) for s in _conflict_sources(named.stdout))


def test_the_report_header_says_it_shows_the_demo(run: Invoke, story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    monkeypatch.chdir(outside)
    demo = run("report", "--format", "markdown", "-o", "-", "--quiet")
    assert demo.exit_code == 0 and "bundled demo data" in demo.stdout.split("\n## ", 1)[0]
    html = run("report", "-o", "r.html", "--quiet")
    assert html.exit_code == 0
    head = (outside / "r.html").read_text(encoding="utf-8").split("</header>", 1)[0]
    assert "bundled demo data" in head
    monkeypatch.chdir(story)
    own = run("report", "--format", "markdown", "-o", "-")
    assert own.exit_code == 0 and "demo" not in own.stdout and DEMO not in own.stderr


def test_add_and_review_never_fall_back_to_the_demo(run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(NORTH, encoding="utf-8")
    before = BUNDLED.read_bytes()
    for command in (["add", "a.txt"], ["review"]):
        result = run(*command, input="a\n")
        assert result.exit_code == 2 and "no story here" in result.stderr and "troopclaims init" in result.stderr
    assert BUNDLED.read_bytes() == before


def test_add_and_review_work_on_the_story_they_stand_in(run: Invoke, story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(story)
    reviewed = run("review", input="a\n" * 20)
    assert reviewed.exit_code == 0, reviewed.stderr
    assert "0 left to review" in reviewed.stderr
    again = run("add", "articles")
    assert again.exit_code == 0 and "added 0 unreviewed claims" in again.stderr
