"""The place a story is about, for a departure whose own clause names none.

"The pullout will be over by March" in an article about Danish troops in Estonia is a withdrawal from
Estonia: a reader takes the place from the story. The story's place is the country or region its claims most
often name as where forces are or leave from, when at least two claims name it (a town or a base is too
narrow to stand for a whole story); it is given only to a withdrawal or a departure that names neither
where it leaves from nor that same place as where it goes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..world import Gazetteer
from .motion import Motion

_DEPARTURES = frozenset({"withdraw", "leave"})
#: How many claims must name a place before it is the story's.
_AT_LEAST = 2
_WIDE = frozenset({"country", "region"})


def story_place(motions: Sequence[Motion | None], gazetteer: Gazetteer) -> str | None:
    """The country or region the article's claims most often name as where forces are or leave from (first
    named on a tie)."""
    named = Counter(name for m in motions if m is not None for name in (m.origin, m.location)
                    if name and (known := gazetteer.lookup(name)) is not None and known.kind in _WIDE)
    if not named:
        return None
    place, times = named.most_common(1)[0]
    return place if times >= _AT_LEAST else None


def with_story_origin(motions: Sequence[Motion | None], gazetteer: Gazetteer) -> list[Motion | None]:
    """The motions, each departure with no origin of its own given the story's place as its origin."""
    place = story_place(motions, gazetteer)
    if place is None:
        return list(motions)
    return [replace(m, origin=place) if m is not None and m.movement in _DEPARTURES and m.origin is None
            and m.destination != place else m for m in motions]
