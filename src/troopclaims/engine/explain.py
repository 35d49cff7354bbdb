"""Why two given claims were, or were not, put in one event and flagged: the engine's own steps, on one pair."""

from __future__ import annotations

from dataclasses import dataclass

from ..datafile import Dataset
from ..errors import UsageError
from ..world import Gazetteer
from .compare import Findings, analyse, ask, attribution_reason
from .events import GAP_DAYS, MAX_SPAN_DAYS, Event, anchor, place_keys
from .facets import Facet, facet_of
from .stages import stage_of
from .findings import Conflict
from .timing import span_of
from .values import compare_figures, compare_spans, figure_of


@dataclass(frozen=True)
class Explanation:
    first: str
    second: str
    facts: tuple[str, ...]  # what the engine read from each claim
    events: tuple[str, ...]  # which event each claim is in, and why together or apart
    verdicts: tuple[tuple[str, str], ...]  # (kind, finding or reason) on this pair alone
    flagged: tuple[Conflict, ...]  # conflicts of the whole file that hold both claims


def explain_pair(dataset: Dataset, first: str, second: str, gazetteer: Gazetteer | None = None) -> Explanation:
    claims = {claim.id: claim for claim in dataset.claims}
    for claim_id in (first, second):
        if claim_id not in claims:
            raise UsageError(f"no claim with id {claim_id!r} in {dataset.path}")
    gazetteer = gazetteer or dataset.gazetteer()
    a, b = (facet_of(claims[i], dataset.sources[claims[i].source], gazetteer, dataset.texts) for i in (first, second))
    found = analyse(dataset, gazetteer)
    facts = [_facts(f, gazetteer) for f in (a, b)]
    gap = a.date.gap_days(b.date)
    facts.append(f"dates {gap} days apart" + ("" if gap else " (they overlap)"))
    events = _events(a, b, found, gazetteer)
    verdicts = _verdicts(a, b, found, gazetteer)
    flagged = tuple(c for c in found.conflicts if first in c.claims and second in c.claims)
    return Explanation(first, second, tuple(facts), tuple(events), tuple(verdicts), flagged)


def _facts(facet: Facet, gazetteer: Gazetteer) -> str:
    places = ", ".join(
        f"{label} {spot.written} ({spot.place.name if spot.place else 'not in the gazetteer'})"
        for label, spot in (("from", facet.origin), ("to", facet.destination), ("at", facet.location))
        if spot is not None
    )
    keys = ", ".join(place_keys(facet, gazetteer)) or "none"
    return (
        f"{facet.claim.id}: forces of {facet.actor or '?'}, {facet.claim.kind}, movement {facet.claim.movement or 'none'} "
        f"({facet.family or 'no family'}), stage {stage_of(facet)}, unit class {facet.units}, {facet.claim.polarity}, {facet.claim.modality}; "
        f"{places or 'no places'}; place keys: {keys}; date {facet.date.value} ({facet.date.reason})"
    )


def _event_of(claim: str, found: Findings) -> Event | None:
    ident = found.event_of.get(claim)
    return next((e for e in found.events if e.id == ident), None)


def _events(a: Facet, b: Facet, found: Findings, gazetteer: Gazetteer) -> list[str]:
    lines = []
    ea, eb = _event_of(a.claim.id, found), _event_of(b.claim.id, found)
    for facet, event in ((a, ea), (b, eb)):
        if event is None:
            why = "not about forces" if facet.claim.kind != "force" else "it does not say whose forces"
            lines.append(f"{facet.claim.id} is in no event: {why}")
        else:
            member = next(m for m in event.members if m.claim == facet.claim.id)
            lines.append(f"{facet.claim.id} is in event {event.id} ({event.label}): {member.reason}")
    if ea is not None and ea is eb:
        lines.append(f"one event: the same forces ({ea.actor}), tied by {', '.join(ea.places) or 'their time alone'}")
    elif ea is not None and eb is not None:
        lines.append(f"kept apart: {_apart(a, b, gazetteer)}")
    return lines


