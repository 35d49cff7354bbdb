"""What the comparison engine knows of each claim: its fields resolved against the gazetteer and the calendar.

Everything here is derived from claim fields, the source's publication date and the gazetteer;
nothing reads article text.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from ..datafile import Claim, Source
from ..extraction import unit_class
from ..time import EventDate, event_date, published_date
from ..world import Gazetteer, Place

#: Kinds of place that are one spot (a town, a base), not an area: a figure there is a part of the area's forces.
POINT_KINDS = frozenset({"city", "base", "crossing", "field"})

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
    """A place named by a claim, and what the gazetteer knows of it (None: not in the gazetteer).

    country: the coarse key places are bucketed by (the country, or the written name for a place outside
    the gazetteer); home: whether it is the claim's actor's home (worked out once, with the spot).
    """

    written: str
    place: Place | None
    country: str | None = None
    home: bool = False

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
    date: EventDate  # when the claimed thing happened
    published: EventDate  # when its article appeared


class _Reader:
    """Builds facets, remembering what it resolved: a large file names few places, units and dates many times over."""

    def __init__(self, gazetteer: Gazetteer, texts: Mapping[str, str] | None = None) -> None:
        self.gazetteer = gazetteer
        #: The articles by source id: their countries settle a place name several places share ("Tapa").
        self.texts = texts or {}
        self.actors: dict[str, str] = {}
        self.spots: dict[tuple[str, str | None, str], Spot] = {}
        self.units: dict[str, str] = {}
        self.published: dict[str, EventDate] = {}
        self.undated: dict[str, EventDate] = {}

    def facet(self, claim: Claim, source: Source) -> Facet:
        actor = None
        if claim.actor:
            actor = self.actors.get(claim.actor)
            if actor is None:
                actor = self.actors[claim.actor] = self.gazetteer.actor_for(claim.actor) or claim.actor.strip()
        published = self.published.get(source.id)
        if published is None:
            published = self.published[source.id] = published_date(source)
        date = self._undated(claim, source) if claim.when is None else event_date(claim, source)
        return Facet(
            claim=claim,
            source=source,
            actor=actor,
            family=FAMILY.get(claim.movement or ""),
            units=self._unit(claim.unit),
            origin=self._spot(claim.origin, actor, source.id),
            destination=self._spot(claim.destination, actor, source.id),
            location=self._spot(claim.location, actor, source.id),
            date=date,
            published=published,
        )

    def _undated(self, claim: Claim, source: Source) -> EventDate:
        """A claim without a date of its own stands at its article's publication: one date per article."""
        found = self.undated.get(source.id)
        if found is None:
            found = self.undated[source.id] = event_date(claim, source)
        return found

    def _unit(self, unit: str | None) -> str:
        if not unit:
            return "other"
        found = self.units.get(unit)
        if found is None:
            found = self.units[unit] = unit_class(unit)
        return found

    def _spot(self, name: str | None, actor: str | None, source: str) -> Spot | None:
        if not name:
            return None
        found = self.spots.get((name, actor, source))
        if found is None:
            found = _spot(name, actor, self.gazetteer, self.texts.get(source))
            if found is not None:
                self.spots[(name, actor, source)] = found
        return found


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """The engine allocates many small objects that form no cycles. The cycle collector's passes over an
    ever larger heap would make the cost grow faster than the claims (measured: 13× for 10× the claims)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def build_facets(
    claims: list[Claim], sources: dict[str, Source], gazetteer: Gazetteer, texts: Mapping[str, str] | None = None
) -> list[Facet]:
    """texts: the articles by source id, whose countries settle a place name several places share."""
    reader = _Reader(gazetteer, texts)
    with without_cycle_collection():
        return [reader.facet(claim, sources[claim.source]) for claim in claims if claim.source in sources]


def facet_of(claim: Claim, source: Source, gazetteer: Gazetteer, texts: Mapping[str, str] | None = None) -> Facet:
    return _Reader(gazetteer, texts).facet(claim, source)


def _spot(name: str | None, actor: str | None, gazetteer: Gazetteer, context: str | None = None) -> Spot | None:
    if not name:
        return None
    place = gazetteer.resolve(name, actor, context)
    home_place = gazetteer.home_of(actor)
    home = name.casefold() == "home" or (home_place is not None and place is not None and place.same(home_place))
    if place is None:
        country: str | None = name.casefold()
    else:
        found_country = gazetteer.country_of(place)
        country = found_country.name if found_country else place.name
    return Spot(name, place, country, home)


def is_home(spot: Spot, actor: str | None, gazetteer: Gazetteer) -> bool:
    """Is the spot the home of the actor whose claim named it? (A spot is made for one claim's actor.)"""
    return spot.home


Relation = str  # "same" | "within" | "overlap" | "disjoint" | "unknown"


def relation(gazetteer: Gazetteer, a: Spot | None, b: Spot | None) -> Relation:
    """How two named places relate: the same, one inside the other, overlapping, disjoint, or unknown."""
    if a is None or b is None:
        return "unknown"
    if a.place is None or b.place is None:
        return "same" if a.written.casefold() == b.written.casefold() else "unknown"
    if a.place.same(b.place):
        return "same"
    if gazetteer.contains(a.place, b.place) or gazetteer.contains(b.place, a.place):
        return "within"
    if gazetteer.overlaps(a.place, b.place):
        return "overlap"  # "northern" and "eastern Syria" share the north-east
    if gazetteer.undecided(a.place, b.place):
        return "unknown"  # a province with no outline against "eastern Ukraine"
    return "disjoint"


def compatible(gazetteer: Gazetteer, a: Spot | None, b: Spot | None) -> bool:
    """Could both claims speak of the same place? Unnamed places are compatible with any."""
    if a is None or b is None:
        return True
    return relation(gazetteer, a, b) in ("same", "within", "overlap")


def country_key(gazetteer: Gazetteer, spot: Spot | None) -> str | None:
    """A coarse place key for bucketing: the country, or the written name for places outside the gazetteer."""
    return spot.country if spot is not None else None
