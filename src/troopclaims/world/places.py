"""A place, as every stage sees it: a name, a kind, what holds it, and where it is when the data says."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PlaceKind = Literal["country", "region", "province", "city", "base", "crossing", "field", "home"]
#: When one name is several places, the first kind here wins: "Baghdad" is the city, not the governorate.
PREFERENCE = {kind: rank for rank, kind in enumerate(("country", "region", "city", "province", "base", "crossing", "field", "home"))}

Box = tuple[float, float, float, float]  # south, north, west, east (degrees)


@dataclass(frozen=True)
class Place:
    name: str
    kind: PlaceKind
    aliases: tuple[str, ...] = ()
    #: The enclosing place: a name (hand-kept and user places) or a world id ("UA", "compass:UA:e").
    within: str | None = None
    demonyms: tuple[str, ...] = ()
    #: Canonical actor name of a country's forces; None means the place's name (see actor_name).
    actor: str | None = None
    #: A stable id: an ISO 3166 code ("ML", "UA-65"), "geonames:<id>", "compass:<country>:<direction>";
    #: None for a place only the hand-kept layer or a user's file knows.
    id: str | None = None
    #: ISO 3166-1 alpha-2 code of the country the place is in, when known.
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    #: The area a compass region or a country covers, for containment by geometry.
    box: Box | None = None
    #: The countries a region of several countries spans ("Sahel", "Eastern Europe"), by name: what lies in
    #: any of them lies in the region.
    members: tuple[str, ...] = ()

    @property
    def actor_name(self) -> str:
        return self.actor or self.name

    def same(self, other: Place) -> bool:
        """The same place, whichever layer it came from."""
        if self.id is not None or other.id is not None:
            return self.id == other.id
        return self.name == other.name and self.kind == other.kind


def box_holds(box: Box, place: Place) -> bool | None:
    """Is the place inside the box? None when the place has no geometry."""
    south, north, west, east = box
    if place.box is not None:
        s, n, w, e = place.box
        return south <= s and n <= north and west <= w and e <= east
    if place.lat is not None and place.lon is not None:
        return south <= place.lat <= north and west <= place.lon <= east
    return None


def boxes_overlap(a: Box, b: Box) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]
