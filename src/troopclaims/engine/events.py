"""Events: claims about one movement or presence of one actor's forces, gathered before anything is compared.

A claim is tied to the places it names, at country level: "from X" for where forces leave or are (origin,
location), "to Y" for where they go (destination; going home names no place of the story). Claims of one
actor that name the same country in any role (forces sent to X are those in X, and those who later leave X)
and lie close in time are linked, and linked claims make one event.
A claim that names no place joins the largest event of its actor at its time; a claim dated only
vaguely (a year) joins the one event of its places in that period, if there is exactly one.

Every step sorts its input first, so the same claims give the same events in any order; an event's id
is made from its actor, its main place and its first month, so it survives unrelated edits of the file.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..world import Gazetteer
from .facets import Facet

#: A claim more than this many days after the last claim on its place starts a new run on that place.
GAP_DAYS = 30
#: A run on one place lasts at most this long: a longer story is told as several events.
MAX_SPAN_DAYS = 92
#: A date vaguer than this many days (a year, a season) cannot place a claim in time by itself.
COARSE_DAYS = 62

_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass(frozen=True)
class Member:
    """One claim of an event and why it is there."""

    claim: str
    how: str  # "place" (linked through a place it names), "first", "no place", "vague date", "alone"
    reason: str


@dataclass(frozen=True)
class Event:
    """Claims about one movement or presence of one actor's forces.

    id: stable, from actor, main place and first month ("us-syria-2019-10"; the year for an event dated only to a
    year), with "-2", "-3" for a second
    event of the same three; label: for a reader ("US forces: Syria → Iraq, Oct 2019"); start and end: the
    days its claims span; places: the place keys that tie it together ("from Syria", "to Iraq").
    """

    id: str
    actor: str
    label: str
    start: date
    end: date
    places: tuple[str, ...]
    members: tuple[Member, ...]
    #: Places its claims name that the gazetteer does not know, by role and name ("from Camp Zulu"): kept by name.
    unresolved: tuple[str, ...] = ()

    @property
    def claims(self) -> tuple[str, ...]:
        return tuple(m.claim for m in self.members)


def place_keys(facet: Facet, gazetteer: Gazetteer) -> tuple[str, ...]:
    """The places a claim ties to: where forces are or leave from, and where they go (home excluded)."""
    return tuple(_places(facet, gazetteer))


def _places(facet: Facet, gazetteer: Gazetteer) -> dict[str, str]:
    return _keys(facet)[0]


def _keys(facet: Facet) -> tuple[dict[str, str], tuple[str, ...]]:
    """Place keys with a name to show (the country of each place the gazetteer knows), and the places it does not.

    A place the gazetteer does not know ties nothing: it may be a base inside the country the other claims name,
    and a key of its own would split one movement into two events without a word. It is kept by name with its
    role ("from Camp Zulu").
    """
    found = {}
    unknown: tuple[str, ...] = ()
    ends = (("at", facet.location),) if facet.location is not None else (("from", facet.origin), ("to", facet.destination))
    for side, spot in ends:
        if spot is None or spot.home:
            continue
        if spot.place is None:
            unknown += (f"{side} {spot.written}",)
        elif spot.country:
            found[f"{'from' if side == 'at' else side} {spot.country}"] = spot.country
    return found, unknown


def unresolved(facet: Facet) -> tuple[str, ...]:
    """The places a claim names that the gazetteer does not know, with their role: ("from Camp Zulu",)."""
    return _keys(facet)[1]


def anchor(facet: Facet) -> tuple[date, date]:
    """The days a claim is placed at: its own date; a deadline's claim, the day it was said ("leave by May")."""
    if facet.date.kind == "deadline":
        return facet.published.start, facet.published.end
    return facet.date.start, facet.date.end


