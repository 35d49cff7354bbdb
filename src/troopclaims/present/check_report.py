"""Reporters for `troopclaims check`: the same problems as text lines, JSON, or GitHub workflow annotations."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from typing import TextIO

from ..errors import Problem, one_line


def _summary(problems: list[Problem], path: str) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"{path}: ok"
    return f"{path}: {errors} error(s), {warnings} warning(s)"


def report_text(problems: list[Problem], path: str, out: TextIO, err: TextIO, counts: dict[str, int] | None = None) -> None:
    for problem in problems:
        prefix = "" if problem.severity == "error" else "warning: "
        where, _, message = str(problem).partition(": ")
        err.write(f"{where}: {prefix}{message}\n")
    (err if problems else out).write(one_line(_summary(problems, path)) + "\n")


def report_json(problems: list[Problem], path: str, out: TextIO, err: TextIO, counts: dict[str, int] | None = None) -> None:
    """counts, when the file could be read: its claims, how many are left to review, how many rejected."""
    records = [
        {"path": p.path, "line": p.line, "column": p.column, "severity": p.severity, "code": p.code, "message": p.message}
        for p in problems
    ]
    report = {"path": path, "valid": not any(p.severity == "error" for p in problems), "problems": records}
    json.dump({**report, **(counts or {})}, out, indent=2)
    out.write("\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def report_github(problems: list[Problem], path: str, out: TextIO, err: TextIO, counts: dict[str, int] | None = None) -> None:
    # GitHub shows at most 10 annotations of a kind per step, so every problem also goes to the log.
    for problem in problems:
        fields = [f"file={_escape_property(problem.path)}"]
        if problem.line:
            fields += [f"line={problem.line}", f"col={problem.column or 1}"]
        fields.append(f"title={_escape_property('troopclaims ' + problem.code)}")
        out.write(f"::{problem.severity} {','.join(fields)}::{_escape_data(one_line(problem.message))}\n")
    # The echo repeats values from the data file (keys, file names): between these markers the runner
    # reads no workflow command, so no value can pass for an annotation, whatever it holds. The token
    # is unguessable, so the data cannot end the quiet stretch early.
    token = secrets.token_hex(16)
    out.write(f"::stop-commands::{token}\n")
    report_text(problems, path, out, out)
    out.write(f"::{token}::\n")


Reporter = Callable[[list[Problem], str, TextIO, TextIO, "dict[str, int] | None"], None]
REPORTERS: dict[str, Reporter] = {"text": report_text, "json": report_json, "github": report_github}
