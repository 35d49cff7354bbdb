"""Reading articles and data files defensively.

Reading: read_text is the one way to read a user's file. It refuses what is not a regular file
(a folder, a FIFO, a device), what is larger than the limit (checked before reading, and again
while reading, so a file that grows or lies about its size cannot exhaust memory), binary files
and anything that is not UTF-8, each with a one-line message naming the file and, where there
is one, the line and column.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..errors import Problem, TroopclaimsError

#: Articles are news stories: anything larger is not one, and reading it whole would cost memory.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
#: A reviewed data file of 50 MB holds on the order of 100,000 claims; past that, split it.
MAX_DATA_BYTES = 50 * 1024 * 1024

_O_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)


def _a(word: str) -> str:
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _fail(path: Path | str, message: str, line: int = 0, column: int = 0) -> TroopclaimsError:
    problem = Problem(str(path), line, column, message, "unreadable")
    return TroopclaimsError(str(problem), [problem])


def file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_text(path: Path, *, limit: int, what: str, keep_bom: bool = False) -> str:
    """Read a UTF-8 text file, refusing what is too large, binary, not a regular file or not UTF-8.

    A leading byte order mark is dropped (kept with keep_bom, for a caller that rewrites the file); line ends are kept as they are, so that offsets
    (counted in code points of the decoded text) slice the same text every reader sees.
    """
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat below refuses it.
        fd = os.open(path, _O_READ)
    except FileNotFoundError:
        raise _fail(path, "no such file") from None
    except IsADirectoryError:
        raise _fail(path, f"is a folder, not {_a(what)} file") from None
    except ValueError:  # an embedded NUL character in the name
        raise _fail(path, "the file name contains a NUL character") from None
    except OSError as exc:
        raise _fail(path, os_reason(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _fail(path, f"is a folder, not {_a(what)} file")
        if not stat.S_ISREG(info.st_mode):
            raise _fail(path, f"is {file_kind(info.st_mode)}, not {_a(what)} file")
        if info.st_size > limit:
            raise _fail(path, f"{what} file is {info.st_size:,} bytes, {_over(limit)}")
        raw = _read_at_most(fd, limit + 1)
        if len(raw) > limit:  # grew while we read, or reported a wrong size
            raise _fail(path, f"{what} file is larger than its stated size of {info.st_size:,} bytes and {_over(limit)}")
    except OSError as exc:
        raise _fail(path, f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    return decode_text(raw, path, what, keep_bom=keep_bom)


#: The operating system's refusals to look a name up or open it, in words that say what to do.
_REASONS = {
    errno.ENAMETOOLONG: "the file name is too long for this file system; rename it",
    errno.EACCES: "permission denied; ask for access or copy it somewhere readable",
    errno.EPERM: "permission denied; ask for access or copy it somewhere readable",
    errno.ELOOP: "too many levels of symbolic links (a link loop?)",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
}


def os_reason(exc: OSError) -> str:
    """Why a name could not be looked up or read, for a one-line message that names the file first."""
    return _REASONS.get(exc.errno or 0) or f"cannot read: {exc.strerror or exc}"


def path_kind(path: Path) -> str | None:
    """"folder", "file" (or anything else that is there), or None when nothing is; TroopclaimsError when the
    name cannot even be looked up (too long, no permission to search a folder on the way, a link loop).

    Path.is_dir() and its kind raise on these instead of answering, which would end in a traceback.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except ValueError:
        raise _fail(path, "the file name contains a NUL character") from None
    except OSError as exc:
        raise _fail(path, os_reason(exc)) from None
    return "folder" if stat.S_ISDIR(info.st_mode) else "file"


def folder_files(folder: Path) -> list[Path]:
    """The regular files directly in folder (links followed), in no particular order; TroopclaimsError naming
    the folder when it cannot be listed. An entry that cannot be looked up is left out: reading it would fail."""
    try:
        with os.scandir(folder) as entries:
            found = []
            for entry in entries:
                try:
                    if entry.is_file():
                        found.append(folder / entry.name)
                except OSError:
                    continue
            return found
    except OSError as exc:
        raise _fail(folder, f"cannot list the folder: {os_reason(exc)}") from None


def _over(limit: int) -> str:
    megabytes = f" ({limit // (1024 * 1024)} MB)" if limit >= 1024 * 1024 else ""
    return f"over the limit of {limit:,} bytes{megabytes}; split it"


def _read_at_most(fd: int, count: int) -> bytes:
    chunks: list[bytes] = []
    remaining = count
    while remaining > 0:
        chunk = os.read(fd, min(remaining, 1024 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def decode_text(raw: bytes, path: Path | str, what: str, *, keep_bom: bool = False) -> str:
    """Decode UTF-8 strictly; a refusal names the first bad byte, its offset, line and column."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(path, f"this is UTF-16 text (it starts with a UTF-16 byte order mark); re-save the {what} file as UTF-8", 1, 1)
    if b"\x00" in raw:
        at = raw.index(b"\x00")
        line, column = _line_column(raw, at)
        raise _fail(path, f"a NUL byte at offset {at}: this is a binary file, not {_a(what)} file", line, column)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_column(raw, exc.start)
        raise _fail(
            path,
            f"byte 0x{raw[exc.start]:02x} at offset {exc.start} is not UTF-8; re-save the {what} file as UTF-8",
            line,
            column,
        ) from None
    return text[1:] if text.startswith("\ufeff") and not keep_bom else text


def _line_column(raw: bytes, at: int) -> tuple[int, int]:
    """1-based line and column (in characters of the valid text before it) of byte offset at."""
    line_start = raw.rfind(b"\n", 0, at) + 1
    column = len(raw[line_start:at].decode("utf-8", errors="replace")) + 1
    return raw.count(b"\n", 0, at) + 1, column




#: How standard input is named in messages and as a file's path when "-" is given for a file.
STDIN_NAME = "<stdin>"


def read_stdin(*, limit: int, what: str) -> str:
    """Standard input as text, under the same size limit and UTF-8 rules as a file."""
    import sys

    raw = _read_at_most(sys.stdin.fileno(), limit + 1) if _has_fileno(sys.stdin) else sys.stdin.buffer.read(limit + 1)
    if len(raw) > limit:
        raise _fail(STDIN_NAME, f"the {what} on standard input is {_over(limit)}")
    return decode_text(raw, STDIN_NAME, what)


def _has_fileno(stream: object) -> bool:
    try:
        stream.fileno()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False  # a test runner's in-memory stream
    return True