class _Links:
    """Union-find over claim positions, remembering for each claim the first link that tied it in."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.why: dict[int, str] = {}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int, why: str | None) -> None:
        if why is not None:
            self.why.setdefault(j, why)
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def build_events(facets: list[Facet], gazetteer: Gazetteer) -> tuple[list[Event], dict[str, str]]:
    """Events of every actor's force claims, and for each claim in one, its event's id."""
    by_actor: dict[str, list[_Item]] = defaultdict(list)
    for facet in facets:
        if facet.actor is not None and facet.claim.kind == "force":
            first, last = anchor(facet)
            start, end = first.toordinal(), last.toordinal()
            places, unknown = _keys(facet)
            by_actor[facet.actor].append(_Item(facet, start, end, places, end - start + 1 > COARSE_DAYS, unknown, _linked(places)))
    drafts: list[_Draft] = []
    for actor in sorted(by_actor):
        drafts.extend(_actor_events(actor, by_actor[actor]))
    events = _name(drafts, gazetteer)
    return events, {claim: event.id for event in events for claim in event.claims}


@dataclass(frozen=True)
class _Item:
    """A claim as clustering sees it. Days are ordinals: sums of days need no calendar (nor its end at 9999)."""

    facet: Facet
    start: int
    end: int
    places: dict[str, str]  # place key -> name to show
    coarse: bool  # dated too vaguely (more than COARSE_DAYS) to place it in time by itself
    unresolved: tuple[str, ...] = ()  # places named that the gazetteer does not know ("from Camp Zulu")
    links: tuple[str, ...] = ()  # the countries it links through, whatever their role (_linked)

    @property
    def day(self) -> date:
        return date.fromordinal(self.start)


@dataclass
class _Draft:
    """An event being built. start and end follow its claims placed in time, not those joining by a vague date."""

    actor: str
    start: int  # ordinals
    end: int
    items: list[_Item] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    keys: Counter[str] = field(default_factory=Counter)
    unresolved: dict[str, None] = field(default_factory=dict)  # in the order first named

    def add(self, item: _Item, member: Member, *, timed: bool = True) -> None:
        self.items.append(item)
        self.members.append(member)
        self.keys.update(item.places.keys())
        if item.unresolved:
            self.unresolved.update(dict.fromkeys(item.unresolved))
        if timed:
            self.start, self.end = min(self.start, item.start), max(self.end, item.end)

    def overlaps(self, item: _Item, slack: int = 0) -> bool:
        return self.start - slack <= item.end and item.start <= self.end + slack


def _actor_events(actor: str, items: list[_Item]) -> list[_Draft]:
    items = sorted(items, key=lambda it: (it.start, it.end, it.facet.claim.id))
    links = _Links(len(items))
    runs: dict[str, tuple[int, int, int]] = {}  # key -> (last claim, run start, run end)
    for i, item in enumerate(items):
        if item.coarse:
            continue
        start, end = item.start, item.end
        for key in item.links:
            run = runs.get(key)
            if run is not None and start <= run[2] + GAP_DAYS and start <= run[1] + MAX_SPAN_DAYS:
                last = items[run[0]]
                # Only a claim's first link is its reason: the words are made once per claim, not per link.
                why = None if i in links.why else f"names '{key}', as {last.facet.claim.id} ({last.day}) does, {max(0, start - run[2])} days after it"
                links.join(run[0], i, why)
                runs[key] = (i, run[1], max(run[2], end))
            else:
                runs[key] = (i, start, end)
    components: dict[int, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        if item.places and not item.coarse:
            components[links.find(i)].append(i)
    anchored: list[_Draft] = []
    for members in components.values():
        anchored.extend(_split(actor, [items[i] for i in members], [links.why.get(i) for i in members]))
    anchored.sort(key=lambda d: (d.start, d.items[0].facet.claim.id))
    by_key: dict[str, list[_Draft]] = defaultdict(list)
    for draft in anchored:
        for key in _linked(draft.keys):
            by_key[key].append(draft)
    extra: list[_Draft] = []
    for item in items:
        if item.coarse and item.places:
            _place_vague(item, by_key, extra)
    starts = [d.start for d in anchored]
    alone: list[_Draft] = []
    for item in items:
        if not item.places:
            _place_loose(item, anchored, starts, alone)
    return anchored + extra + alone


def _linked(keys: Iterable[str]) -> tuple[str, ...]:
    """The countries a claim's place keys link through, whatever the role: forces sent to X are those in X, and
    those who leave X ("to X" with "at X" and "from X"). Home is no key, so going home ties nothing."""
    return tuple(sorted({key.split(" ", 1)[1] for key in keys}))


def _split(actor: str, items: list[_Item], why: list[str | None]) -> list[_Draft]:
    """Claims linked into one chain, cut where the chain's days pass MAX_SPAN_DAYS: a long story is several events."""
    drafts: list[_Draft] = []
    for item, reason in zip(items, why):
        claim = item.facet.claim.id
        if drafts and item.start <= drafts[-1].start + MAX_SPAN_DAYS:
            drafts[-1].add(item, Member(claim, "place" if reason else "first", reason or _first(item)))
            continue
        member = Member(claim, "first", _first(item) if not drafts else f"{_first(item)}; the claims before it span more than {MAX_SPAN_DAYS} days")
        drafts.append(_Draft(actor, item.start, item.end))
        drafts[-1].add(item, member)
    return drafts


def _first(item: _Item) -> str:
    return f"the first claim naming {', '.join(item.places)} at {item.day}"


def _place_vague(item: _Item, by_key: dict[str, list[_Draft]], extra: list[_Draft]) -> None:
    """A claim dated only to a year joins the one event of its places in that period, if there is exactly one."""
    keys = ", ".join(item.places)
    date_value = item.facet.date.value
    matches = list({id(d): d for key in item.links for d in by_key.get(key, ()) if d.overlaps(item)}.values())
    if len(matches) == 1:
        matches[0].add(item, Member(item.facet.claim.id, "vague date", f"dated only {date_value}: the one event naming {keys} in that period"), timed=False)
        return
    why = "no event names" if not matches else f"{len(matches)} events name"
    for draft in extra:
        if set(item.links) & set(_linked(draft.keys)) and draft.overlaps(item):
            draft.add(item, Member(item.facet.claim.id, "alone", f"dated only {date_value}, like {draft.items[0].facet.claim.id}; {why} its places then"))
            return
    draft = _Draft(item.facet.actor or "", item.start, item.end)
    draft.add(item, Member(item.facet.claim.id, "alone", f"dated only {date_value}; {why} {keys} then"))
    extra.append(draft)


