"""The questions asked inside one event, and the conflicts among their answers.

How many (numeric), where to (destination; location for rival parts of one country), where from (origin),
whether it happened (status), whether they may stay (permission) and when (timing). Each question sorts
its answers and compares the extremes (the lowest ceiling against the highest floor, the earliest end
against the latest start): the worst pair decides the severity, so no question compares all pairs.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from ..world import Gazetteer
from .events import Event
from .facets import POINT_KINDS, Facet, Spot, country_key, is_home
from .findings import Answer, ClaimRef, Conflict, PlacePoint, Side, Value
from .roles import ROLE_WORD as _ROLE_WORD
from .roles import role_of as _role
from .stages import stage_of
from .values import Figure, Verdict, compare_figures, figure_of

_RANK = {"compatible": 0, "soft": 1, "hard": 2}
#: Where the forces of an event that names no place are: the one place its claims speak of, unnamed.
UNNAMED = "the place no claim names"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40].strip("-") or "x"


def claims_said(n: int) -> str:
    return f"{n} claim{'s' if n != 1 else ''}"


def ref(f: Facet) -> ClaimRef:
    d = f.date
    return ClaimRef(
        f.claim.id, f.source.id, f.source.published.date, f.claim.speaker, f.claim.cited,
        d.value, d.start.isoformat(), d.end.isoformat(), d.precision, f.claim.reviewed,
    )


@dataclass
class Question:
    """Answers gathered for one question: side key -> (label, value, facets)."""

    kind: str
    scope: str
    topic: str
    answers: dict[Hashable, tuple[str, Value, list[Facet]]]

    def _order(self, key: Hashable) -> tuple[int, int, str]:
        """Figures from the lowest up; other answers with the most claims first; then by label."""
        label, value, facets = self.answers[key]
        return (value.low, 0, label) if isinstance(value, Figure) else (0, -len(facets), label)

    def add(self, key: Hashable, label: str, value: Value, facet: Facet) -> None:
        self.answers.setdefault(key, (label, value, []))[2].append(facet)

    def conflict(self, event: Event, severity: str, explanation: str, notes: Iterable[str]) -> Conflict:
        chosen = sorted(self.answers, key=self._order)
        sides = tuple(
            Side(label, value, tuple(ref(f) for f in sorted(facets, key=lambda f: f.claim.id)))
            for label, value, facets in (self.answers[k] for k in chosen)
        )
        return Conflict(f"{event.id}.{self.kind}.{slug(self.scope)}", event.id, self.kind, severity, self.topic, sides, explanation, tuple(notes))


class Context:
    """What every question of an event needs: the gazetteer and the event's main origin country."""

    def __init__(self, event: Event, facets: list[Facet], gazetteer: Gazetteer) -> None:
        self.event, self.facets, self.gazetteer = event, facets, gazetteer
        self.people = gazetteer.adjective(event.actor)  # 'Spanish' in a topic, where 'Spain personnel' reads badly
        self.notes: list[str] = []  # notes on the event that no conflict carries (parts, scopes)
        self.counted: dict[tuple[str, str], list[Facet]] | None = None
        #: The counts numeric() read: (country, spot or "", role, figure, the claims giving it).
        self.sizes: list[tuple[str, str, str, Figure, list[Facet]]] = []
        counted = Counter(
            country_key(gazetteer, f.origin) for f in facets if f.origin is not None and not is_home(f.origin, f.actor, gazetteer)
        )
        counted.pop(None, None)
        self.main_origin: str | None = min(counted, key=lambda o: (-counted[o], o or "")) if counted else None
        self._place: tuple[str | None] | None = None  # the event's main place, worked out when first asked
        self._back: tuple[str | None] | None = None  # where forces sent back to the main origin came from (came_from)
        #: Claims counted at the event's place because they name none (numeric() makes their conflicts soft).
        self.unplaced: set[str] = set()

    @property
    def main_place(self) -> str | None:
        if self._place is None:
            self._place = (self._main_place(),)
        return self._place[0]

    def _main_place(self) -> str | None:
        """Where the event's forces are or leave from: the country its claims name most as a location or origin,
        else the name of a place there the gazetteer does not know. A claim naming no place is about this one."""
        named = Counter(
            country_key(self.gazetteer, spot) for f in self.facets for spot in (f.location, f.origin)
            if spot is not None and spot.place is not None and not is_home(spot, f.actor, self.gazetteer)
        )
        named.pop(None, None)
        if named:
            return min(named, key=lambda o: (-named[o], o or ""))
        unknown = [key.split(" ", 1)[1].casefold() for key in self.event.unresolved if not key.startswith("to ")]
        if unknown:
            return unknown[0]
        # An event whose claims name no place at all is tied by its forces and its time alone: they speak of one place
        return UNNAMED if not self.event.places else None

    def country(self, spot: Spot | None) -> str | None:
        return country_key(self.gazetteer, spot)

    def leaving(self, f: Facet) -> str | None:
        """Where moving forces leave from, at country level; the event's main origin when the claim names none."""
        if f.origin is None or f.origin.place is None:
            # a base the gazetteer does not know is taken to lie where the event's forces leave, or are
            return self.main_origin or self.main_place
        return self.country(f.origin)

    def came_from(self, f: Facet) -> str | None:
        """Where moving forces that name no origin leave: the event's main origin, unless that is where they go (forces
        sent back to it): then where the event's claims going there come from (worked out once per event)."""
        going = self.going(f) if f.destination is not None else None
        if going is None or going[0] != self.main_origin:
            return self.main_origin
        if self._back is None:
            back = Counter(self.country(g.origin) for g in self.facets
                           if g.origin is not None and g.destination is not None and self.country(g.destination) == going[0])
            back.pop(going[0], None)
            back.pop(None, None)
            self._back = (min(back, key=lambda o: (-back[o], o or "")) if back else None,)
        return self._back[0]

    def where(self, f: Facet) -> str | None:
        """Where forces are, at country level: the claim's location (by name, if the gazetteer does not know it), else
        the place of its event."""
        return self.country(f.location) if f.location is not None else self.main_place

    def going(self, f: Facet) -> tuple[str, PlacePoint] | None:
        """Where moving forces go, at country level, with home resolved to the actor's country."""
        spot = f.destination
        if spot is None:
            return None
        home = is_home(spot, f.actor, self.gazetteer)
        country = self.country(spot)
        if home:
            place = self.gazetteer.home_of(f.actor)
            name = place.name if place else "home"
            return f"home ({name})" if place else "home", PlacePoint(name, name if place else None, name if place else None, True)
        if country is None:
            return None
        return country, PlacePoint(country, country if spot.place else None, country if spot.place else None)


