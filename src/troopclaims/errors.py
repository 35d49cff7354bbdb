"""The package's one exception type and the problem records that checks produce."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a data file or an article, pointing at where it is.

    line and column are 1-based; 0 means "the file as a whole" (no position).
    """

    path: str
    line: int
    column: int
    message: str
    code: str = "invalid"
    severity: str = "error"

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.message}"


class TroopclaimsError(Exception):
    """Raised by domain code for bad input; the CLI turns it into a one-line message.

    exit_code is 1 for bad data and 2 for bad usage, as click and linters do.
    """

    exit_code = 1

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class UsageError(TroopclaimsError):
    exit_code = 2
