"""One left-to-right walk over a text, finding the longest name of either layer at each word that can start one.

The hand-kept layer (and a user's file) is a Matcher of whole entries; the world layer is the
shipped index, searched key by key. At a word, the walk reads words while some longer world key
still begins with them, so "the Gulf of Aden" is tried whole before "Gulf".
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Any

from .index import WorldIndex
from .matching import RULES, Matcher, case_ok, tokens

#: Longest world name tried, in words.
_MAX_WORDS = 8


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    key: tuple[str, ...]
    hand: tuple[Any, ...]  # targets of the hand-kept layer (Places or actor names)
    world: tuple[int, ...]  # world rows whose name this is, case rules met
    following: tuple[tuple[str, int, int], ...]  # up to two words after the name


def scan(text: str, start: int, end: int, hand: Matcher, world: WorldIndex | None) -> list[Hit]:
    """Non-overlapping longest names in text[start:end]; the hand layer wins a tie of length."""
    found: list[Hit] = []
    free = start
    for word in hand.starts().finditer(text, start, end):
        if word.start() < free:
            continue
        hit = _hit_at(text, word.start(), end, hand, world)
        if hit is not None:
            found.append(hit)
            free = hit.end
    return found


def _hit_at(text: str, start: int, end: int, hand: Matcher, world: WorldIndex | None) -> Hit | None:
    stream = tokens(text, start, end)
    seen: list[tuple[str, int, int]] = []

    def read(count: int) -> list[tuple[str, int, int]]:
        """The first count words from start: words read once are kept, not read again for a longer name."""
        if len(seen) < count:
            seen.extend(islice(stream, count - len(seen)))
        return seen[:count]

    words = read(1)
    if not words:
        return None
    entries = hand.by_first.get(words[0][0], [])
    want = len(entries[0].key) if entries else 1
    words = read(want + 2)
    size = 0
    if world is not None:
        size = 1
        while size < min(len(words), _MAX_WORDS) and world.has_longer(" ".join(w[0] for w in words[:size])):
            size += 1
            if len(words) < size + 2:
                words = read(size + 2)
    for n in range(min(max(want, size, 1), len(words)), 0, -1):
        key = tuple(w[0] for w in words[:n])
        written = text[words[0][1]:words[n - 1][2]]
        mine = tuple(e.target for e in entries if e.key == key and case_ok(e.rule, written, key))
        theirs: tuple[int, ...] = ()
        if world is not None and not mine:
            theirs = tuple(code // 3 for code in world.get(" ".join(key)) if case_ok(RULES[code % 3], written, key))
        if mine or theirs:
            return Hit(words[0][1], words[n - 1][2], key, mine, theirs, tuple(words[n:n + 2]))
    return None
