"""The places a story's claims name that the gazetteer does not know: listed by `check`, each with the line to add.

Such a place is kept by name with its role, and events use it by name (events.py), so nothing is lost; but
it ties no claims together and cannot be compared with the places around it until the story's gazetteer
file knows it. Each warning gives a ready line for that file, with the kind guessed from the name and the
country the other places of its claim lie in.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..datafile import Dataset
from ..world import Gazetteer
from .facets import Facet, Spot, build_facets

_ROLES = ("origin", "destination", "location")
_BASE_WORDS = re.compile(r"\b(?:base|camps?|airbase|air\s+base|airfield|airport|garrison|outpost|fort)\b", re.IGNORECASE)
_FIELD_WORDS = re.compile(r"\b(?:oil\s*fields?|gas\s*fields?|fields?)\b", re.IGNORECASE)
_CROSSING_WORDS = re.compile(r"\b(?:crossing|checkpoint|border\s+post|bridge)\b", re.IGNORECASE)


def _kind(name: str) -> str:
    for kind, words in (("base", _BASE_WORDS), ("field", _FIELD_WORDS), ("crossing", _CROSSING_WORDS)):
        if words.search(name):
            return kind
    return "city"


def _countries(facets: list[Facet], gazetteer: Gazetteer) -> dict[tuple[str, str], Counter[str]]:
    """For each (source, role), the countries of the places it names there that the gazetteer knows."""
    found: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for facet in facets:
        for role in _ROLES:
            spot: Spot | None = getattr(facet, role)
            if spot is not None and spot.place is not None and not spot.home:
                country = gazetteer.country_of(spot.place)
                if country is not None:
                    found[(facet.source.id, role)][country.name] += 1
    return found


def _names_something(written: str, gazetteer: Gazetteer) -> bool:
    """A proper name ('Camp Zarqun'), not a description ('Syrian oil fields', 'frontline positions').

    A gazetteer entry can place a name; a description has no name to add, so listing it is noise. Its only
    capitalised words, if any, are actors or places the gazetteer already knows ('Syrian', 'Kurd-run').
    """
    for word in re.findall(r"[\w'’]+", written):
        if word[:1].isupper() and gazetteer.actor_for(word) is None and gazetteer.lookup(word) is None:
            return True
    return False


def _named_country(name: str, gazetteer: Gazetteer) -> str | None:
    for word in re.findall(r"[A-Z][\w-]*", name):
        actor = gazetteer.actor_for(word)
        place = gazetteer.resolve(actor, None, None) if actor else None
        if place is not None and place.kind == "country":
            return place.name
    return None


def unresolved_places(dataset: Dataset) -> list[str]:
    """One line per place no gazetteer knows: where it is first named, and the line that adds it."""
    gazetteer = dataset.gazetteer()
    facets = build_facets(dataset.claims, dataset.sources, gazetteer, dataset.texts)
    index = _claim_index(dataset)
    seen: dict[str, list[tuple[Facet, str]]] = defaultdict(list)
    for facet in facets:
        for role in _ROLES:
            spot: Spot | None = getattr(facet, role)
            if spot is not None and spot.place is None and not spot.home and _names_something(spot.written, gazetteer):
                seen[spot.written].append((facet, role))
    target = dataset.gazetteer_path
    where = f"the story's gazetteer file {target.name}" if target else "a gazetteer file (named by the data file's `gazetteer:` key)"
    problems: list[str] = []
    countries = _countries(facets, gazetteer)
    for name, uses in sorted(seen.items(), key=lambda kv: kv[0].casefold()):
        facet, role = uses[0]
        # An unknown base left from most likely lies where the same article has forces leave from: the guess
        # is the country its article names most in the same role, and none when it names none.
        within = _named_country(name, gazetteer)  # "Syrian oil fields" say where they are
        if within is None:
            near = sum((countries.get((f.source.id, r), Counter()) for f, r in uses), Counter())
            within = min(near, key=lambda c: (-near[c], c)) if near else None
        line, column = _position(dataset, index.get(facet.claim.id), role)
        entry = f"- {{name: {name}, kind: {_kind(name)}" + (f", within: {within}" if within else "") + "}"
        others = f" and {len(uses) - 1} more" if len(uses) > 1 else ""
        problems.append(
            f"{dataset.path}:{line}:{column}: place {name!r} ({role} of {facet.claim.id}{others}) is not in the gazetteer; "
            f"events keep it by name. To place it, add under `places:` in {where}: {entry}"
        )
    return problems


def _claim_index(dataset: Dataset) -> dict[str, int]:
    if dataset.located is None:
        return {}
    claims = dataset.located.data.get("claims") or []
    return {str(c.get("id")): i for i, c in enumerate(claims) if isinstance(c, dict)}


def _position(dataset: Dataset, index: int | None, role: str) -> tuple[int, int]:
    if dataset.located is None or index is None:
        return 0, 0
    return dataset.located.position(("claims", index, role))
