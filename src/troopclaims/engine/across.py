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
from .questions import Context, Question, counted_at, role_of, slug
from .values import Figure, compare_figures, figure_of

#: Sizes of a force further apart than this are not compared: a reader takes them as two moments of a story.
YEAR_DAYS = 366
#: Movements further apart than this are not named beside each other's conflicts.
NEAR_DAYS = 400


def _month(day: date) -> str:
    return day.strftime("%b %Y")


def sizes_across(contexts: list[Context], found: list[Conflict]) -> list[Conflict]:
    """found, with size conflicts across events added and notes on later (or earlier) separate movements."""
    sizes: dict[tuple[str, str, str], list[tuple[Context, Facet]]] = defaultdict(list)
    for ctx in contexts:
        for (country, spot), facets in counted_at(ctx).items():
            for f in facets:
                role = role_of(f)
                key_role = "there" if role in ("present", "earlier") else role
                if spot and key_role == "there":
                    continue  # forces at one base are a part of the country's forces, not their size
                if key_role in ("there", "moving"):
                    sizes[(ctx.event.actor, country, key_role)].append((ctx, f))
    added: list[Conflict] = []
    notes: dict[str, list[str]] = defaultdict(list)  # conflict id -> notes
    for (actor, country, role), members in sorted(sizes.items(), key=lambda kv: kv[0]):
        events = {ctx.event.id: ctx for ctx, _ in members}
        if len(events) < 2:
            continue
        if role == "there":
            added.extend(_there(actor, country, members))
        else:
            _moving_notes(country, members, notes)
    result = []
    for conflict in found:
        extra = notes.get(conflict.id, [])
        result.append(replace(conflict, notes=conflict.notes + tuple(extra)) if extra else conflict)
    return result + added


def _there(actor: str, country: str, members: list[tuple[Context, Facet]]) -> list[Conflict]:
    """The size of a force there, in each later event against the events before it within a year: soft, gap said."""
    by_event: dict[str, list[tuple[Context, Facet]]] = defaultdict(list)
    for ctx, f in members:
        by_event[ctx.event.id].append((ctx, f))
    order = sorted(by_event, key=lambda e: (by_event[e][0][0].event.start, e))
    found = []
    # Each size against the last one before it (within a year): the comparison a reader makes, and linear in events.
    for previous, later in zip(order, order[1:]):
        ctx = by_event[later][0][0]
        before = by_event[previous]
        if (ctx.event.start - before[0][0].event.end).days > YEAR_DAYS:
            continue
        pair = _worst_across(before, by_event[later])
        if pair is None:
            continue
        (ea, fa), (eb, fb) = pair
        a, b = figure_of_facet(fa), figure_of_facet(fb)
        verdict = compare_figures(a, b)
        if verdict.severity == "compatible":
            continue
        gap = abs((fb.date.start - fa.date.end).days)
        q = Question("numeric", f"{country}-across-events", f"How large the {actor} force in {country} was, across the story", {})
        for e, f in (pair[0], pair[1]):
            fig = figure_of_facet(f)
            q.add((e.event.id, fig.shown), f"{fig.shown} there ({_month(f.date.start)})", fig, f)
        explanation = (
            f"{verdict.reason}; they are {gap} days apart ({fa.claim.id}, {_month(fa.date.start)}; {fb.claim.id}, "
            f"{_month(fb.date.start)}): the force may have changed in between, or one figure is wrong"
        )
        notes = [f"across events: {ea.event.id} and {eb.event.id}"]
        found.append(q.conflict(ctx.event, "soft", explanation, notes))
    return found


def figure_of_facet(f: Facet) -> Figure:
    assert f.claim.count is not None
    return figure_of(f.claim.count)


def _worst_across(
    before: list[tuple[Context, Facet]], later: list[tuple[Context, Facet]]
) -> tuple[tuple[Context, Facet], tuple[Context, Facet]] | None:
    """The earlier and later figures furthest apart: the lowest ceiling of one side against the highest floor of the other."""
    def top(m: tuple[Context, Facet]) -> float:
        high = figure_of_facet(m[1]).high
        return float("inf") if high is None else high

    def floor(m: tuple[Context, Facet]) -> int:
        return figure_of_facet(m[1]).low

    candidates = []
    for low_side, high_side in ((before, later), (later, before)):
        small = min(low_side, key=lambda m: (top(m), m[1].claim.id))
        large = max(high_side, key=lambda m: (floor(m), m[1].claim.id))
        if floor(large) > top(small):
            candidates.append((floor(large) / max(top(small), 1), small, large))
    if not candidates:
        return None
    _, small, large = max(candidates, key=lambda c: (c[0], c[1][1].claim.id))
    first, second = sorted((small, large), key=lambda m: (m[1].date.start, m[1].claim.id))
    return first, second


def _moving_notes(country: str, members: list[tuple[Context, Facet]], notes: dict[str, list[str]]) -> None:
    """Each event's numeric conflict on the country names the movements just before and after it, as separate ones."""
    by_event: dict[str, list[Facet]] = defaultdict(list)
    events = {}
    for ctx, f in members:
        by_event[ctx.event.id].append(f)
        events[ctx.event.id] = ctx.event
    order = sorted(events.values(), key=lambda e: (e.start, e.id))
    for i, event in enumerate(order):
        for other in (order[i - 1] if i else None, order[i + 1] if i + 1 < len(order) else None):
            if other is None:
                continue
            later = other.start > event.end
            gap = (other.start - event.end).days if later else max(0, (event.start - other.end).days)
            if gap > NEAR_DAYS:
                continue
            figures = ", ".join(sorted({f"{figure_of_facet(f).shown} ({f.claim.id}, {_month(f.date.start)})" for f in by_event[other.id]}))
            notes[f"{event.id}.numeric.{slug(country)}"].append(
                f"{figures} moving out of {country}: a separate, {'later' if later else 'earlier'} movement (event {other.id}, "
                f"{gap} days {'after' if later else 'before'} this one's claims), not set against these figures"
            )
