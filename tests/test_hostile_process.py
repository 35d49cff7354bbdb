"""Hostile input, round two: signals and pipes, messages that cannot be forged, terminals and encodings.

Every case runs the program in a subprocess: a broken pipe, a signal or a console encoding acts on a
real process. Each asserts the exit code, what stderr holds (nothing, or one line per problem, never
a traceback), and that no worker process outlives its parent.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import BUNDLED, REPO
from .round2 import ARTICLE, cli, program, usage_error, workspace

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals, pipes and file names")

# --- 5. broken pipes ---------------------------------------------------------------------------------------------

# The tables (rich), each other format once, and click's own output (--help).
SHOWS = [
    ["conflicts"], ["timeline"], ["list"], ["events"], ["extract", str(REPO / "seeds"), "--format", "table"],
    ["conflicts", "--format", "json"], ["list", "--format", "csv"], ["timeline", "--format", "markdown"],
    ["extract", str(REPO / "seeds"), "--format", "jsonl"], ["check", "--format", "github"], ["report", "-o", "-"], ["--help"],
]


def test_a_broken_pipe_is_a_quiet_exit_in_every_command_and_format() -> None:
    # Each command writes into a pipe whose reader has already gone, so its first write breaks it.
    # They run side by side: one case's cost is mostly the program's start-up.
    read, write = os.pipe()
    os.close(read)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "TROOPCLAIMS_DATA": str(BUNDLED)}  # no demo notice on stderr
    try:
        running = [(args, subprocess.Popen([sys.executable, "-m", "troopclaims", *args], stdout=write,
                                           stderr=subprocess.PIPE, env=env)) for args in SHOWS]
    finally:
        os.close(write)
    outcomes = {}
    for args, process in running:
        _, stderr = process.communicate(timeout=90)
        outcomes[" ".join(a for a in args if not a.startswith("/"))] = (process.returncode, stderr)
    quiet = (0, -signal.SIGPIPE, 128 + signal.SIGPIPE)
    assert {name: out for name, out in outcomes.items() if out[0] not in quiet or out[1]} == {}


def test_conflicts_into_head_is_quiet(tmp_path: Path) -> None:
    # Enough conflicting claims that the table is far larger than a pipe's buffer.
    (tmp_path / "articles").mkdir()
    sources, claims = [], []
    for i in range(60):
        (tmp_path / "articles" / f"a{i}.txt").write_text(
            f"About {400 + 10 * i} Danish soldiers left Tapa for Latvia on Monday, the ministry said.\n", encoding="utf-8")
        sources.append(f"  - {{id: s{i}, file: articles/a{i}.txt, outlet: Wire {i}, title: T, "
                       "published: {date: '2024-03-07', basis: stated}}\n")
        claims.append(f"  - {{id: c{i}, source: s{i}, quote: 'About {400 + 10 * i} Danish soldiers left Tapa for Latvia on Monday', "
                      f"actor: Danish, count: {{qualifier: about, value: {400 + 10 * i}}}, unit: soldiers, movement: leave, "
                      "origin: Tapa, destination: Latvia, when: {text: on Monday}}\n")
    data = tmp_path / "claims.yaml"
    data.write_text("version: 1\nsources:\n" + "".join(sources) + "claims:\n" + "".join(claims), encoding="utf-8")
    tool = subprocess.Popen([sys.executable, "-m", "troopclaims", "conflicts", "--data", str(data), "--format", "table"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = subprocess.run(["head", "-1"], stdin=tool.stdout, capture_output=True, timeout=90, check=True)
    assert tool.stdout is not None and tool.stderr is not None
    tool.stdout.close()
    stderr = tool.stderr.read()
    tool.stderr.close()
    code = tool.wait(timeout=90)
    assert head.stdout.strip()
    assert code in (0, -signal.SIGPIPE, 128 + signal.SIGPIPE), code
    assert stderr == b""


# --- 5. signals: workers die with their parent -------------------------------------------------------------------


def children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its exit status waits to be collected


def corpus(folder: Path, n: int = 400) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(ARTICLE * 20, encoding="utf-8")
    return folder


def start_extract(folder: Path) -> tuple[subprocess.Popen[bytes], set[int]]:
    process = subprocess.Popen([sys.executable, "-m", "troopclaims", "extract", str(folder), "--jobs", "2", "--format", "jsonl"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2:
        workers = {pid for pid in children(process.pid) if alive(pid)}
        time.sleep(0.05)
    assert len(workers) >= 2, "the workers did not start"
    time.sleep(0.3)  # let them take work
    return process, workers


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(("sent", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["SIGTERM", "SIGINT"])
def test_a_signal_to_extract_jobs_stops_every_worker(tmp_path: Path, sent: int, code: int) -> None:
    process, workers = start_extract(corpus(tmp_path / "corpus"))
    process.send_signal(sent)
    assert process.wait(timeout=30) == code
    assert process.stderr is not None
    assert b"Traceback" not in process.stderr.read()
    process.stderr.close()
    time.sleep(1.0)
    assert [pid for pid in workers if alive(pid)] == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_parent_leaves_no_worker(tmp_path: Path) -> None:
    process, workers = start_extract(corpus(tmp_path / "corpus"))
    process.kill()
    process.wait(timeout=30)
    assert process.stderr is not None
    process.stderr.close()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.1)
    assert [pid for pid in workers if alive(pid)] == []


# --- 6. messages stay one line and cannot be forged ---------------------------------------------------------------

FORGED = "::error file=forged.yaml,line=1::forged"


def test_a_line_break_in_a_key_stays_one_line_in_every_format(tmp_path: Path) -> None:
    data = workspace(tmp_path)
    data.write_text(data.read_text(encoding="utf-8") + f'    "bad\\n{FORGED}\\r\\u2028\\e[31m": 1\n', encoding="utf-8")
    ran = cli("check", str(data))
    assert ran.code == 1 and len(ran.lines) == 2, ran.lines
    assert "bad\\n::error file=forged.yaml,line=1::forged\\r\\u2028\\x1b[31m" in ran.lines[0]
    github = cli("check", str(data), "--format", "github")
    assert github.code == 1
    assert not any(line.lstrip().startswith("::error file=forged") for line in github.stdout.splitlines())
    assert_no_command_outside_annotations(github.stdout, annotations=1)


def assert_no_command_outside_annotations(log: str, *, annotations: int) -> None:
    """The real annotations first; everything echoed after them sits between stop-commands markers."""
    lines = log.splitlines()
    assert all(line.startswith(("::error ", "::warning ")) for line in lines[:annotations]), lines
    stop = re.fullmatch(r"::stop-commands::([0-9a-f]{32})", lines[annotations])
    assert stop, lines[annotations]
    assert lines[-1] == f"::{stop[1]}::"
    assert stop[1] not in "\n".join(lines[annotations + 1 : -1])


def test_a_forged_annotation_in_a_file_name_is_not_a_command(tmp_path: Path) -> None:
    folder = tmp_path / f"x\n{FORGED}\n"
    folder.mkdir()
    data = workspace(folder)
    data.write_text(data.read_text(encoding="utf-8").replace("400 soldiers", "401 soldiers"), encoding="utf-8")
    ran = cli("check", str(data), "--format", "github")
    assert ran.code == 1
    assert not any(line.lstrip().startswith("::error file=forged") for line in ran.stdout.splitlines())
    assert_no_command_outside_annotations(ran.stdout, annotations=1)
    text = cli("check", str(data))
    assert len(text.lines) == 2 and "\\n::error file=forged.yaml" in text.lines[0]


def test_a_line_break_in_an_article_name_stays_one_line(tmp_path: Path) -> None:
    data = workspace(tmp_path)
    data.write_text(data.read_text(encoding="utf-8").replace("articles/a.txt", '"articles/a\\nb.txt"'), encoding="utf-8")
    ran = cli("check", str(data))
    assert ran.code == 1 and len(ran.lines) == 2
    missing = tmp_path / "gone\naway.txt"
    assert usage_error(cli("extract", str(missing))).endswith("gone\\naway.txt: no such file or folder")


# --- 8. terminals and encodings -----------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["list"], ["conflicts"], ["timeline"], ["events"], ["extract", str(REPO / "seeds"), "--format", "table"]],
                         ids=["list", "conflicts", "timeline", "events", "extract"])
def test_a_narrow_dumb_terminal_still_shows_the_content(command: list[str]) -> None:
    ran = cli(*command, env={"TERM": "dumb", "COLUMNS": "20", "TROOPCLAIMS_DATA": str(BUNDLED)})
    assert ran.code == 0 and ran.stderr == "", ran.stderr[-2000:]
    assert max(len(line) for line in ran.stdout.splitlines()) <= 20
    # Every row is there: each claim id (or quote) the wide table shows, the narrow one shows too.
    wide = cli(*command, env={"COLUMNS": "400"})
    first_cells = [line.split("|")[1].strip() for line in wide.stdout.splitlines() if line.startswith("| ")][1:]
    narrow = ran.stdout.replace("\n", "")
    assert first_cells and all(cell.replace(" ", "") in narrow.replace(" ", "") for cell in first_cells if cell)


@pytest.mark.parametrize(
    ("encoding", "args"),
    [("cp1252", ["list"]), ("cp1252", ["conflicts"]), ("ascii", ["timeline"]), ("cp1252", ["events"]), ("cp1252", ["list", "--format", "markdown"]),
     ("ascii", ["conflicts", "--format", "json"]), ("latin-1", ["check"])],
    ids=["cp1252-list", "cp1252-conflicts", "ascii-timeline", "cp1252-events", "cp1252-markdown", "ascii-json", "latin1-check"],
)
def test_a_console_that_is_not_utf8_degrades(encoding: str, args: list[str]) -> None:
    ran = program(*args, env={"PYTHONIOENCODING": encoding})
    assert ran.code == 0, ran.stderr[-2000:]
    assert "Traceback" not in ran.stderr
    if args == ["list"]:
        assert "from -> to" in ran.stdout  # the column header's arrow, as ASCII
    if "json" in args:  # data is escaped, never replaced: it reads back exactly
        assert json.loads(ran.stdout) == json.loads(cli(*args).stdout)


def test_a_file_name_that_is_not_utf8_never_crashes(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path) + b"/corpus"
    os.mkdir(folder)
    with open(folder + b"/\xff\xfe report.txt", "w", encoding="utf-8") as article:
        article.write(ARTICLE)
    for fmt in ("jsonl", "table"):
        ran = program("extract", os.fsdecode(folder), "--format", fmt)
        assert ran.code == 0 and "Traceback" not in ran.stderr, (fmt, ran.stderr[-2000:])
    ran = cli("extract", os.fsdecode(folder + b"/\xfe.txt"))
    assert usage_error(ran).endswith("\\xfe.txt: no such file or folder")
    data = workspace(tmp_path)
    before = data.read_bytes()
    os.rename(folder, os.fsencode(tmp_path) + b"/articles/corpus")
    ran = cli("extract", str(tmp_path / "articles" / "corpus"), "--merge", str(data))
    assert ran.code == 1 and "Traceback" not in ran.stderr
    assert any(line.startswith("skipped: ") and line.endswith("\\xff\\xfe report.txt: the file name is not UTF-8 text, "
                                                              "or holds control characters; rename the file to add it")
               for line in ran.lines), ran.lines
    assert data.read_bytes() == before
