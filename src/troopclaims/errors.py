"""The package's one exception type and the problem records that checks produce."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that could break a message over lines, rewrite the terminal or reorder what a reader sees:
# C0 and C1 controls (line breaks, escape sequences), the Unicode line and paragraph separators,
# bidirectional overrides, and the lone surrogates that stand for undecodable bytes of a file name.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8, as Python decodes it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """text with every character that could break or forge a message shown as an escape (a line break as \\n)."""
    return _UNSAFE.sub(_escape, text)


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
        return one_line(f"{where}: {self.message}")


class TroopclaimsError(Exception):
    """Raised by domain code for bad input; the CLI turns it into a one-line message.

    exit_code is 1 for bad data and 2 for bad usage, as click and linters do. The message is made
    one line here, once, whatever values (a file name, a YAML key) were put into it.
    """

    exit_code = 1

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(one_line(message))
        self.problems = problems or []


class UsageError(TroopclaimsError):
    exit_code = 2
