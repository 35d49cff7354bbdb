"""A small knowledge base of places and actors: what a name in an article refers to, and what contains what.

The built-in data lives in gazetteer.yaml next to this module (its header documents the format);
a user file of the same format extends it. Names are matched on normalised tokens, so that
"north-east Syria", "northeast Syria" and "North East Syria" are one key, "Syria's" is "Syria",
and "U.S." is "US". Matching in running text is case-aware: a name written with capitals in the
data needs a capital in the text ("Turkey", not "turkey"), and an acronym needs its capitals ("IS", not "is").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args

from .errors import Problem, TroopclaimsError

PlaceKind = Literal["country", "region", "province", "city", "base", "crossing", "field", "home"]
_KINDS: tuple[str, ...] = get_args(PlaceKind)
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
_ARTICLES = ("al", "el")

_PLACE_KEYS = {"name", "kind", "aliases", "within", "demonym", "actor"}
_ACTOR_KEYS = {"name", "aliases"}
_TOP_KEYS = {"places", "actors", "home_of"}


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


# --- normalisation -----------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"[^\W_]+(?:[.'\u2019][^\W_]+)*")
_COMPASS = re.compile(r"^(north|south)(east|west)(ern)?$")
_ADJECTIVES = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}
_FOLD = str.maketrans({"\u0131": "i", "\u2019": "'", "\u2018": "'"})


def _fold_word(word: str) -> str:
    lower = word.lower().translate(_FOLD)
    if not lower.isascii():
        lower = "".join(c for c in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(c))
    if lower.endswith("'s"):
        lower = lower[:-2]
    return lower.replace(".", "").replace("'", "")


@lru_cache(maxsize=1 << 16)
def _normal(word: str) -> tuple[str, ...]:
    """One written word as one or two key tokens: 'northeastern' -> ('north', 'east')."""
    folded = _fold_word(word)
    compass = _COMPASS.match(folded)
    if compass:
        return (compass[1], compass[2])
    return (_ADJECTIVES.get(folded, folded),)


def _tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, int, int]]:
    for match in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        word = match[0]
        end = match.end()
        if word.endswith(("'s", "\u2019s")):
            end -= 2  # "Syria's": the place is "Syria"
        for token in _normal(word):
            yield token, match.start(), end


def key_of(name: str) -> tuple[str, ...]:
    """The normalised token key of a name, as used for lookups."""
    return tuple(token for token, _, _ in _tokens(name))


_Rule = Literal["any", "capital", "exact"]


def _case_rule(alias: str) -> _Rule:
    letters = [c for c in alias if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters) and len(alias.split()) == 1:
        return "exact"  # an acronym: "IS" is not "is", "US" is not "us"
    return "capital" if any(c.isupper() for c in letters) else "any"


def _case_ok(rule: _Rule, written: str, alias_letters: str) -> bool:
    if rule == "any":
        return True
    if rule == "capital":
        return any(c.isupper() for c in written)
    return "".join(c for c in written if c.isalpha()) == alias_letters


@dataclass(frozen=True)
class _Entry:
    key: tuple[str, ...]
    rule: _Rule
    letters: str
    target: Any  # a Place, or an actor name (str)


class _Matcher:
    """Longest-match lookup of token keys in running text, indexed by first token.

    Running text is not tokenised whole: a pattern finds the words that can start a key (capitalised
    words, and the few lower-case words that begin a key, such as "northern" or "coalition"), and
    only there are the following words read. Most words of an article are never looked at twice.
    """

    def __init__(self) -> None:
        self.by_first: dict[str, list[_Entry]] = {}
        self.exact: dict[tuple[str, ...], list[Any]] = {}
        self.longest = 1
        self._lower_starts: set[str] = {"al", "el"}
        self._starts: re.Pattern[str] | None = None

    def _start_pattern(self) -> re.Pattern[str]:
        if self._starts is None:
            lowers = "|".join(sorted((re.escape(w) for w in self._lower_starts), key=len, reverse=True))
            self._starts = re.compile(
                rf"(?<![\w.'’])(?:[^\W\d_a-z]|(?i:(?:north|south|east|west)[a-z]*|{lowers})(?![^\W_]))"
                r"[^\W_]*(?:[.'’][^\W_]+)*"
            )
        return self._starts

    def add(self, alias: str, target: Any, *, in_text: bool = True) -> None:
        """Index an alias; in_text=False for names looked up but never searched for in running text."""
        key = key_of(alias)
        if not key:
            return
        if not in_text:
            self.exact.setdefault(key, []).append(target)
            return
        letters = "".join(c for c in alias if c.isalpha())
        first_word = re.split(r"[\s-]+", alias.strip())[0]
        if first_word[:1].islower():
            self._lower_starts.add(first_word.lower())
            self._starts = None
        self.longest = max(self.longest, len(key))
        keys = [key]
        if len(key) > 1 and key[0] in _ARTICLES:
            keys.append(key[1:])  # "Al-Hasakah" is also written "Hasakah"
        for k in keys:
            entry = _Entry(k, _case_rule(alias), letters, target)
            bucket = self.by_first.setdefault(k[0], [])
            if all(e.key != k or e.target != target for e in bucket):
                bucket.append(entry)
                bucket.sort(key=lambda e: -len(e.key))
            targets = self.exact.setdefault(k, [])
            if target not in targets:
                targets.append(target)

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, _Entry, list[tuple[str, int, int]]]]:
        """Non-overlapping longest matches in text[start:end], with the (up to two) tokens that follow each."""
        stop = len(text) if end is None else end
        found = []
        free = start
        for word in self._start_pattern().finditer(text, start, stop):
            if word.start() < free:
                continue
            entries = self.by_first.get(_normal(word[0])[0])
            if not entries:
                continue
            # Entries are sorted longest first: read that many words, and two more for a kind suffix.
            tokens = list(islice(_tokens(text, word.start(), stop), len(entries[0].key) + 2))
            entry = self._match_at(tokens, text)
            if entry is None:
                continue
            size = len(entry.key)
            found.append((tokens[0][1], tokens[size - 1][2], entry, tokens[size:size + 2]))
            free = tokens[size - 1][2]
        return found

    def _match_at(self, tokens: list[tuple[str, int, int]], text: str) -> _Entry | None:
        for entry in self.by_first.get(tokens[0][0], ()):
            size = len(entry.key)
            if size > len(tokens):
                continue
            if all(tokens[k][0] == entry.key[k] for k in range(1, size)):
                written = text[tokens[0][1]:tokens[size - 1][2]]
                if _case_ok(entry.rule, written, entry.letters):
                    return entry
        return None


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
    _places: _Matcher = field(default_factory=_Matcher, repr=False)
    _actors: _Matcher = field(default_factory=_Matcher, repr=False)

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
        for candidate in (key, key[1:] if key[:1] and key[0] in _ARTICLES else ()):
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


# --- loading -----------------------------------------------------------------------------------------------

@dataclass
class _Raw:
    places: dict[str, Place] = field(default_factory=dict)
    actors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    homes: dict[str, str] = field(default_factory=dict)


def load_gazetteer(extra: Path | None = None) -> Gazetteer:
    """The built-in gazetteer, extended by a user file when given.

    A user file is read strictly (duplicate keys, unknown fields, unknown parents are errors
    naming the file and line); an entry whose name is a built-in place replaces that place.
    """
    if extra is None:
        return _default()
    path = Path(extra)
    try:
        stat = path.stat()
    except OSError:
        raise TroopclaimsError(f"{path}: no such gazetteer file") from None
    return _extended(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    text = resources.files("troopclaims").joinpath("gazetteer.yaml").read_text(encoding="utf-8")
    raw = _parse(text, "gazetteer.yaml (built in)", _Raw())
    return Gazetteer(raw.places, raw.actors, raw.homes)


@lru_cache(maxsize=8)
def _extended(path: str, mtime_ns: int, size: int) -> Gazetteer:
    from .fileio import MAX_DATA_BYTES, read_text

    del mtime_ns, size  # part of the cache key only: an edited file is read again
    text = read_text(Path(path), limit=MAX_DATA_BYTES, what="gazetteer")
    base = _default()
    raw = _parse(text, path, _Raw(dict(base.places), dict(base.actors), dict(base.homes)))
    return Gazetteer(raw.places, raw.actors, raw.homes)


def _parse(text: str, path: str, raw: _Raw) -> _Raw:
    from .yamlio import YamlProblem, load_located

    try:
        located = load_located(text)
    except YamlProblem as exc:
        _fail([Problem(path, exc.line, exc.column, exc.message, "yaml")])
    checker = _Checker(path, located)
    checker.read(raw)
    if checker.problems:
        _fail(checker.problems)
    return raw


def _fail(problems: list[Problem]) -> Any:
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    raise TroopclaimsError(f"{problems[0]}{more}", problems)


class _Checker:
    """Reads the parsed YAML into places and actors, noting every problem with its line."""

    def __init__(self, path: str, located: Any) -> None:
        self.path = path
        self.located = located
        self.problems: list[Problem] = []

    def report(self, loc: tuple[int | str, ...], message: str, *, key: bool = False) -> None:
        line, column = self.located.position(loc, key=key)
        self.problems.append(Problem(self.path, line, column, message, "gazetteer"))

    def read(self, raw: _Raw) -> None:
        data = self.located.data
        if data is None:
            return
        if not isinstance(data, dict):
            self.report((), "a gazetteer file is a mapping with 'places', 'actors' and 'home_of'")
            return
        for key in data:
            if key not in _TOP_KEYS:
                self.report((key,), f"unknown key {key!r}; expected one of {', '.join(sorted(_TOP_KEYS))}", key=True)
        mine: dict[str, tuple[int | str, ...]] = {}
        for index, item in enumerate(self._list(data, "places")):
            place = self._place(item, ("places", index))
            if place is None:
                continue
            if place.name in mine:
                first = self.located.position(mine[place.name])[0]
                self.report(("places", index, "name"), f"place {place.name!r} is listed twice (first at line {first})")
                continue
            mine[place.name] = ("places", index)
            raw.places[place.name] = place
        for name, loc in mine.items():
            parent = raw.places[name].within
            if parent is not None and parent not in raw.places:
                self.report((*loc, "within"), f"place {name!r} is within {parent!r}, which is not a known place")
        self._cycles(raw, mine)
        for index, item in enumerate(self._list(data, "actors")):
            actor = self._actor(item, ("actors", index))
            if actor is not None:
                raw.actors[actor[0]] = actor[1]
        homes = data.get("home_of") or {}
        if not isinstance(homes, dict):
            self.report(("home_of",), "'home_of' maps an actor to the place that is its home, e.g. 'US: United States'")
            return
        for actor_name, place_name in homes.items():
            if not isinstance(place_name, str) or place_name not in raw.places:
                self.report(("home_of", str(actor_name)), f"home of {actor_name!r} is {place_name!r}, which is not a known place")
            else:
                raw.homes[str(actor_name)] = place_name

    def _list(self, data: dict[str, Any], name: str) -> list[Any]:
        value = data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.report((name,), f"'{name}' is a list of entries")
            return []
        return value

    def _strings(self, item: dict[str, Any], loc: tuple[int | str, ...], name: str) -> tuple[str, ...]:
        value = item.get(name)
        if value is None:
            return ()
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            self.report((*loc, name), f"'{name}' is a list of names")
            return ()
        return tuple(v.strip() for v in values)

    def _place(self, item: Any, loc: tuple[int | str, ...]) -> Place | None:
        if not isinstance(item, dict):
            self.report(loc, "a place is a mapping with at least 'name' and 'kind'")
            return None
        for key in item:
            if key not in _PLACE_KEYS:
                self.report((*loc, key), f"unknown key {key!r} for a place; expected {', '.join(sorted(_PLACE_KEYS))}", key=True)
        name, kind = item.get("name"), item.get("kind")
        if not isinstance(name, str) or not name.strip():
            self.report(loc, "a place needs a 'name'")
            return None
        if kind not in _KINDS:
            self.report((*loc, "kind"), f"place {name!r}: kind {kind!r} is not one of {', '.join(_KINDS)}")
            return None
        within = item.get("within")
        if within is not None and not isinstance(within, str):
            self.report((*loc, "within"), f"place {name!r}: 'within' is the name of one place")
            within = None
        actor = item.get("actor")
        if actor is not None and not isinstance(actor, str):
            self.report((*loc, "actor"), f"place {name!r}: 'actor' is a name")
            actor = None
        return Place(
            name=name.strip(),
            kind=kind,
            aliases=self._strings(item, loc, "aliases"),
            within=within.strip() if within else None,
            demonyms=self._strings(item, loc, "demonym"),
            actor=actor.strip() if actor else None,
        )

    def _actor(self, item: Any, loc: tuple[int | str, ...]) -> tuple[str, tuple[str, ...]] | None:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            self.report(loc, "an actor is a mapping with a 'name' and optional 'aliases'")
            return None
        for key in item:
            if key not in _ACTOR_KEYS:
                self.report((*loc, key), f"unknown key {key!r} for an actor; expected name, aliases", key=True)
        return str(item["name"]).strip(), self._strings(item, loc, "aliases")

    def _cycles(self, raw: _Raw, mine: dict[str, tuple[int | str, ...]]) -> None:
        for name, loc in mine.items():
            seen = {name}
            parent = raw.places[name].within
            while parent is not None and parent in raw.places:
                if parent in seen:
                    self.report((*loc, "within"), f"place {name!r} is inside itself (through {parent!r})")
                    break
                seen.add(parent)
                parent = raw.places[parent].within