def _apart(a: Facet, b: Facet, gazetteer: Gazetteer) -> str:
    if a.actor != b.actor:
        return f"different forces ({a.actor} / {b.actor})"
    ka, kb = set(place_keys(a, gazetteer)), set(place_keys(b, gazetteer))
    (sa, ea), (sb, eb) = anchor(a), anchor(b)
    days = max(0, (max(sa, sb) - min(ea, eb)).days)
    if ka and kb and not ka & kb:
        return f"no place in common ({', '.join(sorted(ka))} / {', '.join(sorted(kb))}) and no claim of theirs ties them"
    if days > GAP_DAYS:
        return f"{days} days apart, more than the {GAP_DAYS} days that link claims into one event"
    return (f"no chain of claims less than {GAP_DAYS} days apart ties them, or their places' run passed {MAX_SPAN_DAYS} days "
            f"and a new event began")


def _verdicts(a: Facet, b: Facet, found: Findings, gazetteer: Gazetteer) -> list[tuple[str, str]]:
    """The event's questions on this pair alone; the bare comparisons of figures and dates; attribution."""
    event, other = _event_of(a.claim.id, found), _event_of(b.claim.id, found)
    verdicts: list[tuple[str, str]] = []
    if event is not None and event is other:
        verdicts += [(c.kind, f"flagged, {c.severity}: {c.explanation}") for c in ask(event, [a, b], gazetteer)]
        if not verdicts:
            verdicts.append(("questions", "no question of the event finds these two at odds"))
        prefix = ""
    else:
        verdicts.append(("questions", "not asked: the claims are in different events, and conflicts live inside one event"))
        prefix = "if they were one event, "
    if a.claim.count is not None and b.claim.count is not None:
        apart = _not_comparable(a, b)
        if apart:
            verdicts.append(("figures", f"not compared: {apart}"))
        else:
            verdict = compare_figures(figure_of(a.claim.count), figure_of(b.claim.count))
            verdicts.append(("figures", f"{prefix}{verdict.severity}: {verdict.reason}"))
    verdicts += [("sizes", note) for note in _across(a, b, found)]
    if a.date.basis != "publication" and b.date.basis != "publication":
        verdict = compare_spans(span_of(a), span_of(b))
        verdicts.append(("dates", f"{prefix}{verdict.severity}: {verdict.reason}"))
    why = attribution_reason(a, b, gazetteer)
    verdicts.append(("attribution", f"no conflict: {why}" if why else "flagged, hard: the same words credited to different people"))
    return verdicts


def _not_comparable(a: Facet, b: Facet) -> str | None:
    """Counts of different things are never set against each other, in any event."""
    if a.claim.kind != b.claim.kind:
        return f"they count different things ({a.claim.kind} / {b.claim.kind})"
    if a.units != b.units or a.units != "personnel":
        return f"they count {a.units} and {b.units}, not both personnel"
    if a.actor != b.actor:
        return f"they count different forces ({a.actor} / {b.actor})"
    return None


def _across(a: Facet, b: Facet, found: Findings) -> list[str]:
    """What the comparison of sizes across events said of these two, if anything."""
    lines = []
    for conflict in found.conflicts:
        if conflict.kind != "numeric":
            continue
        claims = set(conflict.claims)
        for note in conflict.notes:
            for mine, other in ((a, b), (b, a)):
                if mine.claim.id in claims and f"({other.claim.id}," in note:
                    lines.append(f"{conflict.id}: {note}")
        if "across-events" in conflict.id and {a.claim.id, b.claim.id} <= claims:
            lines.append(f"{conflict.id}: {conflict.explanation}")
    return lines


def explanation_lines(explanation: Explanation) -> list[str]:
    lines = [f"Comparing {explanation.first} and {explanation.second}:"]
    lines += [f"  {fact}" for fact in explanation.facts]
    lines += [f"  {line}" for line in explanation.events]
    lines += [f"  {kind}: {verdict}" for kind, verdict in explanation.verdicts]
    if explanation.flagged:
        lines += [f"Flagged together in {c.id}: [{c.severity}] {c.kind}: {c.topic}" for c in explanation.flagged]
    else:
        lines.append("Not flagged together by `troopclaims conflicts`.")
    return lines
