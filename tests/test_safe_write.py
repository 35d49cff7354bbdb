"""Safe writes: a kill at any moment leaves the old file or the new one, never half of one, and a
second writer is refused rather than interleaved.

The kill tests start a real process and SIGKILL it at ten different moments; whatever the moment,
the target must hash to one of the complete contents. They do not assert when the kill lands.
"""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from troopclaims.errors import TroopclaimsError
from troopclaims.files import atomic_write_text, safe_write_text, temp_files_of, write_lock

from .conftest import VALID

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and POSIX permissions")

DELAYS = [0.0, 0.002, 0.005, 0.01, 0.02, 0.04, 0.07, 0.1, 0.15, 0.25]

WRITER = """
import sys
from pathlib import Path
from troopclaims.files import atomic_write_text
target = Path(sys.argv[1])
alpha, bravo = (line * 400_000 for line in ("alpha: the old complete file\\n", "bravo: the new complete file\\n"))
print("ready", flush=True)
while True:
    atomic_write_text(target, bravo)
    atomic_write_text(target, alpha)
"""

HOLDER = """
import sys, time
from pathlib import Path
from troopclaims.files import write_lock
with write_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(120)
"""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def start(code: str, *args: str) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    process.stdout.readline()  # "ready" / "locked": imports are done
    return process


def kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    if process.stdout is not None:
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL


