"""Writing files so that none is ever half-written.

Writing: code that writes a file the user named should call

    safe_write_text(path, text, what="report")

which takes write_lock(path) and then calls atomic_write_text(path, text), turning every
operating-system error into a one-line TroopclaimsError. The two can also be used on their own:

* atomic_write_text writes a temporary file ``.NAME.XXXXXXXX.tmp`` in the target's folder,
  flushes it to disk, and renames it over the target, so that a crash or a kill at any moment
  leaves either the complete old file or the complete new one. A kill can leave the temporary
  file behind; it is never mistaken for the target, and the next safe_write_text of the same
  target removes it.
* write_lock holds the operating system's lock on ``PATH.lock`` for the duration of a write, so that
  a second troopclaims writer is refused with a clear message instead of interleaving. The kernel
  releases it when the writer ends, however it ends.

Nothing here ever writes anywhere but the named target, its lock file and its temporary file;
a target that exists and is not a regular file (a device such as /dev/null, a FIFO, a folder) is
refused rather than replaced.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import socket
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import TroopclaimsError
from .read import file_kind, read_text

try:
    import fcntl as _fcntl
except ImportError:  # pragma: no cover - Windows, where msvcrt locks instead
    _fcntl = None  # type: ignore[assignment,unused-ignore]




def _through_links(path: Path) -> Path:
    """The file a symbolic link leads to (the link itself stays), or path when it is not a link."""
    if not path.is_symlink():
        return path
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # RuntimeError: a link loop, before Python 3.13
        raise TroopclaimsError(f"{path}: is a symbolic link that leads nowhere (a loop); name another file") from None


def _new_file_mode() -> int:
    umask = os.umask(0o022)  # reading the umask means setting it; put it straight back
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write_text(path: Path, text: str) -> None:
    """atomic_write_bytes of the text in UTF-8."""
    # Encoded before anything is created: an unencodable text leaves no temporary file.
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace path's contents with data so that a crash at any moment leaves the old file or the new one.

    The temporary file lives in the same folder (a rename is only atomic within one file system),
    is flushed to disk before the rename, and the folder is synced after it so the rename itself survives.
    A symbolic link is written through (the link stays, its target gets the new text). A target that
    exists and is not a regular file is refused with TroopclaimsError; other failures raise OSError.
    """
    path = _through_links(Path(path))
    try:
        info = path.stat()
    except FileNotFoundError:
        mode = _new_file_mode()
    else:
        if stat.S_ISDIR(info.st_mode):
            raise TroopclaimsError(f"{path}: is a folder; name a file to write")
        if not stat.S_ISREG(info.st_mode):
            raise TroopclaimsError(f"{path}: is {file_kind(info.st_mode)}, which troopclaims will not replace; name a regular file")
        mode = stat.S_IMODE(info.st_mode)
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
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


def temp_files_of(path: Path) -> list[Path]:
    """Temporary files that atomic_write_text left beside path when it was killed mid-write."""
    path = Path(path)
    pattern = re.compile(rf"^\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.tmp$")
    try:
        return sorted(p for p in path.parent.iterdir() if pattern.match(p.name) and p.is_file() and not p.is_symlink())
    except OSError:
        return []


def safe_write_text(path: Path, text: str, *, what: str = "file", protect: Iterable[Path] = ()) -> None:
    """safe_write_bytes of the text in UTF-8."""
    safe_write_bytes(path, text.encode("utf-8"), what=what, protect=protect)


def safe_write_bytes(path: Path, data: bytes, *, what: str = "file", protect: Iterable[Path] = ()) -> None:
    """Write a file the user named: locked against a second writer, atomic, errors as one line.

    This is what commands that write (report -o, extract --merge, ...) should call. protect
    names files the command read (the data file, its articles): writing over one of them,
    say `report --data claims.yaml -o claims.yaml`, is refused instead of destroying it.
    Leftover temporary files of earlier, killed writes of the same target are removed
    while the lock is held (no other troopclaims process can be writing them then).
    """
    path = Path(path)
    existed = False
    try:
        path = _through_links(path)
        for kept in protect:
            if _same_file(path, Path(kept)):
                raise TroopclaimsError(f"{path}: is {kept}, an input of this command; name another file to write")
        # Checked before the lock is taken, so that the message names the real cause, not the lock file.
        folder = _folder_problem(path)
        if folder:
            raise TroopclaimsError(f"{path}: cannot write the {what}: {folder}")
        existed = path.exists()
        with write_lock(path):
            _remove_leftovers(path)
            atomic_write_bytes(path, data)
    except OSError as exc:
        raise _cannot_write(path, what, exc, existed) from None


