"""Places and actors of one text, each ambiguous name resolved by what else the text names.

The text is walked once, sentence by sentence. Names with one reading give the context: the
countries the text names, by a country's name, a demonym or a place inside it. Then:
* several places of one name: the one inside a country of the context wins, then the larger
  population ("Tripoli" in a story about Lebanon is Lebanon's);
* a country against a province of another country ("Georgia", "Niger"): the country, unless the
  name is written as a province ("Niger State"), follows a place of the province's country
  ("Fort Stewart, Georgia"), or the text names places of that country, nothing of the other, and
  the two countries are not neighbours;
* a small town, or a province written without its kind word, counts only in a story that names
  its country: every English word is the name of some town;
* a name that is also a given name ("Jordan", "Chad") next to another capitalised name or after
  a title is a person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import TYPE_CHECKING, TypeVar

from .matching import key_of
from .places import Place, PlaceKind
from .scan import Hit, scan

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

#: Below this population a town counts only in a story that names its country.
MINOR_TOWN = 100_000
#: Places that are also given names; next to another name or after a title they are people.
GIVEN_NAMES = frozenset(
    "jordan chad georgia israel paris florence victoria austin sydney charlotte madison jackson lincoln savannah "
    "orlando eugene aurora chester douglas hamilton kent regina virginia carolina adelaide alexandria tyler troy "
    "sofia valencia mercedes dolores elizabeth santiago salvador".split()
)
#: Capitalised words before a name that make it a person's: "Mr Jordan", "Sgt. Chad".
_TITLES = frozenset(
    "mr mrs ms miss dr sgt gen general col colonel capt captain lt lieutenant maj major adm admiral president "
    "minister senator sen rep spokesman spokeswoman coach prince princess king queen sir dame".split()
)
#: Single words that are English before they are a town: outside a story about their country, words.
COMMON_WORDS = frozenset(
    "of police split nice van batman mobile reading bath orange mission union independence liberty progress "
    "university marines marine sale march may june august victoria central capital enterprise commerce "
    "opportunity reform justice concord harmony providence paradise hope trinity eagle deal buffalo".split()
)
_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w.'’-]*)[\s]+$")
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])")
_THE_BEFORE = re.compile(r"\bthe\s+$")
_COMPASS_BEFORE = re.compile(
    r"\b((?:north|south)(?:-?\s?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central)\s+$", re.IGNORECASE
)

_T = TypeVar("_T")


class TextIndex:
    """Places and actors named in one text, found in one walk, answered by span."""

    def __init__(self, gazetteer: Gazetteer, text: str, blocks: list[tuple[int, int]] | None = None) -> None:
        self.gazetteer = gazetteer
        self.text = text
        self.blocks = sorted(blocks) if blocks else [(0, len(text))]
        places: list[tuple[int, Hit]] = []
        actors: list[tuple[int, int, str]] = []
        for number, (start, end) in enumerate(self.blocks):
            places.extend((number, hit) for hit in scan(text, start, end, gazetteer._places, gazetteer.world))
            for hit in scan(text, start, end, gazetteer._actors, None):
                if hit.hand and not self._person(hit, start):
                    actors.append((hit.start, hit.end, str(hit.hand[0])))
        self._actors = sorted(actors)
        self._places = sorted(_Resolver(self, places, self._actors).resolve(), key=lambda span: span[:2])
        #: The countries the text names, by name, demonym or a place inside them.
        self.countries = frozenset(p.country for _, _, p in self._places if p.country) | frozenset(
            c.country for c in map(gazetteer.country_for_actor, {a for _, _, a in self._actors}) if c is not None and c.country
        )

    def places_in(self, start: int, end: int) -> list[tuple[int, int, Place]]:
        return _within(self._places, start, end)

    def actors_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return _within(self._actors, start, end)

    def _person(self, hit: Hit, block_start: int) -> bool:
        """Is a single-word name that is also a given name part of a person's name here?"""
        if len(hit.key) != 1 or hit.key[0] not in GIVEN_NAMES:
            return False
        following = re.match(r"\s+([A-Z][a-z]+)\b", self.text[hit.end:hit.end + 40])
        if following and following[1].lower() not in _KIND_WORDS and self.gazetteer.actor_for(following[1]) is None:
            return True
        before = _PREVIOUS_WORD.search(self.text, max(block_start, hit.start - 40), hit.start)
        if before is None:
            return False
        word = before[1].rstrip(".").lower()
        if word in _TITLES:
            return True
        if not before[1][0].isupper() or word in _FUNCTION_WORDS or self.gazetteer.actor_for(before[1]) is not None:
            return False
        # At the start of a sentence a capitalised word may be any word: "Neighbouring Jordan".
        first_of_block = not self.text[block_start:before.start(1)].strip()
        return not first_of_block or not word.endswith(("ing", "ed", "ern", "ly", "ian", "ish"))


