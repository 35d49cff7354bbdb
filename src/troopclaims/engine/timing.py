"""Two questions of an event about time: whether the forces may stay, and when a movement happened.

permission: forces said to stay, against "no permission to stay", "must leave by …" or "transit only".
A temporary stay against a deadline is soft (it can end in time); anything else against a stay is hard.
timing: the dates that claims give for one movement (a departure, an arrival), read as intervals of days:
a day, a week or a month; "by 20 May" is open before, "since 9 May" open after. Dates that share a day
agree ("March" and "12 March"), and so do adjacent days (midnight, time zones); more is hard, except two
days weeks apart, which can be two stages of one movement (soft, with a note).
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from .facets import Facet
from .findings import Answer, Conflict
from .questions import Context, Question
from .stages import stage_of
from .values import ADJACENT_DAYS, Span, Verdict, compare_spans

#: Two days of one movement further apart than this can be two stages of it rather than rival dates.
STAGE_DAYS = 7
_FIRST = re.compile(r"\bfirst\s+(?:[\w,.-]+\s+){0,3}?(?:troops|soldiers|elements|convoys?|units?|group|contingent|forces|wave|batch)\b",
                    re.IGNORECASE)


def stance(f: Facet) -> str | None:
    """'stay' for forces said to stay; 'may not stay' for a denial, a demand to leave, or transit only."""
    claim = f.claim
    if claim.movement == "stay":
        # "Fewer than 1,000 remain", "a team stayed behind": forces still there, a fact, not leave to stay
        if claim.polarity == "asserted" and claim.modality not in ("demand", "fact", "possibility"):
            return "stay"
        if claim.polarity == "asserted" and claim.modality in ("fact", "possibility") and claim.duration is not None:
            # "will stay indefinitely", "could stay indefinitely": a stance on how long they stay; a "possible
            # continued presence" with no time is a guess that they are still there, not leave to stay
            return "stay"
        if claim.polarity == "denied" and claim.modality in ("permission", "demand", "fact"):
            return "may not stay"
    if claim.movement in ("leave", "withdraw") and claim.modality == "demand" and claim.polarity == "asserted":
        return "must leave"
    if claim.movement == "transit" and claim.modality == "permission" and claim.polarity == "asserted":
        return "transit only"
    return None


def span_of(f: Facet) -> Span:
    d = f.date
    text = f.claim.when.text if f.claim.when else "publication date"
    if d.kind == "deadline":
        return Span(d.value, d.precision, None, d.end, d.kind, text)
    if d.kind == "open_interval":
        return Span(d.value, d.precision, d.start, None, d.kind, text)
    return Span(d.value, d.precision, d.start, d.end, d.kind, text)


def permission(ctx: Context) -> list[Conflict]:
    groups: dict[str, list[tuple[Facet, str]]] = defaultdict(list)
    for f in ctx.facets:
        said = stance(f)
        if said is None:
            continue
        spot = f.location or (f.origin if said == "must leave" else f.destination)
        place = ctx.country(spot) if spot is not None else None
        if place is not None:
            groups[place].append((f, said))
    found = []
    for place, members in sorted(groups.items()):
        stays = [(f, s) for f, s in members if s == "stay"]
        others = [(f, s) for f, s in members if s != "stay"]
        if not stays or not others:
            continue
        q = Question("permission", place, f"Whether {ctx.people} forces may stay in {place}", {})
        for f, said in members:
            deadline = span_of(f) if f.date.kind == "deadline" else None
            label = said
            if said == "stay" and f.claim.duration:
                label = f"{'temporarily' if f.claim.duration == 'temporary' else 'indefinitely'} stay"
            if deadline is not None and f.claim.when is not None:
                label += f" ({f.claim.when.text})"
            q.add(label, label, Answer(said.replace(" ", "_"), deadline), f)
        hard_stay = [f for f, _ in stays if f.claim.duration != "temporary"]
        hard_other = [f for f, _ in others if f.date.kind != "deadline"]
        severity = "hard" if hard_stay or hard_other else "soft"
        stay = (hard_stay or [f for f, _ in stays])[0]
        other = (hard_other or [f for f, _ in others])[0]
        explanation = (
            f"{stay.claim.id} says the forces {'temporarily ' if stay.claim.duration == 'temporary' else ''}stay in {place}; "
            f"{other.claim.id} says they {stance(other)}"
            + (f" ({other.claim.when.text})" if other.claim.when and other.date.kind == "deadline" else "")
        )
        notes = ["a temporary stay can end before the deadline: both can hold"] if severity == "soft" else []
        found.append(q.conflict(ctx.event, severity, explanation, notes))
    return found


def timing(ctx: Context) -> list[Conflict]:
    groups: dict[tuple[str, str, str, str], list[Facet]] = defaultdict(list)
    for f in ctx.facets:
        if f.date.basis == "publication" or f.claim.polarity != "asserted" or f.claim.modality not in ("fact", "plan"):
            continue
        if f.family == "departure":
            place = ctx.leaving(f)
            what = "leave"
        elif f.claim.movement in ("arrive", "move", "deploy", "return"):
            going = ctx.going(f)
            place = going[0] if going else None
            what = "arrive in" if f.claim.movement == "arrive" else "move to"
        else:
            continue
        read = stage_of(f)
        # Leaving one base or town is a step of its own: compared with other towns of that country left, not with the whole.
        if place is not None and read != "under way":  # a movement going on gives no day of it
            groups[(what, place, f.claim.modality, read)].append(f)
    found = []
    for (what, place, modality, stage), members in sorted(groups.items()):
        done = {"leave": "left", "arrive in": "arrived in", "move to": "moved to"}[what]
        topic = f"When {ctx.people} forces {'are to ' + what if modality == 'plan' else done} {place}"
        scope = f"{what}-{place}-{modality}" + ("" if stage in ("whole", "forecast") else f"-{stage.replace(' ', '-')}")
        if stage == "begun":
            found.extend(_begun_after_end(ctx, members, groups.get((what, place, modality, "complete"), []), topic, scope))
        if len(members) < 2:
            continue
        spans = [(span_of(f), f) for f in members]
        verdict, notes = _worst_dates(spans)
        if verdict is None and stage == "begun":
            verdict, notes = _first_days_apart(spans)
        if verdict is None:
            continue
        if stage in ("begun", "complete"):
            topic += f" ({'the start' if stage == 'begun' else 'the end'})"
        q = Question("timing", scope, topic, {})
        for s, f in sorted(spans, key=lambda t: (t[0].start or date.min, t[1].claim.id)):
            q.add(s.value + s.kind, s.shown, s, f)
        found.append(q.conflict(ctx.event, verdict.severity, verdict.reason, notes))
    return found


def _begun_after_end(ctx: Context, begun: list[Facet], ended: list[Facet], topic: str, scope: str) -> list[Conflict]:
    """A start and an end are two stages: only a start after the end is at odds (soft: two movements would do it)."""
    starts = [(span_of(f), f) for f in begun if span_of(f).start is not None]
    ends = [(span_of(f), f) for f in ended if span_of(f).end is not None]
    if not starts or not ends:
        return []
    start, first = max(starts, key=lambda t: (t[0].start or date.min, t[1].claim.id))
    end, last = min(ends, key=lambda t: (t[0].end or date.max, t[1].claim.id))
    assert start.start is not None and end.end is not None
    if start.start <= end.end:
        return []
    q = Question("timing", f"{scope}-order", f"{topic} (the start against the end)", {})
    q.add("begun", f"began {start.shown}", start, first)
    q.add("complete", f"complete {end.shown}", end, last)
    days = (start.start - end.end).days
    explanation = f"{first.claim.id} says the movement began {start.shown}, {days} days after {last.claim.id} says it was complete ({end.shown})"
    return [q.conflict(ctx.event, "soft", explanation, ["a second movement after the first ended would make both true"])]


def _worst_dates(spans: list[tuple[Span, Facet]]) -> tuple[Verdict | None, list[str]]:
    """The worst pair of dates: the earliest end against the latest start, among all, and where a bound is involved.

    Two days weeks apart for one movement can be two stages of it (a first convoy, the last one): soft. A bound
    ("by early May", "at least ten days") is about the whole movement, so a day outside it is hard.
    """
    def pair(early: list[tuple[Span, Facet]], late: list[tuple[Span, Facet]]) -> tuple[Span, Span] | None:
        ends = [(s.end, f.claim.id, s) for s, f in early if s.end is not None]
        starts = [(s.start, f.claim.id, s) for s, f in late if s.start is not None]
        if not ends or not starts:
            return None
        first, last = min(ends), max(starts)
        return (first[2], last[2]) if last[0] > first[0] and first[1] != last[1] else None

    bounded = [(s, f) for s, f in spans if s.kind != "point"]
    candidates = [pair(spans, spans), pair(bounded, spans), pair(spans, bounded)]
    verdicts: list[tuple[Verdict, list[str]]] = []
    for found in candidates:
        if found is None:
            continue
        verdict = compare_spans(*found)
        if verdict.severity == "hard" and found[0].kind == found[1].kind == "point" and _gap(*found) > STAGE_DAYS:
            verdict = Verdict("soft", verdict.reason.replace("cannot both be true", "are far apart"), verdict.ratio)
            verdicts.append((verdict, [f"days more than {STAGE_DAYS} apart can be two stages of one movement (a first convoy, the last)"]))
        elif verdict.severity != "compatible":
            verdicts.append((verdict, []))
    if not verdicts:
        return None, []
    return max(verdicts, key=lambda v: v[0].severity == "hard")


def _first_days_apart(spans: list[tuple[Span, Facet]]) -> tuple[Verdict | None, list[str]]:
    """Two single days for the start of a movement, a day apart: its first arrivals happened once, so soft.

    One day of a whole movement told a day apart is no dispute (the same event across midnight or time zones);
    the first troops or the start are one moment, and outlets a day apart on it are worth a reader's look."""
    days = sorted({s.start for s, _ in spans if s.kind == "point" and s.precision == "day" and s.start is not None})
    if len(days) < 2 or (days[-1] - days[0]).days != ADJACENT_DAYS or not any(_FIRST.search(f.claim.quote) for _, f in spans):
        return None, []  # "began" alone may be a phase (a town a day); "the first troops" is the whole movement's start
    first, second = (next(s for s, _ in spans if s.start == day and s.precision == "day") for day in (days[0], days[-1]))
    reason = f"{first.shown} and {second.shown} are different days for the start of one movement"
    return Verdict("soft", reason, None), ["a day apart: an advance party before the main body, or one arrival told across midnight or time zones"]


def _gap(a: Span, b: Span) -> int:
    assert a.end is not None and b.start is not None
    return (b.start - a.end).days