def _place_loose(item: _Item, anchored: list[_Draft], starts: list[int], alone: list[_Draft]) -> None:
    """A claim naming no place of the story joins the largest event of its actor at its time."""
    actor = item.facet.actor
    # Events span at most MAX_SPAN_DAYS, so only those starting in this window can reach the claim.
    low = bisect_left(starts, item.start - GAP_DAYS - MAX_SPAN_DAYS)
    high = bisect_right(starts, item.end + GAP_DAYS)
    candidates = [d for d in anchored[low:high] if d.overlaps(item, GAP_DAYS)]
    if candidates:
        best = max(candidates, key=lambda d: (len(d.items), -d.start, _neg(d.items[0].facet.claim.id)))
        others = len(candidates) - 1
        reason = f"{_no_place(item)}: put with the largest event of {actor} at its time"
        best.add(item, Member(item.facet.claim.id, "no place", reason + (f" ({others} other{'s' if others > 1 else ''} then)" if others else "")), timed=False)
        return
    if alone and alone[-1].overlaps(item, GAP_DAYS):  # claims come in date order: only the last can be near
        first = alone[-1].items[0].facet.claim.id
        alone[-1].add(item, Member(item.facet.claim.id, "no place", f"{_no_place(item)}, like {first}, within {GAP_DAYS} days of it"))
        return
    draft = _Draft(actor or "", item.start, item.end)
    draft.add(item, Member(item.facet.claim.id, "alone", f"{_no_place(item)}, and no event of {actor} lies near {item.day}"))
    alone.append(draft)


def _no_place(item: _Item) -> str:
    if item.unresolved:
        names = ", ".join(f"'{name}'" for name in item.unresolved)
        return f"names only {names}, which the gazetteer does not know (add it to the story's gazetteer file to place it)"
    return "names no place of the story"


def _neg(text: str) -> tuple[int, ...]:
    """Sorts ids in reverse inside max(), so that the first id in order wins a tie."""
    return tuple(-ord(c) for c in text)


def _slug(text: str, limit: int = 24) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:limit].strip("-") or "x"


def _main(counter: Counter[str], prefix: str, besides: str | None = None) -> str | None:
    """The key with this prefix most claims name (the first in order on a tie), leaving out one if asked."""
    counts = {k[len(prefix):]: n for k, n in counter.items() if k.startswith(prefix) and k[len(prefix):] != besides}
    return min(counts, key=lambda k: (-counts[k], k)) if counts else None


def _period(start: date, end: date) -> str:
    if (end - start).days > 300:
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    first, last = f"{_MONTHS[start.month - 1]} {start.year}", f"{_MONTHS[end.month - 1]} {end.year}"
    if first == last:
        return first
    return f"{_MONTHS[start.month - 1]}–{last}" if start.year == end.year else f"{first}–{last}"


def _name(drafts: list[_Draft], gazetteer: Gazetteer) -> list[Event]:
    events = []
    taken: Counter[str] = Counter()
    for draft in sorted(drafts, key=lambda d: (d.actor, d.start, min(it.facet.claim.id for it in d.items))):
        keys = draft.keys
        shown = {k: v for it in draft.items for k, v in it.places.items()}
        origin = _main(keys, "from ")
        # forces sent back where they came from are a leg of the movement, not its destination: "Syria → Syria" says nothing
        target = _main(keys, "to ", besides=origin) or _main(keys, "to ")
        origin = shown.get(f"from {origin}", origin) if origin else None
        target = shown.get(f"to {target}", target) if target else None
        if origin and target:
            route = f"{origin} → {target}"
        elif origin:
            route = f"{origin}"
        elif target:
            route = f"→ {target}"
        elif draft.unresolved:
            route = next(iter(draft.unresolved))
        else:
            route = "no place named"
        start, end = date.fromordinal(draft.start), date.fromordinal(draft.end)
        when = f"{start.year:04d}" if (end - start).days > 300 else f"{start.year:04d}-{start.month:02d}"
        base = f"{_slug(draft.actor)}-{_slug(origin or target or 'unplaced')}-{when}"
        taken[base] += 1
        ident = base if taken[base] == 1 else f"{base}-{taken[base]}"
        order = sorted(range(len(draft.items)), key=lambda i: (draft.items[i].start, draft.items[i].end, draft.items[i].facet.claim.id))
        events.append(
            Event(
                id=ident,
                actor=draft.actor,
                label=f"{gazetteer.adjective(draft.actor)} forces: {route}, {_period(start, end)}",
                start=start,
                end=end,
                places=tuple(sorted(keys)),
                members=tuple(draft.members[i] for i in order),
                unresolved=tuple(draft.unresolved),
            )
        )
    return events