# --- how many ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Count:
    """One answer to "how many": forces moving, present (a garrison) or staying behind, and the figure."""

    role: str
    figure: Figure


def _top(fig: Figure, read: bool) -> float:
    high = fig.read()[1] if read else fig.high
    return float("inf") if high is None else high


def _floor(fig: Figure, read: bool) -> int:
    return fig.read()[0] if read else fig.low


def _worst(figures: list[Figure], read: bool, placed: list[Figure] | None = None) -> tuple[Figure, Figure] | None:
    """The lowest ceiling and the highest floor, if they miss each other: the worst pair of the lot.

    placed: the figures whose claims name their place; a pair needs one of them (two figures that name no place
    may count forces in two places)."""
    pairs = []
    for lows, highs in ((figures, figures),) if placed is None else ((placed, figures), (figures, placed)):
        if not lows or not highs:
            continue
        bottom = min(lows, key=lambda fig: (_top(fig, read), fig.shown))
        top = max(highs, key=lambda fig: (_floor(fig, read), fig.shown))
        if _floor(top, read) > _top(bottom, read):
            pairs.append((bottom, top))
    return max(pairs, key=lambda p: (_floor(p[1], read) / max(_top(p[0], read), 1), p[0].shown, p[1].shown)) if pairs else None


def counted_at(ctx: Context) -> dict[tuple[str, str], list[Facet]]:
    """Counted personnel of an event by the place they are counted at: (country, one spot in it or ""); read once."""
    if ctx.counted is None:
        ctx.counted = _counted(ctx)
    return ctx.counted


def _counted(ctx: Context) -> dict[tuple[str, str], list[Facet]]:
    """Counted personnel by the place they are counted at: (country, one spot in it or "" for the country)."""
    groups: dict[tuple[str, str], list[Facet]] = defaultdict(list)
    for f in ctx.facets:
        if f.claim.count is None or f.units != "personnel" or f.claim.polarity != "asserted":
            continue
        role = _role(f)
        if role is None:
            continue
        moving = role == "moving" or (role == "added" and f.family in ("departure", "relocation"))
        spot = f.origin if moving else f.location
        country = ctx.country(spot) if spot is not None else (ctx.came_from(f) if moving else ctx.main_place)
        if country is not None and spot is None and (not moving or f.destination is None):
            ctx.unplaced.add(f.claim.id)  # no place of its own: counted where its event is
        if country is not None:
            point = spot is not None and spot.place is not None and spot.place.kind in POINT_KINDS
            groups[(country, spot.name if point and spot is not None else "")].append(f)
    return groups


