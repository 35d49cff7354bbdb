"""The story in time: one row per claim, ordered by when it happened or when it was reported."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from ..datafile import Claim, Dataset
from ..time import EventDate, event_date, published_date
from .findings import Conflict

AXES = ("happened", "reported")


@dataclass(frozen=True)
class TimelineRow:
    claim: str
    source: str
    date: str
    precision: str
    start: datetime.date
    end: datetime.date
    kind: str
    basis: str
    summary: str
    speaker: str | None
    conflicts: tuple[str, ...]  # ids of the conflicts the claim is in
    reported: str
    reason: str
    reviewed: bool = True  # False: an unreviewed candidate


def summary(claim: Claim) -> str:
    """A few words on what the claim says happened."""
    parts = [claim.actor or ""]
    if claim.count is not None:
        parts.append(claim.count.display())
    parts.append(claim.unit or ("forces" if claim.kind == "force" else claim.kind))
    if claim.movement:
        verb = claim.movement if claim.polarity == "asserted" else f"not {claim.movement}"
        parts.append(verb)
    elif claim.polarity == "denied":
        parts.append("(denied)")
    if claim.origin or claim.destination:
        parts.append(f"{claim.origin or '?'} → {claim.destination or '?'}")
    if claim.location:
        parts.append(f"at {claim.location}")
    if claim.duration:
        parts.append(f"({claim.duration})")
    if claim.modality != "fact":
        parts.append(f"[{claim.modality}]")
    return " ".join(p for p in parts if p)


def build_timeline(dataset: Dataset, conflicts: list[Conflict], by: str = "happened") -> list[TimelineRow]:
    if by not in AXES:
        raise ValueError(f"by must be one of {AXES}")
    involved: dict[str, list[str]] = defaultdict(list)
    for conflict in conflicts:
        for claim_id in dict.fromkeys(conflict.claims):
            involved[claim_id].append(conflict.id)
    rows = []
    for claim in dataset.claims:
        source = dataset.source_of(claim)
        happened = event_date(claim, source)
        reported = published_date(source)
        shown: EventDate = happened if by == "happened" else reported
        rows.append(
            TimelineRow(
                claim=claim.id,
                source=claim.source,
                date=shown.value,
                precision=shown.precision,
                start=shown.start,
                end=shown.end,
                kind=happened.kind,
                basis=happened.basis,
                summary=summary(claim),
                speaker=claim.speaker,
                conflicts=tuple(involved.get(claim.id, ())),
                reported=reported.value,
                reason=happened.reason,
                reviewed=claim.reviewed,
            )
        )
    # Ties keep the order of the data file, which is the order of each article.
    rows.sort(key=lambda r: (r.start, r.end))
    return rows
