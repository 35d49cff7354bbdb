"""Why two given claims were, or were not, flagged: the engine's own rules, run on one pair."""

from __future__ import annotations

from dataclasses import dataclass

from ..datafile import Dataset
from ..errors import UsageError
from ..world import Gazetteer, load_gazetteer
from .compare import Conflict, attribution, find_conflicts, scope_notes
from .facets import facet_of
from .rules import PAIR_RULES, Finding, same_event


@dataclass(frozen=True)
class Explanation:
    first: str
    second: str
    facts: tuple[str, ...]  # what the engine read from each claim
    verdicts: tuple[tuple[str, str], ...]  # (kind, finding or reason)
    flagged: tuple[Conflict, ...]


def explain_pair(dataset: Dataset, first: str, second: str, gazetteer: Gazetteer | None = None) -> Explanation:
    claims = {claim.id: claim for claim in dataset.claims}
    for claim_id in (first, second):
        if claim_id not in claims:
            raise UsageError(f"no claim with id {claim_id!r} in {dataset.path}")
    gazetteer = gazetteer or load_gazetteer(dataset.gazetteer_path)
    a, b = (facet_of(claims[i], dataset.sources[claims[i].source], gazetteer) for i in (first, second))
    facts = []
    for facet in (a, b):
        places = ", ".join(
            f"{label} {spot.written} ({spot.place.name if spot.place else 'not in the gazetteer'})"
            for label, spot in (("from", facet.origin), ("to", facet.destination), ("at", facet.location))
            if spot is not None
        )
        facts.append(
            f"{facet.claim.id}: forces of {facet.actor or '?'}, {facet.claim.kind}, movement {facet.claim.movement or 'none'} "
            f"({facet.family or 'no family'}), unit class {facet.units}, {facet.claim.polarity}, {facet.claim.modality}; "
            f"{places or 'no places'}; date {facet.date.value} ({facet.date.reason})"
        )
    gap = a.date.gap_days(b.date)
    facts.append(f"dates {gap} days apart" + ("" if gap else " (they overlap)"))
    facts.append(f"same-event test: {same_event(a, b) or 'passed (same forces, both about forces)'}")
    results = [(kind, rule(a, b, gazetteer)) for kind, rule in PAIR_RULES.items()]
    results.append(("attribution", attribution(a, b)))
    if any(isinstance(result, Finding) for _, result in results):
        facts.extend(scope_notes([[a], [b]]))
    verdicts = [(kind, _say(result)) for kind, result in results]
    flagged = tuple(c for c in find_conflicts(dataset, gazetteer) if first in c.claims and second in c.claims)
    return Explanation(first, second, tuple(facts), tuple(verdicts), flagged)


def _say(verdict: Finding | str) -> str:
    if isinstance(verdict, Finding):
        notes = f" — {'; '.join(verdict.notes)}" if verdict.notes else ""
        return f"flagged as {verdict.kind}, {verdict.severity}: {verdict.explanation}{notes}"
    return f"no conflict: {verdict}"


def explanation_lines(explanation: Explanation) -> list[str]:
    lines = [f"Comparing {explanation.first} and {explanation.second}:"]
    lines += [f"  {fact}" for fact in explanation.facts]
    lines += [f"  {kind}: {verdict}" for kind, verdict in explanation.verdicts]
    if explanation.flagged:
        lines += [f"Flagged together in: [{c.severity}] {c.kind}: {c.topic}" for c in explanation.flagged]
    else:
        lines.append("Not flagged together by `troopclaims conflicts`.")
    return lines