# --- atomic_write_text ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("delay", DELAYS)
def test_a_killed_writer_leaves_the_old_file_or_the_new_one(tmp_path: Path, delay: float) -> None:
    target = tmp_path / "big.txt"
    alpha = ("alpha: the old complete file\n" * 400_000).encode()
    bravo = ("bravo: the new complete file\n" * 400_000).encode()
    target.write_bytes(alpha)
    process = start(WRITER, str(target))
    time.sleep(delay)
    kill(process)
    assert digest(target.read_bytes()) in {digest(alpha), digest(bravo)}
    # A temporary file may be left; it is never the target and is recognisably a leftover.
    for leftover in set(tmp_path.iterdir()) - {target}:
        assert leftover in temp_files_of(target), leftover.name
    safe_write_text(target, "final\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt"]  # leftovers removed under the lock
    assert target.read_text(encoding="utf-8") == "final\n"


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4])
def test_a_killed_report_command_leaves_the_old_report_or_the_new_one(tmp_path: Path, delay: float) -> None:
    reference = tmp_path / "reference.html"
    subprocess.run([sys.executable, "-m", "troopclaims", "report", "--data", str(VALID), "-o", str(reference)],
                   check=True, capture_output=True)
    target = tmp_path / "report.html"
    target.write_text("<p>the previous report</p>\n", encoding="utf-8")
    old = target.read_bytes()
    process = subprocess.Popen([sys.executable, "-m", "troopclaims", "report", "--data", str(VALID), "-o", str(target)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert target.read_bytes() in (old, reference.read_bytes())
    for leftover in set(tmp_path.iterdir()) - {target, reference}:
        assert leftover in temp_files_of(target), leftover.name


def test_writes_the_text_exactly_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    text = "line one\r\nline two\nno-break\u00a0space, and é\n"
    atomic_write_text(target, text)
    assert target.read_bytes() == text.encode("utf-8")  # line ends as given, UTF-8
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_keeps_the_mode_of_an_existing_file_and_uses_the_umask_for_a_new_one(tmp_path: Path) -> None:
    existing = tmp_path / "existing.txt"
    existing.write_text("old", encoding="utf-8")
    existing.chmod(0o640)
    atomic_write_text(existing, "new")
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640
    old_umask = os.umask(0o077)
    try:
        atomic_write_text(tmp_path / "new.txt", "new")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o600


def test_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    (tmp_path / "real.html").write_text("old", encoding="utf-8")
    (tmp_path / "link.html").symlink_to("real.html")
    atomic_write_text(tmp_path / "link.html", "new")
    assert (tmp_path / "link.html").is_symlink()
    assert (tmp_path / "real.html").read_text(encoding="utf-8") == "new"


def test_a_link_loop_as_the_target_is_refused(tmp_path: Path) -> None:
    loop = tmp_path / "loop.html"
    loop.symlink_to("loop.html")
    with pytest.raises(TroopclaimsError, match=r"loop.html: is a symbolic link that leads nowhere \(a loop\); name another file$"):
        safe_write_text(loop, "text")
    assert [p.name for p in tmp_path.iterdir()] == ["loop.html"]


def test_refuses_to_replace_a_fifo_or_a_folder(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(TroopclaimsError, match=r"pipe: is a FIFO \(named pipe\), which troopclaims will not replace; name a regular file$"):
        atomic_write_text(fifo, "text")
    assert fifo.is_fifo()
    with pytest.raises(TroopclaimsError, match=r": is a folder; name a file to write$"):
        atomic_write_text(tmp_path, "text")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_a_failure_before_the_rename_keeps_the_old_file_and_removes_the_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_text_that_cannot_be_encoded_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(target, "lone surrogate \ud800")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


# --- safe_write_text -----------------------------------------------------------------------------------------------


def test_safe_write_turns_os_errors_into_one_line(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "report.html"
    with pytest.raises(TroopclaimsError) as caught:
        safe_write_text(target, "text", what="report")
    # Checked before the lock is taken, so the message names the real cause, not the lock file.
    assert str(caught.value) == (
        f"{target}: cannot write the report: the folder {target.parent} does not exist; create it first"
    )


def test_safe_write_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    data = tmp_path / "claims.yaml"
    data.write_text("version: 1\n", encoding="utf-8")
    with pytest.raises(TroopclaimsError, match=r"claims.yaml: is .*claims.yaml, an input of this command; name another file to write$"):
        safe_write_text(tmp_path / "." / "claims.yaml", "<html>", protect=[data])
    assert data.read_text(encoding="utf-8") == "version: 1\n"
    (tmp_path / "link.yaml").symlink_to(data)
    with pytest.raises(TroopclaimsError, match="an input of this command"):
        safe_write_text(tmp_path / "link.yaml", "<html>", protect=[data])
    safe_write_text(tmp_path / "report.html", "<html>", protect=[data, tmp_path / "not-there.txt"])
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == "<html>"


def test_safe_write_removes_only_leftovers_of_its_own_target(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    leftover = tmp_path / ".report.html.ab_12xyz.tmp"
    other = tmp_path / ".other.html.ab_12xyz.tmp"
    unlike = tmp_path / ".report.html.notes.tmp"
    for path in (leftover, other, unlike):
        path.write_text("partial", encoding="utf-8")
    safe_write_text(target, "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.html.ab_12xyz.tmp", ".report.html.notes.tmp", "report.html"]


# --- write_lock ----------------------------------------------------------------------------------------------------


def test_a_second_writer_in_the_same_process_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    lock = tmp_path / "report.html.lock"
    with write_lock(target):
        assert lock.read_text(encoding="utf-8") == f"{os.getpid()} {socket.gethostname()}\n"
        with pytest.raises(TroopclaimsError) as caught:
            with write_lock(target):
                pass  # pragma: no cover - never reached
        assert str(caught.value) == (
            f"{target}: another troopclaims process (process {os.getpid()} on {socket.gethostname()}) is writing it "
            f"(lock file {lock}); try again when it has finished"
        )
        with pytest.raises(TroopclaimsError, match="another troopclaims process .* is writing it"):
            safe_write_text(target, "second")
        assert lock.exists()  # the refused writer did not remove the holder's lock
    assert not lock.exists() and not target.exists()


def test_a_second_process_is_refused_and_a_killed_holders_lock_is_taken_over(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    lock = tmp_path / "report.html.lock"
    holder = start(HOLDER, str(target))
    try:
        assert lock.read_text(encoding="utf-8").split()[0] == str(holder.pid)
        with pytest.raises(TroopclaimsError, match="another troopclaims process .* is writing it"):
            safe_write_text(target, "mine")
        assert not target.exists()
    finally:
        kill(holder)
    assert lock.exists()  # SIGKILL ran no clean-up: the file stays, but the kernel has released the lock
    safe_write_text(target, "mine")
    assert target.read_text(encoding="utf-8") == "mine"
    assert not lock.exists()


@pytest.mark.parametrize(
    "content",
    ["", "garbled\n", f"{os.getpid()} {socket.gethostname()}\n", f"1 {socket.gethostname()}\n", "999999999 some-other-host\n"],
    ids=["empty", "garbled", "this-process", "a-live-process", "another-host"],
)
def test_a_lock_file_nobody_holds_never_blocks_whatever_it_says(tmp_path: Path, content: str) -> None:
    # Only the kernel's lock counts: a file left by a killed writer, or naming a process id that has
    # been reused by a live process, is taken at once.
    target = tmp_path / "report.html"
    lock = tmp_path / "report.html.lock"
    lock.write_text(content, encoding="utf-8")
    safe_write_text(target, "mine")
    assert target.read_text(encoding="utf-8") == "mine" and not lock.exists()


def test_a_lock_file_replaced_meanwhile_is_not_removed(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    lock = tmp_path / "report.html.lock"
    with write_lock(target):
        lock.unlink()  # e.g. removed by hand, and another writer made a new one
        lock.write_text("1 another-host\n", encoding="utf-8")
    assert lock.read_text(encoding="utf-8") == "1 another-host\n"
