"""Shared helpers of the second round of hostile-input tests (tests/test_hostile_round2.py, test_hostile_process.py).

A case runs the command line in-process (cli), or, where signals, pipes, console encodings or
resource limits must act on a real process, as the real program in a subprocess (program). It
asserts the exit code, that stderr holds one line per problem with no traceback, and that the
user's data file kept every byte.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from troopclaims.cli import main

#: Generous: only a hang or a blow-up goes past it. No test asserts a duration.
HANG = 90.0

ARTICLE = (
    "Published: 2024-03-07\n\n"
    "About 400 soldiers left the garrison at Tapa on Monday and will move to Latvia, the Danish defence ministry said.\n\n"
    "A regional monitoring group said more than 250 troops had already arrived near Riga.\n"
)
QUOTE = "About 400 soldiers left the garrison at Tapa on Monday"


@dataclass(frozen=True)
class Ran:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


def program(*args: str, env: dict[str, str] | None = None, timeout: float = HANG, **popen: object) -> Ran:
    """Run the program in a subprocess, as a user would; its output decoded leniently (bytes may be anything)."""
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "troopclaims", *args], capture_output=True, env=environment,
        timeout=timeout, check=False, **popen,  # type: ignore[call-overload]
    )
    return Ran(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


def cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Ran:
    """Run the command line in this process (much cheaper than a subprocess), from cwd if given."""
    before = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    finally:
        os.chdir(before)
    return Ran(result.exit_code, result.stdout, result.stderr)


def clean_error(ran: Ran, code: int) -> str:
    """The one line a refused command printed, after checking exit code, no traceback, one line."""
    assert ran.code == code, (ran.code, ran.stderr[-2000:])
    assert "Traceback" not in ran.stderr, ran.stderr[-2000:]
    assert len(ran.lines) == 1, ran.lines
    return ran.lines[0]


def workspace(folder: Path, article: str = ARTICLE) -> Path:
    """A data file with one source and one claim, its article beside it; returns the data file."""
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "articles" / "a.txt").write_text(article, encoding="utf-8")
    data = folder / "claims.yaml"
    data.write_text(
        "version: 1\n"
        "sources:\n"
        "  - id: a\n"
        "    file: articles/a.txt\n"
        "    outlet: Baltic Wire\n"
        "    title: Danish battalion leaves\n"
        '    published: {date: "2024-03-07", basis: stated}\n'
        "claims:\n"
        "  - id: a-1\n"
        "    source: a\n"
        f"    quote: {QUOTE}\n",
        encoding="utf-8",
    )
    return data


def usage_error(ran: Ran) -> str:
    """The message of a usage error (exit 2): click's usage lines, then one line starting 'Error: '."""
    assert ran.code == 2, (ran.code, ran.stderr[-2000:])
    assert "Traceback" not in ran.stderr, ran.stderr[-2000:]
    assert ran.lines and ran.lines[-1].startswith("Error: "), ran.lines
    assert sum(line.startswith("Error") for line in ran.lines) == 1, ran.lines
    return ran.lines[-1]
