"""The built-in gazetteer kept as built, beside its sources, so that a command need not build it on each run.

Building it (parsing and checking gazetteer.yaml, merging its places with the world index, indexing every name
and alias) cost a first `list` on the bundled data 35 ms; loading the kept copy costs about 4. The copy,
gazetteer.pickle, is written by ``python -m troopclaims.world.snapshot`` and opens with a key: a hash of the
bytes of everything the build reads (gazetteer.yaml, the world index's header and the modules that do the
building). A copy whose key is not that of the files beside it is passed over and the gazetteer is built as
before, so an edit to any of them can cost time but never yields a stale gazetteer; tests/test_world_snapshot.py
fails until the copy is written again. The copy is package data like world.idx, never a user's file.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .gazetteer import Gazetteer
    from .index import WorldIndex

_HERE = Path(__file__).resolve().parent
SNAPSHOT = _HERE / "gazetteer.pickle"
_MAGIC = b"TROOPCLAIMS-GAZETTEER 1 "
#: What the built gazetteer is made from: its data, and the code that reads the data and indexes the names.
_SOURCES = (
    _HERE / "gazetteer.yaml",
    # build.py and the library versions in the index's header determine the rest of the index.
    *(_HERE / name for name in ("build.py", "gazetteer.py", "index.py", "loading.py", "matching.py", "places.py", "snapshot.py")),
    _HERE.parent / "files" / "strict_yaml.py",
)


def snapshot_key(world: WorldIndex) -> str | None:
    """The hash of the build's inputs as they are now, or None when one cannot be read."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(world.header_bytes)
    for path in _SOURCES:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        digest.update(b"\0%d\0" % len(data))
        digest.update(data)
    return digest.hexdigest()


def load_snapshot(world: WorldIndex) -> Gazetteer | None:
    """The kept gazetteer on this world index, or None when there is none or it was made from other inputs."""
    from .gazetteer import Gazetteer

    key = snapshot_key(world)
    try:
        with open(SNAPSHOT, "rb") as handle:
            head = handle.readline()
            if key is None or head != _MAGIC + key.encode() + b"\n":
                return None
            state: dict[str, Any] = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    gazetteer = Gazetteer.__new__(Gazetteer)
    gazetteer.__dict__.update(state)
    gazetteer.world = world
    return gazetteer


def snapshot_bytes(gazetteer: Gazetteer) -> bytes:
    """The file that keeps a freshly built built-in gazetteer; its world index is left out and joined on loading."""
    assert gazetteer.world is not None
    key = snapshot_key(gazetteer.world)
    if key is None:
        raise OSError("a source of the built-in gazetteer cannot be read")
    state = {**gazetteer.__dict__, "world": None}
    return _MAGIC + key.encode() + b"\n" + pickle.dumps(state, protocol=5)


def main() -> None:
    from ..files import atomic_write_bytes
    from .loading import build_default

    atomic_write_bytes(SNAPSHOT, snapshot_bytes(build_default()))
    print(f"wrote {SNAPSHOT}")


if __name__ == "__main__":
    main()