_KIND_WORDS = frozenset("province governorate oblast region state city town base river valley border".split())
_FUNCTION_WORDS = frozenset("in at to from into of on the and or but near across via through for with by".split())


class _Resolver:
    def __init__(self, index: TextIndex, hits: list[tuple[int, Hit]], actors: list[tuple[int, int, str]]) -> None:
        self.index = index
        self.gazetteer = index.gazetteer
        self.hits = hits
        self.inside: Counter[str] = Counter()  # country code -> mentions of places inside it
        self.named: set[str] = set()  # countries named by name or demonym
        self.options: list[list[Place]] = []
        for _, hit in hits:
            options = self._options(hit)
            self.options.append(options)
            countries = {p.country for p in options}
            if len(countries) == 1 and None not in countries and all(p.kind == "country" for p in options):
                self.named.update(c for c in countries if c)
                continue
            # A name counts when one reading can stand alone: "Savannah" is the US city, not Ghana's region.
            major = [p for p in options if not self._minor(p, hit) and p.kind != "country"]
            if len(major) == 1 and major[0].country and len(major) == len(options) - sum(self._minor(p, hit) for p in options):
                self.inside[major[0].country] += 1
        ambiguous = {(hit.start, hit.end) for (_, hit), options in zip(hits, self.options) if len(options) > 1}
        for start, end, actor in actors:
            if (start, end) in ambiguous:
                continue  # "Georgia" does not vouch for itself
            country = self.gazetteer.country_for_actor(actor)
            if country is not None and country.country:
                self.named.add(country.country)

    def _options(self, hit: Hit) -> list[Place]:
        if hit.hand:
            return [p for p in hit.hand if isinstance(p, Place) and p.kind != "home"]
        return self.gazetteer.compass_of_kept(hit.key) or [self.gazetteer.place_at(n) for n in hit.world]

    def _minor(self, place: Place, hit: Hit) -> bool:
        if place.id is None or len(hit.key) > 1 or place.kind not in ("city", "province"):
            return hit.key in _COMMON_KEYS
        world = self.gazetteer.world
        if world is not None and place.id in world.capitals:
            return False
        return place.kind == "province" or place.population < MINOR_TOWN or hit.key in _COMMON_KEYS

    def _known(self, code: str | None) -> bool:
        return code is not None and (code in self.named or self.inside[code] > 0)

    def resolve(self) -> list[tuple[int, int, Place]]:
        found: list[tuple[int, int, Place]] = []
        text = self.index.text
        skip_to = -1
        for (number, hit), options in zip(self.hits, self.options):
            block_start = self.index.blocks[number][0]
            if hit.start < skip_to or not options or self.index._person(hit, block_start):
                continue
            if len(hit.key) == 1 and options[0].kind == "region" and _OF_NAME.match(text, hit.end):
                # "the Gulf of Guinea", when the gazetteer does not know it, is neither "the Gulf" nor Guinea.
                skip_to = _OF_NAME.match(text, hit.end).end()  # type: ignore[union-attr]
                continue
            end = hit.end
            suffix = _suffix_kind(hit.following)
            chosen: Place | None
            if suffix is not None:
                chosen = self.gazetteer.best(options, suffix[0])
                if chosen is not None and chosen.kind == suffix[0]:
                    end = hit.following[suffix[1] - 1][2]
                else:
                    suffix = None
            else:
                chosen = self._choose(options, hit)
            if chosen is None:
                continue
            if chosen.id is not None and not hit.hand and suffix is None:
                if self._minor(chosen, hit) and not self._known(chosen.country):
                    continue
                if chosen.kind == "city" and _THE_BEFORE.search(text, max(block_start, hit.start - 4), hit.start):
                    continue  # "the Dnipro", "the Niger": a river or a region, not the town of that name
            start = hit.start
            compass = _COMPASS_BEFORE.search(text, max(block_start, hit.start - 20), hit.start)
            if compass is not None and chosen.kind in ("region", "province") and chosen.box is None:
                chosen = part_of(chosen, compass[1])
                start = compass.start(1)
            found.append((start, end, chosen))
        return found

    def _choose(self, options: list[Place], hit: Hit) -> Place | None:
        if len(options) == 1:
            return options[0]
        countries = [p for p in options if p.kind == "country"]
        if countries and len(countries) < len(options):
            return self._country_or_province(countries[0], [p for p in options if p.kind != "country"], hit)

        def score(place: Place) -> tuple[int, int, int]:
            code = place.country
            support = 2 * min(self.inside[code], 2) + (1 if code in self.named else 0) if code else 0
            return (support, -_rank(place.kind), place.population)

        return max(options, key=score)

    def _country_or_province(self, country: Place, others: list[Place], hit: Hit) -> Place:
        text = self.index.text
        before = re.search(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*),\s*$", text[max(0, hit.start - 60):hit.start])
        if before is not None:
            for place in (self.gazetteer.lookup(before[1]),):
                if place is not None:
                    match = next((o for o in others if o.country == (self.gazetteer.country_of(place) or place).country), None)
                    if match is not None:
                        return match
        world = self.gazetteer.world
        neighbours = set(world.neighbours.get(country.country or "", ())) if world is not None else set()
        for other in others:
            # Places of the province's country, none of the other country, and the two far apart: a story
            # about Atlanta and Savannah means the state of Georgia; one about Abuja may well mean Niger.
            if other.country and self.inside[other.country] >= 2 and not self._known(country.country) \
                    and other.country not in neighbours:
                return other
        return country


