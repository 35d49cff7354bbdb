"""A small knowledge base of places and actors: what a name in an article refers to, and what contains what.

The built-in data lives in gazetteer.yaml next to this module (its header documents the format);
a user file of the same format extends it (loading.py). Names are matched (matching.py) on normalised tokens, so that
"north-east Syria", "northeast Syria" and "North East Syria" are one key, "Syria's" is "Syria",
and "U.S." is "US". Matching in running text is case-aware: a name written with capitals in the
data needs a capital in the text ("Turkey", not "turkey"), and an acronym needs its capitals ("IS", not "is").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from .matching import ARTICLES, Matcher, key_of

PlaceKind = Literal["country", "region", "province", "city", "base", "crossing", "field", "home"]
#: When one name is several places, the first kind here wins: "Baghdad" is the city, not the governorate.
_PREFERENCE = {kind: rank for rank, kind in enumerate(("country", "region", "city", "province", "base", "crossing", "field", "home"))}
#: Trailing words that say what kind of place a name is: "Nineveh province", "the Rabia border crossing".
_KIND_SUFFIXES: dict[tuple[str, ...], PlaceKind] = {
    ("province",): "province", ("governorate",): "province", ("governate",): "province", ("muhafazah",): "province",
    ("base",): "base", ("air", "base"): "base", ("airbase",): "base", ("military", "base"): "base",
    ("airfield",): "base", ("airport",): "base", ("garrison",): "base",
    ("crossing",): "crossing", ("border", "crossing"): "crossing", ("border", "gate"): "crossing",
    ("oil", "field"): "field", ("oil", "fields"): "field", ("oilfield",): "field", ("oilfields",): "field",
    ("gas", "field"): "field", ("city",): "city", ("town",): "city",
}



@dataclass(frozen=True)
class Place:
    name: str
    kind: PlaceKind
    aliases: tuple[str, ...] = ()
    within: str | None = None
    demonyms: tuple[str, ...] = ()
    #: Canonical actor name of a country's forces; None means the place's name (see actor_name).
    actor: str | None = None

    @property
    def actor_name(self) -> str:
        return self.actor or self.name


class TextIndex:
    """Places and actors named in one text, found block by block (e.g. sentence by sentence) when first asked for.

    An extractor asks many questions about a few sentences of an article; scanning only the
    sentences it asks about, once each, is what keeps reading fast.
    """

    def __init__(self, gazetteer: Gazetteer, text: str, blocks: list[tuple[int, int]] | None = None) -> None:
        self.gazetteer = gazetteer
        self.text = text
        self.blocks = sorted(blocks) if blocks else [(0, len(text))]
        self._starts = [block[0] for block in self.blocks]
        self._places: dict[int, list[tuple[int, int, Place]]] = {}
        self._actors: dict[int, list[tuple[int, int, str]]] = {}

    def _blocks(self, start: int, end: int) -> range:
        return range(max(0, bisect_right(self._starts, start) - 1), bisect_left(self._starts, end))

    def places_in(self, start: int, end: int) -> list[tuple[int, int, Place]]:
        found: list[tuple[int, int, Place]] = []
        for number in self._blocks(start, end):
            if number not in self._places:
                self._places[number] = self.gazetteer.find(self.text, *self.blocks[number])
            found.extend(_within(self._places[number], start, end))
        return found

    def actors_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        for number in self._blocks(start, end):
            if number not in self._actors:
                self._actors[number] = self.gazetteer.find_actors(self.text, *self.blocks[number])
            found.extend(_within(self._actors[number], start, end))
        return found


_T = TypeVar("_T")


def _within(spans: list[tuple[int, int, _T]], start: int, end: int) -> list[tuple[int, int, _T]]:
    first = bisect_left(spans, start, key=lambda span: span[0])
    found = []
    for span in spans[first:]:
        if span[0] >= end:
            break
        if span[1] <= end:
            found.append(span)
    return found


@dataclass
class Gazetteer:
    places: dict[str, Place]
    actors: dict[str, tuple[str, ...]]
    homes: dict[str, str]
    _places: Matcher = field(default_factory=Matcher, repr=False)
    _actors: Matcher = field(default_factory=Matcher, repr=False)

    def __post_init__(self) -> None:
        for place in self.places.values():
            for alias in (place.name, *place.aliases):
                # "home" is never looked for in text: whose home it is depends on the actor (see home_of).
                self._places.add(alias, place, in_text=place.kind != "home")
            if place.kind == "country":
                for word in (place.name, *place.aliases, *place.demonyms):
                    self._actors.add(word, place.actor_name)
        for name, aliases in self.actors.items():
            for alias in (name, *aliases):
                self._actors.add(alias, name)
        self._countries = {p.actor_name: p for p in self.places.values() if p.kind == "country"}
        self._looked_up: dict[str, Place | None] = {}
        self._actor_words: dict[str, str | None] = {}

    def country_for_actor(self, actor: str) -> Place | None:
        """The country whose forces an actor name stands for ('US' -> United States), if it is one."""
        return self._countries.get(actor)

    def index(self, text: str, blocks: list[tuple[int, int]] | None = None) -> TextIndex:
        """Places and actors of a text, for repeated questions about its parts; blocks are the units scanned."""
        return TextIndex(self, text, blocks)

    # --- names -----------------------------------------------------------------------------------------

    def lookup(self, name: str) -> Place | None:
        """The place a name refers to, or None.

        Case does not matter; "the", an Arabic article "al-", and a trailing kind word
        ("province", "governorate", "base", "crossing") are tolerated.
        """
        if name in self._looked_up:
            return self._looked_up[name]
        found = self._lookup(name)
        if len(self._looked_up) < 65536:
            self._looked_up[name] = found
        return found

    def _lookup(self, name: str) -> Place | None:
        key = key_of(name)
        if key[:1] == ("the",):
            key = key[1:]
        for candidate in (key, key[1:] if key[:1] and key[0] in ARTICLES else ()):
            if not candidate:
                continue
            found = self._best(self._places.exact.get(candidate, []), None)
            if found is not None:
                return found
            for suffix, kind in _KIND_SUFFIXES.items():
                if len(candidate) > len(suffix) and candidate[-len(suffix):] == suffix:
                    found = self._best(self._places.exact.get(candidate[: -len(suffix)], []), kind)
                    if found is not None:
                        return found
        return None

    def _best(self, places: list[Place], kind: PlaceKind | None) -> Place | None:
        if not places:
            return None
        if kind is not None:
            of_kind = [p for p in places if p.kind == kind]
            if of_kind:
                return of_kind[0]
            if kind == "province":
                # "Kirkuk province" when only the city is listed: the province that holds the city.
                for place in places:
                    parent = self.places.get(place.within or "")
                    if parent is not None and parent.kind == "province":
                        return parent
        return min(places, key=lambda p: _PREFERENCE[p.kind])

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Place]]:
        """Places named in text, as (start, end, place) spans, longest match first, not overlapping.

        "home" is never found here: whose home it is depends on the actor (see home_of).
        """
        found: list[tuple[int, int, Place]] = []
        for begin, finish, entry, following in self._places.scan(text, start, end):
            place: Place = entry.target
            candidates = [p for p in self._places.exact.get(entry.key, []) if p.kind != "home"]
            if not candidates:
                continue
            kind = _suffix_kind(following)
            chosen = self._best(candidates, kind[0] if kind else None) or place
            if kind and chosen.kind == kind[0]:
                finish = following[kind[1] - 1][2]
            found.append((begin, finish, chosen))
        return found

    def find_actors(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Actors named in text (demonyms, country names, alliances, armed groups), longest match first."""
        return [(begin, finish, str(entry.target)) for begin, finish, entry, _ in self._actors.scan(text, start, end)]

    def actor_for(self, word: str) -> str | None:
        """The canonical actor a word names: 'American', 'US', 'U.S.' -> 'US'; 'Iraqi' -> 'Iraq'; 'SDF' -> 'SDF'."""
        if word not in self._actor_words:
            targets = self._actors.exact.get(key_of(word))
            if len(self._actor_words) >= 65536:
                self._actor_words.clear()
            self._actor_words[word] = str(targets[0]) if targets else None
        return self._actor_words[word]

    def home_of(self, actor: str | None) -> Place | None:
        """Where "home" is for an actor's forces, if the data says."""
        name = self.homes.get(actor or "")
        return self.places.get(name) if name else None

    # --- containment -----------------------------------------------------------------------------------

    def ancestors(self, place: Place) -> list[Place]:
        """Enclosing places, nearest first."""
        chain: list[Place] = []
        seen = {place.name}
        current = self.places.get(place.within or "")
        while current is not None and current.name not in seen:
            chain.append(current)
            seen.add(current.name)
            current = self.places.get(current.within or "")
        return chain

    def country_of(self, place: Place) -> Place | None:
        if place.kind == "country":
            return place
        return next((p for p in self.ancestors(place) if p.kind == "country"), None)

    def contains(self, outer: Place, inner: Place) -> bool:
        """Is inner the same place as outer or inside it?"""
        return outer.name == inner.name or any(p.name == outer.name for p in self.ancestors(inner))


def _suffix_kind(following: list[tuple[str, int, int]]) -> tuple[PlaceKind, int] | None:
    words = tuple(token for token, _, _ in following)
    for size in (2, 1):
        kind = _KIND_SUFFIXES.get(words[:size]) if len(words) >= size else None
        if kind:
            return kind, size
    return None


