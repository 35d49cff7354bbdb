"""The shipped world index: a file read into a few flat buffers, searched without unpacking.

Unpacking 40,000 places and 130,000 names into Python objects costs a quarter of a second; this
format costs a file read. Names are sorted UTF-8 keys in one blob, found by binary search, and
each key's entries are integers `place * 3 + case rule`. A place is a tab-separated row, parsed
only when a text names it.

Layout: a magic line, a JSON header line (section sizes, counts, the small actor table), then
the sections: rows, row offsets, keys, key offsets, value offsets, values (offsets and values are
little-endian uint32).
"""

from __future__ import annotations

import json
import mmap
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

MAGIC = b"TROOPCLAIMS-WORLD 1\n"
_SECTIONS = ("rows", "row_offsets", "keys", "key_offsets", "value_offsets", "values")


def _uint32(values: list[int]) -> bytes:
    packed = array("I", values)
    if packed.itemsize != 4:  # pragma: no cover - every platform CPython supports has a 4-byte "I"
        raise RuntimeError("array('I') is not 32 bits here")
    if sys.byteorder == "big":  # pragma: no cover
        packed.byteswap()
    return packed.tobytes()


def _uint32_view(data: memoryview) -> Sequence[int]:
    """The little-endian uint32 section as a sequence of ints, without copying it where the machine is little-endian."""
    if sys.byteorder == "little" and array("I").itemsize == 4:
        return data.cast("I")
    packed = array("I")  # pragma: no cover - big-endian machines copy and swap
    packed.frombytes(data)
    packed.byteswap()
    return packed


def _offsets(blobs: list[bytes]) -> tuple[bytes, list[int]]:
    offsets = [0]
    for blob in blobs:
        offsets.append(offsets[-1] + len(blob))
    return b"".join(blobs), offsets


def encode(header: dict[str, Any], rows: list[str], names: dict[str, list[int]]) -> bytes:
    row_blob, row_offsets = _offsets([row.encode() for row in rows])
    keys = sorted(key.encode() for key in names)
    key_blob, key_offsets = _offsets(keys)
    values: list[int] = []
    value_offsets = [0]
    for key in keys:
        values.extend(names[key.decode()])
        value_offsets.append(len(values))
    sections = {
        "rows": row_blob, "row_offsets": _uint32(row_offsets), "keys": key_blob, "key_offsets": _uint32(key_offsets),
        "value_offsets": _uint32(value_offsets), "values": _uint32(values),
    }
    head = {**header, "sizes": [len(sections[name]) for name in _SECTIONS], "rows": len(rows), "keys": len(keys)}
    return MAGIC + json.dumps(head, sort_keys=True, separators=(",", ":")).encode() + b"\n" + b"".join(sections[n] for n in _SECTIONS)


@dataclass(frozen=True)
class Row:
    id: str
    name: str
    kind: str
    country: str
    parent: str
    lat: float | None
    lon: float | None
    population: int
    box: tuple[float, float, float, float] | None


class WorldIndex:
    def __init__(self, data: bytes | mmap.mmap) -> None:
        """data: the whole file, as bytes or mapped into memory (load_world maps it: only the pages that a
        lookup touches are read). Nothing is copied: the sections are offsets into data."""
        if data[:len(MAGIC)] != MAGIC:
            raise ValueError("not a troopclaims world index")
        end = data.find(b"\n", len(MAGIC))
        #: The header as written: with the library versions it names, build.py's code gives the rest of the file.
        self.header_bytes = bytes(data[len(MAGIC):end])
        self.header: dict[str, Any] = json.loads(self.header_bytes)
        view = memoryview(data)
        position = end + 1
        starts: dict[str, int] = {}
        parts: dict[str, memoryview] = {}
        for name, size in zip(_SECTIONS, self.header["sizes"]):
            starts[name] = position
            parts[name] = view[position:position + size]
            position += size
        self._data = data
        self._rows_at = starts["rows"]
        self._keys_at = starts["keys"]
        self._row_offsets = _uint32_view(parts["row_offsets"])
        self._key_offsets = _uint32_view(parts["key_offsets"])
        self._value_offsets = _uint32_view(parts["value_offsets"])
        self._values = _uint32_view(parts["values"])
        self._count = int(self.header["keys"])
        self._bounds: dict[bytes, int] = {}
        self.actors: dict[str, list[int]] = self.header["actors"]
        self.countries = int(self.header["countries"])
        self.neighbours: dict[str, list[str]] = self.header.get("neighbours", {})
        self.capitals: frozenset[str] = frozenset(self.header.get("capitals", ()))

    def __len__(self) -> int:
        return int(self.header["rows"])

    def row(self, number: int) -> Row:
        at = self._rows_at
        fields = self._data[at + self._row_offsets[number]:at + self._row_offsets[number + 1]].decode().split("\t")
        box: tuple[float, float, float, float] | None = None
        if fields[8]:
            south, north, west, east = (float(v) for v in fields[8].split(","))
            box = (south, north, west, east)
        return Row(
            fields[0], fields[1], fields[2], fields[3], fields[4],
            float(fields[5]) if fields[5] else None, float(fields[6]) if fields[6] else None, int(fields[7]), box,
        )

    def _key(self, number: int) -> bytes:
        at = self._keys_at
        return self._data[at + self._key_offsets[number]:at + self._key_offsets[number + 1]]

    def _lower_bound(self, target: bytes) -> int:
        # A text asks for the same words again and again ("the", "US", "Syria"): half the searches of a
        # story are repeats, answered here without one.
        found = self._bounds.get(target)
        if found is None:
            if len(self._bounds) >= 1 << 16:
                self._bounds.clear()
            found = self._bounds[target] = self._search(target)
        return found

    def _search(self, target: bytes) -> int:
        low, high = 0, self._count
        data, offsets, at = self._data, self._key_offsets, self._keys_at
        while low < high:
            middle = (low + high) // 2
            if data[at + offsets[middle]:at + offsets[middle + 1]] < target:
                low = middle + 1
            else:
                high = middle
        return low

    def get(self, key: str) -> list[int]:
        """Entries (place * 3 + case rule) of a joined key, or []."""
        target = key.encode()
        found = self._lower_bound(target)
        if found < self._count and self._key(found) == target:
            return list(self._values[self._value_offsets[found]:self._value_offsets[found + 1]])
        return []

    def has_longer(self, key: str) -> bool:
        """Is some key this key followed by more words?"""
        target = key.encode() + b" "
        found = self._lower_bound(target)
        return found < self._count and self._key(found).startswith(target)
