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

from collections import defaultdict
from dataclasses import replace
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


_Size = tuple[Context, Figure, list[Facet]]  # one figure of one event, and the claims that give it


def sizes_across(contexts: list[Context], found: list[Conflict]) -> list[Conflict]:
    """found, with size conflicts across events added and notes on the separate movements near each one.

    It reads the figures numeric() gathered in each event (ctx.sizes), so it never goes over every claim again.
    """
    sizes: dict[tuple[str, str, str], list[_Size]] = defaultdict(list)
    for ctx in contexts:
        for country, spot, role, figure, facets in ctx.sizes:
            kind = "there" if role in ("present", "earlier") else role
            if kind == "moving" or (kind == "there" and not spot):  # forces at one base are a part, not the size
                sizes[(ctx.event.actor, country, kind)].append((ctx, figure, facets))
    added: list[Conflict] = []
    notes: dict[str, list[str]] = defaultdict(list)  # conflict id -> notes
    for (actor, country, kind), members in sorted(sizes.items(), key=lambda kv: kv[0]):
        if len({ctx.event.id for ctx, _, _ in members}) < 2:
            continue
        if kind == "there":
            added.extend(_there(actor, country, members))
        else:
            _moving_notes(country, members, notes)
    result = []
    for conflict in found:
        extra = notes.get(conflict.id, [])
        result.append(replace(conflict, notes=conflict.notes + tuple(extra)) if extra else conflict)
    return result + added


def _first(facets: list[Facet]) -> Facet:
    return min(facets, key=lambda f: (f.date.start, f.claim.id))


def _there(actor: str, country: str, members: list[_Size]) -> list[Conflict]:
    """The size of a force there, in each event against the event before it within a year: soft, the gap said."""
    by_event: dict[str, list[_Size]] = defaultdict(list)
    for member in members:
        by_event[member[0].event.id].append(member)
    order = sorted(by_event, key=lambda e: (by_event[e][0][0].event.start, e))
    found = []
    # Each size against the last one before it (within a year): the comparison a reader makes, and linear in events.
    for previous, later in zip(order, order[1:]):
        ctx = by_event[later][0][0]
        if (ctx.event.start - by_event[previous][0][0].event.end).days > YEAR_DAYS:
            continue
        pair = _worst_across(by_event[previous], by_event[later])
        if pair is None:
            continue
        (ea, a, facets_a), (eb, b, facets_b) = pair
        verdict = compare_figures(a, b)
        if verdict.severity == "compatible":
            continue
        fa, fb = _first(facets_a), _first(facets_b)
        gap = abs((fb.date.start - fa.date.end).days)
        q = Question("numeric", f"{country}-across-events", f"How large the {actor} force in {country} was, across the story", {})
        for _, fig, facets in pair:
            day = _first(facets).date.start
            for f in facets:
                q.add((fig.shown, day), f"{fig.shown} there ({_month(day)})", fig, f)
        explanation = (
            f"{verdict.reason}; they are {gap} days apart ({fa.claim.id}, {_month(fa.date.start)}; {fb.claim.id}, "
            f"{_month(fb.date.start)}): the force may have changed in between, or one figure is wrong"
        )
        found.append(q.conflict(ctx.event, "soft", explanation, [f"across events: {ea.event.id} and {eb.event.id}"]))
    return found


def _top(m: _Size) -> float:
    return float("inf") if m[1].high is None else m[1].high


def _worst_across(before: list[_Size], later: list[_Size]) -> tuple[_Size, _Size] | None:
    """The earlier and later figures furthest apart: the lowest ceiling of one side against the highest floor of the other."""
    candidates = []
    for low_side, high_side in ((before, later), (later, before)):
        small = min(low_side, key=lambda m: (_top(m), m[1].shown))
        large = max(high_side, key=lambda m: (m[1].low, m[1].shown))
        if large[1].low > _top(small):
            candidates.append((large[1].low / max(_top(small), 1), small, large))
    if not candidates:
        return None
    _, small, large = max(candidates, key=lambda c: (c[0], c[1][1].shown))
    first, second = sorted((small, large), key=lambda m: (m[0].event.start, m[0].event.id))
    return first, second


def _moving_notes(country: str, members: list[_Size], notes: dict[str, list[str]]) -> None:
    """Each event's numeric conflict on the country names the movements just before and after it, as separate ones."""
    by_event: dict[str, list[_Size]] = defaultdict(list)
    for member in members:
        by_event[member[0].event.id].append(member)
    order = sorted((sizes[0][0].event for sizes in by_event.values()), key=lambda e: (e.start, e.id))
    for i, event in enumerate(order):
        for other in (order[i - 1] if i else None, order[i + 1] if i + 1 < len(order) else None):
            if other is None:
                continue
            later = other.start > event.end
            gap = (other.start - event.end).days if later else max(0, (event.start - other.end).days)
            if gap > NEAR_DAYS:
                continue
            figures = sorted(((fig, facets, _first(facets)) for _, fig, facets in by_event[other.id]), key=lambda t: (t[2].date.start, t[0].shown))
            said = ", ".join(
                f"{fig.shown} ({first.claim.id if len(facets) == 1 else f'{len(facets)} claims, first {first.claim.id}'}, "
                f"{_month(first.date.start)})"
                for fig, facets, first in figures[:_SHOWN]
            ) + (f" and {len(figures) - _SHOWN} more figures" if len(figures) > _SHOWN else "")
            notes[f"{event.id}.numeric.{slug(country)}"].append(
                f"{said} moving out of {country}: a separate, {'later' if later else 'earlier'} movement (event {other.id}, "
                f"{gap} days {'after' if later else 'before'} this one's claims), not set against these figures"
            )
