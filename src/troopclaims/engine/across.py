"""A force's size across the story: figures of one actor's forces in one country, in different events.

Events split a story by time, so "2,400 troops in X" in February and "the 5,100-strong force" in August never
meet inside one. A reader compares them and notes the gap; so does this question. Sizes of a force that is
there (a garrison) in events up to a year apart that cannot both be true are a soft conflict, whose
explanation gives the days between them: the force may have changed in between. A movement's size is not a
force's size: two movements in two events are two movements, so their figures are never set against each
other; each numeric conflict says which figures of other movements of the same forces lie near it, and that
they are separate, so that no figure of the story drops out of view unexplained.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from .facets import Facet
from .findings import Conflict
from .questions import Context, Question, slug
from .values import Figure, compare_figures

#: Sizes of a force further apart than this are not compared: a reader takes them as two moments of a story.
YEAR_DAYS = 366
#: Movements further apart than this are not named beside each other's conflicts.
NEAR_DAYS = 400
#: The figures of a neighbouring movement named in a note, at most.
_SHOWN = 6


def _month(day: date) -> str:
    return day.strftime("%b %Y")


@dataclass
class _Size:
    """One figure of one event and the claims that give it; the earliest of them is found when first asked."""

    ctx: Context
    figure: Figure
    facets: list[Facet]
    _first: Facet | None = None

    @property
    def first(self) -> Facet:
        if self._first is None:
            self._first = min(self.facets, key=lambda f: (f.date.start, f.claim.id))
        return self._first


def sizes_across(contexts: list[Context], found: list[Conflict]) -> tuple[list[Conflict], dict[str, list[str]]]:
    """found, with size conflicts across events added and notes on the separate movements near each one; and
    notes on events (forces leaving a country that an earlier event sent forces to).

    It reads the figures numeric() gathered in each event (ctx.sizes), so it never goes over every claim again.
    """
    sizes: dict[tuple[str, str, str], list[_Size]] = defaultdict(list)
    arrivals: dict[tuple[str, str], list[_Size]] = defaultdict(list)  # (actor, country gone to) -> moving figures
    for ctx in contexts:
        moving = []
        for country, spot, role, figure, facets in ctx.sizes:
            kind = "there" if role in ("present", "earlier") else role
            if kind == "moving" or (kind == "there" and not spot):  # forces at one base are a part, not the size
                size = _Size(ctx, figure, facets)
                sizes[(ctx.event.actor, country, kind)].append(size)
                if kind == "moving":
                    moving.append(size)
        # the event's own "to X" keys: its moving figures whose claims name X as where they go are of forces sent to X
        if moving:
            goes = [{ctx.country(f.destination) for f in m.facets if f.destination is not None} for m in moving]
            for key in ctx.event.places:
                if key.startswith("to "):
                    arrivals[(ctx.event.actor, key[3:])].extend(m for m, to in zip(moving, goes) if key[3:] in to)
    added: list[Conflict] = []
    notes: dict[str, list[str]] = defaultdict(list)  # conflict id -> notes
    for (actor, country, kind), members in sorted(sizes.items(), key=lambda kv: kv[0]):
        if len({m.ctx.event.id for m in members}) < 2:
            continue
        if kind == "there":
            added.extend(_there(actor, country, members))
        else:
            _moving_notes(country, members, notes)
    result = []
    for conflict in found:
        extra = notes.get(conflict.id, [])
        result.append(replace(conflict, notes=conflict.notes + tuple(extra)) if extra else conflict)
    return result + added, _from_where_sent(sizes, arrivals)


def _from_where_sent(sizes: dict[tuple[str, str, str], list[_Size]], arrivals: dict[tuple[str, str], list[_Size]]) -> dict[str, list[str]]:
    """"To X" linked with "from X": forces leaving a country after an earlier event sent forces of the same actor there."""
    notes: dict[str, list[str]] = defaultdict(list)
    said: dict[str, str] = {}
    for (actor, country, kind), members in sizes.items():
        sent = arrivals.get((actor, country))
        if kind != "moving" or not sent:
            continue
        by_event: dict[str, list[_Size]] = defaultdict(list)
        for m in sent:
            by_event[m.ctx.event.id].append(m)
        senders = sorted((ms[0].ctx.event for ms in by_event.values()), key=lambda e: (e.end, e.id))
        ends = [e.end for e in senders]
        for event in {m.ctx.event.id: m.ctx.event for m in members}.values():
            at = bisect_left(ends, event.start)  # the senders that ended before this event began
            if not at or (event.start - senders[at - 1].end).days > YEAR_DAYS:
                continue
            last = senders[at - 1]
            if last.id not in said:
                said[last.id] = _figures(by_event[last.id])
            notes[event.id].append(
                f"{said[last.id]} moved to {country} in event {last.id}, {(event.start - last.end).days} days before: "
                f"the {actor} forces leaving {country} here may be the same forces"
            )
    return notes


def _there(actor: str, country: str, members: list[_Size]) -> list[Conflict]:
    """The size of a force there, in each event against the event before it within a year: soft, the gap said."""
    by_event: dict[str, list[_Size]] = defaultdict(list)
    for member in members:
        by_event[member.ctx.event.id].append(member)
    order = sorted(by_event, key=lambda e: (by_event[e][0].ctx.event.start, e))
    found = []
    # Each size against the last one before it (within a year): the comparison a reader makes, and linear in events.
    for previous, later in zip(order, order[1:]):
        ctx = by_event[later][0].ctx
        if (ctx.event.start - by_event[previous][0].ctx.event.end).days > YEAR_DAYS:
            continue
        pair = _worst_across(by_event[previous], by_event[later])
        if pair is None:
            continue
        (ea, a, fa), (eb, b, fb) = ((m.ctx, m.figure, m.first) for m in pair)
        verdict = compare_figures(a, b)
        if verdict.severity == "compatible":
            continue
        gap = abs((fb.date.start - fa.date.end).days)
        q = Question("numeric", f"{country}-across-events", f"How large the {ctx.people} force in {country} was, across the story", {})
        for m in pair:
            day = m.first.date.start
            for f in m.facets:
                q.add((m.figure.shown, day), f"{m.figure.shown} there ({_month(day)})", m.figure, f)
        explanation = (
            f"{verdict.reason}; they are {gap} days apart ({fa.claim.id}, {_month(fa.date.start)}; {fb.claim.id}, "
            f"{_month(fb.date.start)}): the force may have changed in between, or one figure is wrong"
        )
        found.append(q.conflict(ctx.event, "soft", explanation, [f"across events: {ea.event.id} and {eb.event.id}"]))
    return found


def _top(m: _Size) -> float:
    return float("inf") if m.figure.high is None else m.figure.high


def _worst_across(before: list[_Size], later: list[_Size]) -> tuple[_Size, _Size] | None:
    """The earlier and later figures furthest apart: the lowest ceiling of one side against the highest floor of the other."""
    candidates = []
    for low_side, high_side in ((before, later), (later, before)):
        small = min(low_side, key=lambda m: (_top(m), m.first.claim.id))
        large = max(high_side, key=lambda m: (m.figure.low, m.first.claim.id))
        if large.figure.low > _top(small):
            candidates.append((large.figure.low / max(_top(small), 1), small, large))
    if not candidates:
        return None
    _, small, large = max(candidates, key=lambda c: (c[0], c[1].first.claim.id))
    first, second = sorted((small, large), key=lambda m: (m.ctx.event.start, m.ctx.event.id))
    return first, second


def _moving_notes(country: str, members: list[_Size], notes: dict[str, list[str]]) -> None:
    """Each event's numeric conflict on the country names the movements just before and after it, as separate ones."""
    by_event: dict[str, list[_Size]] = defaultdict(list)
    for member in members:
        by_event[member.ctx.event.id].append(member)
    order = sorted((sizes[0].ctx.event for sizes in by_event.values()), key=lambda e: (e.start, e.id))
    said: dict[str, str] = {}  # what an event's figures are, written once however many neighbours name them
    for i, event in enumerate(order):
        for other in (order[i - 1] if i else None, order[i + 1] if i + 1 < len(order) else None):
            if other is None:
                continue
            later = other.start > event.end
            gap = (other.start - event.end).days if later else max(0, (event.start - other.end).days)
            if gap > NEAR_DAYS:
                continue
            if other.id not in said:
                said[other.id] = _figures(by_event[other.id])
            notes[f"{event.id}.numeric.{slug(country)}"].append(
                f"{said[other.id]} moving out of {country}: a separate, {'later' if later else 'earlier'} movement (event {other.id}, "
                f"{gap} days {'after' if later else 'before'} this one's claims), not set against these figures"
            )


def _figures(sizes: list[_Size]) -> str:
    shown = sorted(sizes, key=lambda m: (m.first.date.start, m.first.claim.id))
    return ", ".join(
        f"{m.figure.shown} ({m.first.claim.id if len(m.facets) == 1 else f'{len(m.facets)} claims, first {m.first.claim.id}'}, "
        f"{_month(m.first.date.start)})"
        for m in shown[:_SHOWN]
    ) + (f" and {len(shown) - _SHOWN} more figures" if len(shown) > _SHOWN else "")
