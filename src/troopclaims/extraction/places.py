"""Places in a clause and the part each plays: where forces come from, go to, or are.

The preposition that governs a place decides ("from"/"out of" -> origin, "to"/"into"/"towards" ->
destination, "in"/"at" -> where they are), read through words such as "the northern" or "its base
in the countryside of"; a verb of leaving or entering right before a place decides as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..world import Gazetteer, Place, TextIndex
from .roles import ENTERING as _ENTERING
from .roles import LEAVING as _LEAVING
from .roles import STATIONED as _STATIONED
from .roles import tree_role

if TYPE_CHECKING:
    from .tree import Piece

_PREPOSITIONS = {
    "from": "origin", "out of": "origin", "to": "destination", "into": "destination", "towards": "destination",
    "toward": "destination", "in": "in", "at": "in", "inside": "in", "within": "in", "via": "via", "through": "via",
    "across": "via", "for": "other", "of": "of", "on": "other", "near": "other", "between": "other",
    "against": "other", "with": "other", "by": "other", "outside": "other", "around": "other", "over": "other",
    "alongside": "other",
}
#: Words between a preposition and the place it governs: "into the war-torn northern Syria".
_BEFORE_PLACE = frozenset(
    "the its their a an nearby neighbouring neighboring war-torn northern southern eastern western central base bases "
    "countryside city town village outskirts area areas province region part parts border territory soil".split()
)
#: Nouns read through to the preposition before them: "from its base in the countryside of X".
_THROUGH = frozenset(
    "base bases countryside city town village outskirts area areas province region part parts sector sectors district "
    "districts "
    "east west north south northeast northwest southeast southwest".split()
)
_BACK_WORD_RE = re.compile(r"[\w'’-]+|[^\w\s]")
_TERRITORY_RE = re.compile(r"\s+(?:territory|soil|side|airspace)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    place: Place
    role: str  # origin, destination, in, via, of, other, none


def places_in(text: str, start: int, end: int, gazetteer: Gazetteer, index: TextIndex,
              piece: Piece | None = None) -> list[PlaceMention]:
    """Places in text[start:end] with the role their preposition gives them.

    piece: the sentence's parse; the preposition a place hangs on there decides its role, and the words
    before it only where the parse cannot say.
    """
    found: list[tuple[int, int, Place]] = index.places_in(start, end)
    taken = [(s, e) for s, e, _ in found]
    for s, e, actor in index.actors_in(start, end):
        after = _TERRITORY_RE.match(text, e, end)
        if after is None or any(s < te and ts < after.end() for ts, te in taken):
            continue
        country = gazetteer.country_for_actor(actor)
        if country is not None:
            found.append((s, after.end(), country))
    mentions = []
    for s, e, place in sorted(found, key=lambda f: f[0]):
        if place.kind == "country" and _ADJECTIVE_USE.match(text, e, end):
            continue
        role = tree_role(piece, s, e) if piece is not None else None
        mentions.append(PlaceMention(s, e, place, role or _role_of(text, start, s)))
    return mentions


#: A place name used as an adjective ("US forces", "the Iraq-based", "US-led") is not where anything goes.
_ADJECTIVE_USE = re.compile(
    r"(?:['’]s)?(?:\s*-\s*[a-z]|\s+(?:forces|troops|soldiers|army|military|president|administration|government|"
    r"officials?|embassy|garrison|bases?|commanders?|defen[cs]e|navy|air\s+force|special|ground|combat|marines|"
    r"personnel|service|led|backed|coalition|ally|allies|counterpart|leaders?|authorities|lawmakers|ministry|"
    r"minister|secretary|troop|officers?|envoy|ambassador|sanctions|oil|partners?)\b)",
    re.IGNORECASE,
)


def _role_of(text: str, clause_start: int, place_start: int) -> str:
    """origin, destination, in, via, other or none: what the words before a place make of it."""
    words = [w.lower() for w in _BACK_WORD_RE.findall(text, max(clause_start, place_start - 80), place_start)]
    i = len(words) - 1
    for _ in range(6):
        while i >= 0 and words[i] in _BEFORE_PLACE:
            i -= 1
        if i < 0:
            return "none"
        word, previous = words[i], words[i - 1] if i > 0 else ""
        if word in _LEAVING:
            return "origin"  # "leaving Syria", "left their bases in Syria"
        if word in _ENTERING:
            return "destination"  # "entered Syrian territory"
        if word in ("in", "at") and previous in _STATIONED:
            return "origin"  # "troops stationed in X" are moved out of X
        if word in ("of", "in", "near", "outside", "around") and previous in _THROUGH:
            i -= 2  # "from its base in the countryside of X": read on to the preposition before
            continue
        if word == "of" and previous == "out":
            return "origin"
        if word == "of" and previous == "direction":
            return "destination"  # "in the direction of X", "moving in the direction of X"
        role = _PREPOSITIONS.get(word)
        if role is None:
            return "none"
        if role != "of":
            return role
        i -= 1  # "into the territory of X"
    return "none"


_ALTERNATIVE_RE = re.compile(r"\s*,?\s+(or|and)\s+(?:(?:to|into|towards?)\s+)?(?:the\s+)?$", re.IGNORECASE)


def alternatives(text: str, places: list[PlaceMention], chosen: Place, name: str) -> str:
    """"either to Kuwait or to Jordan": both places, joined as the text joins them."""
    mentions = [p for p in places if p.place == chosen]
    if not mentions:
        return name
    at = places.index(mentions[0])
    names = [name]
    joiner = "or"
    for previous, following in zip(places[at:], places[at + 1:]):
        between = _ALTERNATIVE_RE.fullmatch(text, previous.end, following.start)
        if between is None or following.role not in ("destination", "none"):
            break
        joiner = between[1].lower()
        names.append(following.place.name)
    return f" {joiner} ".join(names) if len(names) > 1 else name


def first_place(places: list[PlaceMention], role: str, after: int, *, after_only: bool = False) -> Place | None:
    ordered = [p for p in places if p.role == role and p.start >= after]
    if not ordered and not after_only:
        ordered = [p for p in places if p.role == role]
    return ordered[0].place if ordered else None


def written_name(text: str, places: list[PlaceMention], place: Place, gazetteer: Gazetteer) -> str:
    """A place's name as the article spells it ("Kiev", "Mazar-i-Sharif"), where that spelling leads back to the
    same place; else the world's name: "Gao, Mali" where "Gao" alone could be another town, and "Hasakah
    Governorate" or "southern Lebanon" for "Hasakah province" or "south Lebanon" (a kind or a direction in
    lower case is the world's to word)."""
    for mention in places:
        if mention.place == place:
            written = text[mention.start:mention.end]
            if any(word[:1].islower() for word in written.split()):
                return place.name
            found = gazetteer.lookup(written)
            return written if found is not None and found.same(place) else place.name
    return place.name
