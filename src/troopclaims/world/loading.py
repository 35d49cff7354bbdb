"""Loading the built-in gazetteer and a user's extension of it, checking every entry."""

from __future__ import annotations

import mmap
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, get_args

from ..errors import Problem, TroopclaimsError
from .gazetteer import Gazetteer
from .index import WorldIndex
from .matching import key_of
from .places import Place, PlaceKind


# --- loading -----------------------------------------------------------------------------------------------

_KINDS: tuple[str, ...] = get_args(PlaceKind)
_PLACE_KEYS = {"name", "kind", "aliases", "within", "demonym", "actor", "members"}
_ACTOR_KEYS = {"name", "aliases"}
_TOP_KEYS = {"places", "actors", "home_of"}

@dataclass
class _Raw:
    places: dict[str, Place] = field(default_factory=dict)
    actors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    homes: dict[str, str] = field(default_factory=dict)


def load_gazetteer(*extras: Path | None) -> Gazetteer:
    """The built-in gazetteer (world index and hand-kept layer), extended by user files when given.

    Each file goes on top of the ones before it (a data file's `gazetteer:`, then --gazetteer).
    A user file is read strictly (duplicate keys, unknown fields, unknown parents are errors
    naming the file and line); an entry whose name is a place below it replaces that place.
    """
    gazetteer = _default()
    for extra in extras:
        if extra is None:
            continue
        path = Path(extra)
        try:
            stat = path.stat()
        except OSError:
            raise TroopclaimsError(f"{path}: no such gazetteer file") from None
        gazetteer = _extended(gazetteer, str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    return gazetteer


@lru_cache(maxsize=1)
def load_world() -> WorldIndex:
    """The shipped world index (see build.py), mapped into memory rather than read: a story looks up a few
    hundred of its 5.7 MB, and reading it whole cost a first run 7 ms."""
    shipped = resources.files("troopclaims.world").joinpath("world.idx")
    if isinstance(shipped, Path):
        try:
            with open(shipped, "rb") as handle:
                return WorldIndex(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
        except (OSError, ValueError):
            pass  # a file system that cannot map files: read it whole
    return WorldIndex(shipped.read_bytes())


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    from .snapshot import load_snapshot

    return load_snapshot(load_world()) or build_default()


def build_default() -> Gazetteer:
    """The built-in gazetteer built from gazetteer.yaml and the world index (snapshot.py keeps a copy)."""
    world = load_world()
    text = resources.files("troopclaims.world").joinpath("gazetteer.yaml").read_text(encoding="utf-8")
    raw = _parse(text, "gazetteer.yaml (built in)", _Raw(), world)
    return Gazetteer(raw.places, raw.actors, raw.homes, world)


@lru_cache(maxsize=8)
def _extended(base: Gazetteer, path: str, mtime_ns: int, size: int) -> Gazetteer:
    from ..files import MAX_DATA_BYTES, read_text

    del mtime_ns, size  # part of the cache key only: an edited file is read again
    text = read_text(Path(path), limit=MAX_DATA_BYTES, what="gazetteer")
    raw = _parse(text, path, _Raw(dict(base.places), dict(base.actors), dict(base.homes)), base.world)
    return Gazetteer(raw.places, raw.actors, raw.homes, base.world)


def _parse(text: str, path: str, raw: _Raw, world: WorldIndex | None) -> _Raw:
    from ..files import YamlProblem, load_located

    try:
        located = load_located(text)
    except YamlProblem as exc:
        _fail([Problem(path, exc.line, exc.column, exc.message, "yaml")])
    checker = _Checker(path, located, world)
    checker.read(raw)
    if checker.problems:
        _fail(checker.problems)
    return raw


def _fail(problems: list[Problem]) -> Any:
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    raise TroopclaimsError(f"{problems[0]}{more}", problems)


class _Checker:
    """Reads the parsed YAML into places and actors, noting every problem with its line."""

    def __init__(self, path: str, located: Any, world: WorldIndex | None) -> None:
        self.world = world
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
            if parent is not None and not self._known(raw, parent):
                self.report((*loc, "within"), f"place {name!r} is within {parent!r}, which is not a known place")
            for number, member in enumerate(raw.places[name].members):
                if not self._country(raw, member):
                    self.report((*loc, "members", number), f"place {name!r} spans {member!r}, which is not a known country")
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
            if not isinstance(place_name, str) or not self._known(raw, place_name):
                self.report(("home_of", str(actor_name)), f"home of {actor_name!r} is {place_name!r}, which is not a known place")
            else:
                raw.homes[str(actor_name)] = place_name

    def _known(self, raw: _Raw, name: str) -> bool:
        """A place of this file or the layers below: the hand-kept places by name, the world by any name."""
        return name in raw.places or (self.world is not None and bool(self.world.get(" ".join(key_of(name)))))

    def _country(self, raw: _Raw, name: str) -> bool:
        mine = raw.places.get(name)
        if mine is not None:
            return mine.kind == "country"
        world = self.world
        return world is not None and any(world.row(code // 3).kind == "country" for code in world.get(" ".join(key_of(name))))

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
            members=self._strings(item, loc, "members"),
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

