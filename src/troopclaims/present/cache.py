"""A cache of what a command shows, so that a second `list` or `conflicts` on unchanged files starts instantly.

An entry is keyed by a hash of everything the view is made from, read before any analysis runs:
the installed troopclaims itself (the size and time of every file of the package, so a new version or an
edited checkout misses), the command and its options, and the data file's path and bytes. Inside the entry
sit the files the analysis read besides (articles, gazetteer files) with the hash of their bytes; a hit
needs each to hash the same again. So any change to any input misses, and the cache is never stale.

Entries are written atomically (a reader sees a whole entry or none), and an entry is not written when an
input changed while the analysis ran (its modification time falls after the analysis started, less the
coarsest clock a file system keeps): the view might mix the old file and the new. A cache that cannot be
read or written is passed over: the command works as without it.

The cache lives in the user's cache folder (platformdirs), or in TROOPCLAIMS_CACHE_DIR when that is set.
Only the standard library, platformdirs and the renderer's View are imported here: a hit loads no
pydantic model, world index or engine.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from .render import Column, View

#: Entries kept; past this the oldest are removed when a new one is written.
MAX_ENTRIES = 256
#: File systems keep modification times as coarsely as this (FAT: 2 s); a file changed less than this before
#: the analysis started may have changed during it without its time showing it.
_CLOCK_SLACK_NS = 2_000_000_000
_FORMAT = 1  # of an entry; bumped when the layout of an entry changes
_PACKAGE = Path(__file__).resolve().parent.parent


def cache_folder() -> Path:
    override = os.environ.get("TROOPCLAIMS_CACHE_DIR", "").strip()
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("troopclaims", appauthor=False))


def _package_signature() -> str:
    """The installed troopclaims: every file of the package by name, size and modification time."""
    digest = hashlib.blake2b(digest_size=16)
    for folder, subfolders, files in os.walk(_PACKAGE):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(files):
            with contextlib.suppress(OSError):
                info = os.stat(os.path.join(folder, name))
                digest.update(f"{os.path.relpath(os.path.join(folder, name), _PACKAGE)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def file_hash(path: Path) -> str | None:
    """The hash of a file's bytes, or None when it cannot be read (then nothing about it is cached)."""
    digest = hashlib.blake2b(digest_size=16)
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except (OSError, ValueError):
        return None
    return digest.hexdigest()


def view_to_json(view: View) -> dict[str, Any]:
    """The view as data for json.dumps(default=str), which treats records as the JSON renderer does.

    Built field by field, not with dataclasses.asdict: that deep-copies every row and record first, which
    cost a first `list` on the bundled data 13 ms. Rows are flat dicts of text, so nothing else changes.
    """
    plain = {item.name: getattr(view, item.name) for item in fields(view)}
    plain["columns"] = [asdict(column) for column in view.columns]
    return plain


def view_from_json(plain: dict[str, Any]) -> View:
    return View(**{**plain, "columns": [Column(**column) for column in plain["columns"]]})


class ViewCache:
    """The cache entry of one command run on one data file."""

    def __init__(self, data: Path, command: str, options: dict[str, Any], extra: Iterable[Path] = ()) -> None:
        """data: the data file; options: everything else the view depends on; extra: files named on the
        command line (--gazetteer), hashed into the key like the data file."""
        self.started = time.time_ns()
        digest = hashlib.blake2b(digest_size=20)
        digest.update(f"{_FORMAT}\0{_package_signature()}\0{command}\0{json.dumps(options, sort_keys=True, default=str)}".encode())
        self.usable = True
        for path in (data, *extra):
            content = file_hash(path)
            if content is None:
                self.usable = False
            digest.update(f"\0{os.path.abspath(path)}\0{content}".encode())
        self.data = data
        self.path = cache_folder() / f"{digest.hexdigest()}.json"

    def load(self) -> tuple[View, list[Path]] | None:
        """The cached view and the files it was made from, when each still holds the same bytes, else None."""
        if not self.usable:
            return None
        try:
            entry = json.loads(self.path.read_text(encoding="utf-8"))
            if any(file_hash(Path(name)) != content for name, content in entry["inputs"]):
                return None
            return view_from_json(entry["view"]), [Path(name) for name, _ in entry["inputs"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing, unreadable, or written by another version: analyse afresh

    def store(self, view: View, inputs: Iterable[Path]) -> None:
        """Keep the view, with the files it was read from; quietly nothing when it cannot be trusted or written."""
        if not self.usable:
            return
        named = []
        for path in dict.fromkeys(Path(os.path.abspath(p)) for p in inputs):
            content = file_hash(path)
            if content is None or not self._settled(path):
                return
            named.append((str(path), content))
        if not self._settled(self.data):
            return
        from ..files import atomic_write_text

        with contextlib.suppress(OSError, ValueError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, json.dumps({"inputs": named, "view": view_to_json(view)}, default=str))
            _prune(self.path.parent)

    def _settled(self, path: Path) -> bool:
        """True when the file was last changed safely before the analysis started."""
        try:
            return os.stat(path).st_mtime_ns < self.started - _CLOCK_SLACK_NS
        except OSError:
            return False


def cached_view(cache: ViewCache | None, make: Callable[[], tuple[View, list[Path]]]) -> tuple[View, list[Path], bool]:
    """The cached view, or make()'s (a view and the files it read), kept for next time; with the files it was
    made from, and whether it came from the cache."""
    if cache is not None:
        hit = cache.load()
        if hit is not None:
            return hit[0], hit[1], True
    view, inputs = make()
    if cache is not None:
        cache.store(view, inputs)
    return view, inputs, False


def _prune(folder: Path) -> None:
    entries = []
    for entry in folder.glob("*.json"):
        with contextlib.suppress(OSError):
            entries.append((entry.stat().st_mtime_ns, entry))
    for _, old in sorted(entries)[:-MAX_ENTRIES]:
        with contextlib.suppress(OSError):
            old.unlink()
