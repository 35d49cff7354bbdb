"""What the comparison engine knows of each claim: its fields resolved against the gazetteer and the calendar.

Everything here is derived from claim fields, the source's publication date and the gazetteer;
nothing reads article text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass

from ..datafile import Claim, Source
from ..extraction import unit_class
from ..time import EventDate, event_date
from ..world import Gazetteer, Place

#: Claims whose dates lie this close describe one event; further apart they are "possibly different events".
SAME_EVENT_DAYS = 45
#: Claims further apart than this are never compared: they are about different events.
MAX_GAP_DAYS = 548

FAMILY = {
    "withdraw": "departure",
    "leave": "departure",
    "move": "relocation",
    "deploy": "relocation",
    "arrive": "relocation",
    "return": "relocation",
    "transit": "relocation",
    "stay": "presence",
    "hold": "presence",
}


@dataclass(frozen=True)
class Spot:
    """A place named by a claim, and what the gazetteer knows of it (None: not in the gazetteer)."""

    written: str
    place: Place | None

    @property
    def name(self) -> str:
        return self.place.name if self.place else self.written


@dataclass(frozen=True)
class Facet:
    claim: Claim
    source: Source
    actor: str | None
    family: str | None
    units: str
    origin: Spot | None
    destination: Spot | None
    location: Spot | None
    date: EventDate

    @property
    def group(self) -> str | None:
        """Moving forces and forces in place are counted separately."""
        if self.family is None:
            return None
        return "presence" if self.family == "presence" else "movement"

    @property
    def where(self) -> Spot | None:
        """Where the forces are said to be or end up."""
        return self.location or self.destination


def build_facets(claims: list[Claim], sources: dict[str, Source], gazetteer: Gazetteer) -> list[Facet]:
    return [facet_of(claim, sources[claim.source], gazetteer) for claim in claims if claim.source in sources]


def facet_of(claim: Claim, source: Source, gazetteer: Gazetteer) -> Facet:
    actor = None
    if claim.actor:
        actor = gazetteer.actor_for(claim.actor) or claim.actor.strip()
    return Facet(
        claim=claim,
        source=source,
        actor=actor,
        family=FAMILY.get(claim.movement or ""),
        units=unit_class(claim.unit) if claim.unit else "other",
        origin=_spot(claim.origin, actor, gazetteer),
        destination=_spot(claim.destination, actor, gazetteer),
        location=_spot(claim.location, actor, gazetteer),
        date=event_date(claim, source),
    )


def _spot(name: str | None, actor: str | None, gazetteer: Gazetteer) -> Spot | None:
    if not name:
        return None
    # "Basra province, southern Iraq": the most specific part the gazetteer knows stands for the whole.
    place = next((p for p in map(gazetteer.lookup, (name, *name.split(","))) if p is not None), None)
    if place is None:  # "northern and northeastern Syria": a place named inside the words
        found = gazetteer.find(name)
        place = found[0][2] if found else None
    if place is not None and place.kind == "home":
        place = gazetteer.home_of(actor)
    return Spot(name, place)


def is_home(spot: Spot, actor: str | None, gazetteer: Gazetteer) -> bool:
    home = gazetteer.home_of(actor)
    return spot.written.casefold() == "home" or (home is not None and spot.place is not None and spot.place.name == home.name)


Relation = str  # "same" | "within" | "disjoint" | "unknown"


def relation(gazetteer: Gazetteer, a: Spot | None, b: Spot | None) -> Relation:
    """How two named places relate: the same or one inside the other, disjoint, or unknown."""
    if a is None or b is None:
        return "unknown"
    if a.place is None or b.place is None:
        return "same" if a.written.casefold() == b.written.casefold() else "unknown"
    if a.place.name == b.place.name:
        return "same"
    if gazetteer.contains(a.place, b.place) or gazetteer.contains(b.place, a.place):
        return "within"
    return "disjoint"


def compatible(gazetteer: Gazetteer, a: Spot | None, b: Spot | None) -> bool:
    """Could both claims speak of the same place? Unnamed places are compatible with any."""
    if a is None or b is None:
        return True
    return relation(gazetteer, a, b) in ("same", "within")


def country_key(gazetteer: Gazetteer, spot: Spot | None) -> str | None:
    """A coarse place key for bucketing: the country, or the written name for places outside the gazetteer."""
    if spot is None:
        return None
    if spot.place is None:
        return spot.written.casefold()
    country = gazetteer.country_of(spot.place)
    return country.name if country else spot.place.name


def candidate_pairs(
    facets: list[Facet],
    route: Callable[[Facet], tuple[Hashable, ...]],
    window: int = MAX_GAP_DAYS,
    *,
    differ: int | None = None,
) -> Iterator[tuple[Facet, Facet]]:
    """Pairs of facets whose route keys are compatible (None matches anything) and dates lie within window.

    With differ, the key at that position must be known and different on both sides: rival
    destinations, say, are only looked for between groups bound for different countries.

    Grouping by route and sweeping each pair of groups in date order is what keeps the engine
    from comparing every claim with every other: its cost follows the claims of one story, not of all.
    """
    groups: dict[tuple[Hashable, ...], list[Facet]] = defaultdict(list)
    for facet in facets:
        groups[route(facet)].append(facet)
    for members in groups.values():
        members.sort(key=lambda f: f.date.start)
    keys = list(groups)
    for i, first in enumerate(keys):
        for second in keys[i:]:
            if differ is not None and (first[differ] is None or second[differ] is None or first[differ] == second[differ]):
                continue
            if all(n == differ or x is None or y is None or x == y for n, (x, y) in enumerate(zip(first, second))):
                yield from _sweep(groups[first], groups[second], window, same=first == second)


def _sweep(a: list[Facet], b: list[Facet], window: int, *, same: bool) -> Iterator[tuple[Facet, Facet]]:
    starts = [f.date.start.toordinal() for f in b]
    for i, left in enumerate(a):
        lo = bisect_left(starts, left.date.start.toordinal() - window - 366)  # a year-long interval may start early
        for j in range(i + 1 if same else lo, len(b)):
            right = b[j]
            if starts[j] - left.date.end.toordinal() > window:
                break
            if left.date.gap_days(right.date) <= window:
                yield left, right
