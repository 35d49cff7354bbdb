"""Reading articles and data files defensively, and writing files so that none is ever half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import Problem, TroopclaimsError

#: Articles are news stories: anything larger is not one, and reading it whole would cost memory.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
#: A reviewed data file of 50 MB holds on the order of 100,000 claims; past that, split it.
MAX_DATA_BYTES = 50 * 1024 * 1024


def _fail(path: Path | str, message: str, line: int = 0, column: int = 0) -> TroopclaimsError:
    problem = Problem(str(path), line, column, message, "unreadable")
    return TroopclaimsError(str(problem), [problem])


def read_text(path: Path, *, limit: int, what: str) -> str:
    """Read a UTF-8 text file, refusing what is too large, binary or not UTF-8.

    A leading byte order mark is dropped; line ends are kept as they are, so that offsets
    (counted in code points of the decoded text) slice the same text every reader sees.
    """
    try:
        if path.is_dir():
            raise _fail(path, f"is a folder, not a {what} file")
        size = path.stat().st_size
        if size > limit:
            raise _fail(path, f"{what} file is {size:,} bytes, over the limit of {limit:,} bytes; split it")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _fail(path, "no such file") from None
    except PermissionError:
        raise _fail(path, "permission denied") from None
    except OSError as exc:
        raise _fail(path, f"cannot read: {exc.strerror or exc}") from None
    return decode_text(raw, path, what)


def decode_text(raw: bytes, path: Path | str, what: str) -> str:
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise _fail(path, f"a NUL byte: this is a binary file, not a {what} file", line, 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _fail(
            path,
            f"byte 0x{raw[exc.start]:02x} at offset {exc.start} is not UTF-8; re-save the {what} file as UTF-8",
            line,
            column,
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def atomic_write_text(path: Path, text: str) -> None:
    """Replace path's contents with text so that a crash at any moment leaves the old file or the new one.

    The temporary file lives in the same folder (a rename is only atomic within one file system),
    is flushed to disk before the rename, and the folder is synced after it so the rename itself survives.
    """
    path = Path(path)
    folder = path.parent
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as tmp:
            tmp.write(text)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    with contextlib.suppress(OSError):  # not every platform can open a folder
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


@contextlib.contextmanager
def write_lock(path: Path) -> Iterator[None]:
    """Hold PATH.lock for the duration of a write; a second writer is refused, not interleaved.

    The lock file records the holder's process id so that a lock left by a killed process
    can be recognised and taken over.
    """
    lock = Path(f"{path}.lock")
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            if not _stale(lock):
                raise TroopclaimsError(
                    f"{path}: another troopclaims process is writing it (lock file {lock}); "
                    "try again when it has finished, or delete the lock file if no other process runs"
                ) from None
            with contextlib.suppress(FileNotFoundError):
                lock.unlink()
    else:  # pragma: no cover - two stale-lock races in a row
        raise TroopclaimsError(f"{path}: could not take the lock file {lock}")
    try:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()


def _stale(lock: Path) -> bool:
    try:
        pid = int(lock.read_text().strip() or "0")
    except (OSError, ValueError):
        return False
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False