def numeric(ctx: Context) -> list[Conflict]:
    found = []
    groups = counted_at(ctx)
    for (country, spot), members in sorted(groups.items()):
        where = spot or country
        q = Question("numeric", where, f"How many {ctx.people} personnel (in or leaving {where})", {})
        for f in members:
            assert f.claim.count is not None
            role, fig = _role(f) or "", figure_of(f.claim.count)
            q.add(_Count(role, fig), f"{fig.shown} {_ROLE_WORD[role]}", fig, f)
        answers = [k for k in q.answers if isinstance(k, _Count)]
        for k in answers:  # the story-wide comparison of sizes (across.py) reads these, not every claim again
            if k.role not in ("added", "over years") and not _unplaced(ctx, q.answers[k][2]):  # placed only by its event: no size elsewhere
                ctx.sizes.append((country, spot, k.role, k.figure, q.answers[k][2]))
        verdicts: list[Verdict] = []
        notes: list[str] = []
        for role in ("moving", "present", "staying", "earlier"):
            figures = [k.figure for k in answers if k.role == role]
            placed = [k.figure for k in answers if k.role == role and not _unplaced(ctx, q.answers[k][2])]
            pair = (_worst(figures, False, placed) or _worst(figures, True, placed)) if len(figures) > 1 else None
            if pair is not None:
                verdict = compare_figures(*pair)
                doubt = _doubt(q, role, pair) if verdict.severity == "hard" else None
                if doubt is None and verdict.severity == "hard" and role == "moving" and _is_home_country(ctx, country):
                    doubt = "not certain: forces sent out from their own country go in waves, each its own figure"
                loose = [fig.shown for fig in pair if _unplaced(ctx, q.answers[_Count(role, fig)][2])]
                arrived = [fig.shown for fig in pair if role == "moving" and _left_from_nowhere(q.answers[_Count(role, fig)][2])]
                if arrived and verdict.severity != "compatible" and doubt is None:
                    doubt = (f"not certain: {' and '.join(arrived)} names no place the forces left, only where they went; "
                             f"counted as leaving {where}, it may be the part that reached one destination")
                if loose and verdict.severity != "compatible":
                    doubt = (f"not certain: {' and '.join(loose)} names no place; it is counted at {where}, where its event is, "
                             "and may count forces elsewhere")
                if doubt is not None:
                    verdict = Verdict("soft", verdict.reason, verdict.ratio)
                    notes.append(doubt)
                verdicts.append(verdict)
        added = sorted({k.figure.shown for k in answers if k.role == "added"})
        if added:
            notes.append(f"{' / '.join(added)} more: forces added to those already sent, a wave of their own, not set against the others")
        present = [k.figure for k in answers if k.role == "present" and not _unplaced(ctx, q.answers[k][2])]
        for role, verb in (("moving", "leaving"), ("staying", "staying in")):
            parts = [k.figure for k in answers if k.role == role]
            if parts and present:
                verdicts.extend(_part_of(parts, present, verb, where, notes))
        if spot and (country, "") in groups:
            here = " / ".join(sorted({k.figure.shown for k in answers}))
            there = " / ".join(sorted({figure_of(f.claim.count).shown for f in groups[(country, "")] if f.claim.count}))
            notes.append(f"{spot} is one place in {country}: its figures ({here}) are a part of the forces of {country} ({there}), not rivals to them")
        worst = max(verdicts, key=lambda v: _RANK[v.severity], default=None)
        if worst is not None and worst.severity != "compatible":
            found.append(q.conflict(ctx.event, worst.severity, worst.reason, notes))
        else:
            ctx.notes.extend(notes)  # no conflict to carry them: they stay with the event
    return found


def _unplaced(ctx: Context, facets: list[Facet]) -> bool:
    return all(f.claim.id in ctx.unplaced for f in facets)


def _left_from_nowhere(facets: list[Facet]) -> bool:
    """Every claim of a figure names where the forces went and none where they left: counted at their arrival."""
    return all(f.origin is None and f.destination is not None for f in facets)


def _is_home_country(ctx: Context, country: str) -> bool:
    home = ctx.gazetteer.home_of(ctx.event.actor)
    return home is not None and home.name == country


def _doubt(q: Question, role: str, pair: tuple[Figure, Figure]) -> str | None:
    """Why two figures that cannot both be one force's size may still not be rivals: hard only when certain."""
    sides = [q.answers[_Count(role, fig)][2] for fig in pair]
    stages = [{stage_of(f) for f in facets} for facets in sides]
    partial = {"begun", "under way", "partial", "one place"}
    if any(s & partial for s in stages):
        found = sorted({st for s in stages for st in s & partial})
        return f"not certain: a figure of one stage ({', '.join(found)}) can be a part of the whole movement"
    if {s == {"forecast"} for s in stages} == {True, False}:
        return "not certain: a plan against a fact (the plan may have changed)"
    return None


def _part_of(parts: list[Figure], present: list[Figure], verb: str, where: str, notes: list[str]) -> list[Verdict]:
    """Forces leaving (or staying) are a part of those present: a part larger than the whole is a (soft) conflict."""
    big = max(parts, key=lambda fig: (fig.low, fig.shown))
    small = min(present, key=lambda fig: (_top(fig, False), fig.shown))
    if big.low <= _top(small, False):
        notes.append(f"{big.shown} {verb} {where} can be a part of the {small.shown} there")
        return []
    ratio = big.low / max(_top(small, False), 1)
    reason = f"{big.shown} {verb} {where} is more than the {small.shown} said to be there ({big.low:,} against at most {_top(small, False):,.0f}, {ratio:.2f}×)"
    # A figure "there" may have been counted after the departure (those who remain): soft, and said so.
    notes.append(f"unless the {small.shown} there were counted after the others left: then they are those who remain")
    return [Verdict("soft", reason, round(ratio, 2))]