def update_text(path: Path, update: Callable[[str], str], *, limit: int, what: str = "data", wait: float = 0.0) -> bool:
    """Rewrite a file through update(text) under its lock: read, change, write atomically, errors as one line.

    A byte order mark the file starts with is kept (update sees the text after it), so the
    file's bytes change only where update changes its text. Returns whether anything changed;
    an unchanged file is not rewritten. wait: seconds to wait for another writer's lock (see write_lock).
    """
    path = Path(path)
    try:
        with write_lock(path, wait=wait):
            text = read_text(path, limit=limit, what=what, keep_bom=True)
            mark = "\ufeff" if text.startswith("\ufeff") else ""
            body = text[len(mark):]
            changed = update(body)
            _remove_leftovers(path)
            if changed == body:
                return False
            atomic_write_text(path, mark + changed)
            return True
    except OSError as exc:
        raise _cannot_write(path, f"{what} file", exc, True) from None


def _remove_leftovers(path: Path) -> None:
    for leftover in temp_files_of(path):
        with contextlib.suppress(OSError):
            leftover.unlink()


#: What to do about the operating system's refusals a user can meet: a full disk, a limit, a bad name.
_ADVICE = {
    errno.ENOSPC: "no space is left on the device; free some space and try again",
    errno.EDQUOT: "the disk quota is used up; free some space and try again",
    errno.EFBIG: "it would pass the size limit for files here (ulimit -f); raise the limit or write elsewhere",
    errno.ENAMETOOLONG: "the file name is too long for this file system; choose a shorter name",
    errno.EACCES: "permission denied; write somewhere you may write, or ask for access",
    errno.EPERM: "permission denied; write somewhere you may write, or ask for access",
    errno.EROFS: "the file system is read-only; write somewhere else",
    errno.ENOLCK: "this file system cannot lock files; write the file on a local disk",
}


def _cannot_write(path: Path, what: str, exc: OSError, existed: bool) -> TroopclaimsError:
    reason = None
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        reason = _folder_problem(path)
    if reason is None:
        reason = _ADVICE.get(exc.errno or 0) or f"{exc.strerror or exc}; try again, or write somewhere else"
    kept = " (the old file is unchanged)" if existed else ""
    return TroopclaimsError(f"{path}: cannot write the {what}: {reason}{kept}")


def _folder_problem(path: Path) -> str | None:
    """Why path's folder cannot hold it (missing, or a file where a folder should be), or None."""
    folder = path.parent
    for ancestor in (folder, *folder.parents):
        try:
            info = ancestor.stat()
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError:  # too long a name, no permission: the write itself will say what is wrong
            return None
        if not stat.S_ISDIR(info.st_mode):
            return f"{ancestor} is a file, not a folder; name a path in a folder"
        return None if ancestor == folder else f"the folder {folder} does not exist; create it first"
    return f"the folder {folder} does not exist; create it first"


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):
        return False


@contextlib.contextmanager
def write_lock(path: Path, *, wait: float = 0.0) -> Iterator[None]:
    """Hold PATH.lock for the duration of a write; a second writer is refused, not interleaved.

    The lock is the operating system's (flock, or msvcrt.locking on Windows) on the lock file, so the
    kernel releases it when its holder ends, however it ends: a lock file left by a killed writer, or
    one naming a process id that has since been reused, never blocks anyone. The file holds the
    holder's process id and host name, for the message. A lock that is held (by another process, or by
    this one) is respected: the caller gets a TroopclaimsError, at once or, with wait, when it is still held
    after that many seconds (a writer whose own writes are short, such as review beside add, waits its
    turn). OSError (a folder that cannot be written) is left to the caller, which knows what it was writing.
    """
    lock = Path(f"{path}.lock")
    deadline = time.monotonic() + wait
    attempts = 0
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        locked = _try_lock(fd)
        while not locked and time.monotonic() < deadline:
            time.sleep(0.02)
            locked = _try_lock(fd)
        if not locked:
            holder = os.read(fd, 200).decode("utf-8", "replace").split()
            os.close(fd)
            by = f" (process {holder[0]} on {holder[1]})" if len(holder) > 1 else ""
            raise TroopclaimsError(f"{path}: another troopclaims process{by} is writing it (lock file {lock}); "
                                   "try again when it has finished")
        if _is_at(fd, lock):
            break
        os.close(fd)  # the previous holder removed the file it locked as we opened it: lock the new one
        attempts += 1
        if attempts >= 5 and time.monotonic() >= deadline:  # pragma: no cover - writers finishing in a row, each as we opened it
            raise TroopclaimsError(f"{path}: could not take the lock file {lock}; try again")
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
        yield
    finally:
        # Removed while still held, and only if it is still the file we locked: a writer that opened it
        # meanwhile sees it gone once it gets the lock, and tries again on a new file.
        if _is_at(fd, lock):
            with contextlib.suppress(OSError):  # Windows cannot remove an open file; it stays, unlocked
                lock.unlink()
        os.close(fd)


def _try_lock(fd: int) -> bool:
    """Take the kernel's exclusive lock on fd without waiting; False when someone holds it."""
    try:
        if _fcntl is not None:
            _fcntl.flock(fd, _fcntl.LOCK_EX | _fcntl.LOCK_NB)
        else:  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK):
            return False
        raise
    return True


def _is_at(fd: int, lock: Path) -> bool:
    """Whether the open file fd is still the file at the path lock (not removed or replaced)."""
    try:
        here, held = os.stat(lock), os.fstat(fd)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (held.st_dev, held.st_ino)
