"""Whether a movement was complete, and when: "the last troops left on the 12th" against "still under way on the 14th".

A claim that the movement is complete gives the day by which it ended; a claim that it is still under way (or a
denial that it is complete) gives a day on which it had not. The second after the first is a dispute. It is hard
only when both days are stated in the claims and lie more than a day apart; a day read from an article's
publication, or a gap of one day, leaves it soft. A plan's deadline ("within three weeks") against the day a
movement was complete is a plan against a fact: soft, when the end came after the deadline. A deadline in a claim
read as a fact ("the withdrawal will take three weeks") is such a plan too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from .facets import Facet
from .findings import Answer, Conflict
from .questions import Context, Question
from .stages import stage_of
from .timing import span_of
from .values import ADJACENT_DAYS

_LEAVING = frozenset({"withdraw", "leave"})


def completion(ctx: Context) -> list[Conflict]:
    groups: dict[str, list[tuple[str, Facet]]] = defaultdict(list)
    for f in ctx.facets:
        if f.claim.movement not in _LEAVING:
            continue
        place = ctx.leaving(f)
        stage = stage_of(f)
        if place is None:
            continue
        if f.claim.modality == "fact" and f.claim.polarity == "asserted" and stage in ("complete", "under way", "partial"):
            groups[place].append((stage, f))
        elif f.claim.modality == "fact" and f.claim.polarity == "denied" and stage == "complete":
            groups[place].append(("under way", f))  # "the withdrawal has not been completed"
        elif f.claim.polarity == "asserted" and f.date.kind == "deadline" and f.claim.modality in ("plan", "fact"):
            groups[place].append(("deadline", f))
    found = []
    for place, members in sorted(groups.items()):
        conflict = _ask(ctx, place, members)
        if conflict is not None:
            found.append(conflict)
    return found + _still_there(ctx)


#: "Are still camped in the hills", "remain in the town": forces said to be there yet, not merely there.
_STILL = re.compile(r"\b(?:still|yet\s+to\s+(?:leave|withdraw|pull\s+out)|remain(?:s|ed|ing)?\s+(?:in|at|there|on)\b)", re.IGNORECASE)


def _still_there(ctx: Context) -> list[Conflict]:
    """Forces said to have left a place, against forces said to be still there days later: soft, as "left" may be
    a part of them, or another place nearby."""
    left: dict[str, list[Facet]] = defaultdict(list)
    still: dict[str, list[Facet]] = defaultdict(list)
    facts = [f for f in ctx.facets if f.claim.modality == "fact" and f.claim.polarity == "asserted"]
    for f in facts:
        if f.family == "presence" and _STILL.search(f.claim.quote):
            place = ctx.where(f)
            if place is not None:
                still[place].append(f)
    if not still:
        return []  # nobody says the forces are still there: no departure need be read
    for f in facts:
        if f.claim.movement in _LEAVING and stage_of(f) in ("whole", "complete"):
            place = ctx.leaving(f)
            if place is not None and place in still:
                left[place].append(f)
    found = []
    for place in sorted(left.keys() & still.keys()):
        first = min(left[place], key=lambda f: (_day(f, True), f.claim.id))
        later = [f for f in still[place] if (_day(f, False) - _day(first, True)).days > ADJACENT_DAYS]
        if not later:
            continue
        last = max(later, key=lambda f: (_day(f, False), f.claim.id))
        q = Question("status", f"still-{place}", f"Whether the {ctx.people} forces had left {place}", {})
        for f in left[place]:
            q.add("left", f"left ({_day(f, True).isoformat()})", Answer("yes", span_of(f)), f)
        for f in later:
            q.add("still there", f"still there ({_day(f, False).isoformat()})", Answer("no", span_of(f)), f)
        gap = (_day(last, False) - _day(first, True)).days
        explanation = (
            f"{first.claim.id} says the forces left {place} by {_day(first, True).isoformat()}; "
            f"{last.claim.id} says they were still there {gap} days later ({_day(last, False).isoformat()})"
        )
        notes = ["soft: those who left may be a part of the forces, or have left another place nearby"]
        found.append(q.conflict(ctx.event, "soft", explanation, notes))
    return found


def _day(f: Facet, end: bool) -> date:
    return f.date.end if end else f.date.start


def _ask(ctx: Context, place: str, members: list[tuple[str, Facet]]) -> Conflict | None:
    done = [f for stage, f in members if stage == "complete"]
    if not done:
        return None
    first_done = min(done, key=lambda f: (_day(f, True), f.claim.id))
    ended = _day(first_done, True)
    going = [f for stage, f in members if stage == "under way" and _day(f, False) > ended]
    deadlines = [f for stage, f in members if stage == "deadline" and f.date.end < ended]
    # "most of its troops" said of the day it was complete, or later: a part where the other says all (a part moved
    # earlier is only the start of it)
    partial = [f for stage, f in members if stage == "partial" and _day(f, True) >= ended]
    if not going and not deadlines and not partial:
        return None
    q = Question("status", f"completion-{place}", f"Whether the {ctx.people} movement out of {place} was complete, and when", {})
    for f in done:
        q.add(("complete", _day(f, True)), f"complete ({_day(f, True).isoformat()})", Answer("complete", span_of(f)), f)
    notes: list[str] = []
    if partial and not going:
        for f in partial:
            q.add(("partial", _day(f, True)), f"only a part ({_day(f, True).isoformat()})", Answer("partial", span_of(f)), f)
        some = min(partial, key=lambda f: (_day(f, True), f.claim.id))
        explanation = (
            f"{first_done.claim.id} says the movement out of {place} was complete by {ended.isoformat()}; "
            f"{some.claim.id} says only a part of the forces had moved ({_day(some, True).isoformat()})"
        )
        notes.append("soft: 'most' or 'some' may be loose words for the same pull-out, or a part of other units")
        return q.conflict(ctx.event, "soft", explanation, notes)
    if going:
        late = max(going, key=lambda f: (_day(f, False), f.claim.id))
        for f in going:
            q.add(("under way", _day(f, False)), f"still under way ({_day(f, False).isoformat()})", Answer("under_way", span_of(f)), f)
        gap = (_day(late, False) - ended).days
        stated = first_done.date.basis != "publication" and late.date.basis != "publication"
        severity = "hard" if stated and gap > ADJACENT_DAYS else "soft"
        explanation = (
            f"{first_done.claim.id} says the movement out of {place} was complete by {ended.isoformat()}; "
            f"{late.claim.id} says it was still under way {gap} days later ({_day(late, False).isoformat()})"
        )
        if not stated:
            notes.append("a day here is the article's publication, not a day the claim states")
        if gap <= ADJACENT_DAYS:
            notes.append("one day apart: midnight or time zones can give both")
    else:
        plan = min(deadlines, key=lambda f: (f.date.end, f.claim.id))
        for f in deadlines:
            q.add(("deadline", f.date.end), f"planned by {f.date.end.isoformat()}", Answer("planned", span_of(f)), f)
        severity = "soft"
        explanation = (
            f"{plan.claim.id} gives the movement out of {place} until {plan.date.end.isoformat()}; "
            f"{first_done.claim.id} says it was complete only on {ended.isoformat()}"
        )
        notes.append("a plan against a fact: plans slip")
    return q.conflict(ctx.event, severity, explanation, notes)