_COMMON_KEYS = frozenset((word,) for word in COMMON_WORDS)


def part_of(place: Place, compass: str) -> Place:
    """A compass part of a region or province that has no geometry: "southern Gaza" inside the Gaza Strip."""
    words = key_of(compass)
    adjective = {"north": "northern", "south": "southern", "east": "eastern", "west": "western", "central": "central"}
    name = ("".join(words) + "ern" if len(words) == 2 else adjective[words[0]]) + " " + place.name
    return Place(name=name, kind="region", within=place.name, country=place.country)


def _rank(kind: PlaceKind) -> int:
    from .places import PREFERENCE

    return PREFERENCE[kind]


def _suffix_kind(following: tuple[tuple[str, int, int], ...]) -> tuple[PlaceKind, int] | None:
    from .gazetteer import KIND_SUFFIXES

    words = tuple(token for token, _, _ in following)
    for size in (2, 1):
        kind = KIND_SUFFIXES.get(words[:size]) if len(words) >= size else None
        if kind:
            return kind, size
    return None


def _within(spans: list[tuple[int, int, _T]], start: int, end: int) -> list[tuple[int, int, _T]]:
    first = bisect_left(spans, start, key=lambda span: span[0])
    found = []
    for span in spans[first:]:
        if span[0] >= end:
            break
        if span[1] <= end:
            found.append(span)
    return found

