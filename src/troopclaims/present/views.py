"""Views of claims for the renderers: flat rows for tables, full records for JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..datafile import Claim, Dataset
from .render import Column, View

if TYPE_CHECKING:  # only annotations: `list` should not import the comparison engine
    from ..engine import Conflict
    from ..engine import TimelineRow


def route(claim: Claim) -> str:
    if claim.origin or claim.destination:
        return f"{claim.origin or '?'} → {claim.destination or '?'}"
    return f"at {claim.location}" if claim.location else ""


def count_text(claim: Claim) -> str:
    if claim.count is None:
        return ""
    return f"{claim.count.display()} {claim.unit or ''}".strip()


def claim_record(dataset: Dataset, claim: Claim) -> dict[str, Any]:
    source = dataset.source_of(claim)
    start, end = dataset.spans.get(claim.id, (None, None))
    record: dict[str, Any] = claim.model_dump(mode="json")
    record.update(outlet=source.outlet, date=source.published.date, start=start, end=end)
    return record


def claims_view(dataset: Dataset, claims: list[Claim]) -> View:
    columns = [
        Column("id", "id"),
        Column("source", "source"),
        Column("date", "published"),
        Column("speaker", "speaker"),
        Column("count", "count"),
        Column("route", "from → to"),
        Column("quote", "quote", wide=True),
    ]
    rows = [
        {
            "id": claim.id,
            "source": claim.source,
            "date": dataset.source_of(claim).published.date,
            "speaker": claim.speaker or "(narration)",
            "count": count_text(claim),
            "route": route(claim),
            "quote": " ".join(claim.quote.split()),
        }
        for claim in claims
    ]
    return View(f"{len(claims)} claims", columns, rows, [claim_record(dataset, c) for c in claims])


def conflicts_view(conflicts: list[Conflict]) -> View:
    columns = [
        Column("topic", "disputed"),
        Column("kind", "kind"),
        Column("severity", "severity"),
        Column("value", "value"),
        Column("claims", "claims"),
        Column("sources", "sources"),
        Column("explanation", "why", wide=True),
    ]
    rows = []
    for conflict in conflicts:
        for index, side in enumerate(conflict.sides):
            first = index == 0
            rows.append(
                {
                    "topic": conflict.topic,
                    "kind": conflict.kind if first else "",
                    "severity": conflict.severity if first else "",
                    "value": side.value,
                    "claims": ", ".join(side.claims),
                    "sources": ", ".join(conflict.sources) if first else "",
                    "explanation": "; ".join((conflict.explanation, *conflict.notes)) if first else "",
                }
            )
    records = [conflict_record(c) for c in conflicts]
    hard = sum(c.severity == "hard" for c in conflicts)
    notes = [f"{len(conflicts)} conflicts: {hard} hard, {len(conflicts) - hard} soft."]
    return View("Conflicts", columns, rows, records, group_by="topic", notes=notes)


def conflict_record(conflict: Conflict) -> dict[str, Any]:
    return {
        "kind": conflict.kind,
        "severity": conflict.severity,
        "topic": conflict.topic,
        "claims": list(conflict.claims),
        "values": [side.value for side in conflict.sides],
        "sides": [{"value": side.value, "claims": list(side.claims)} for side in conflict.sides],
        "sources": list(conflict.sources),
        "speakers": list(conflict.speakers),
        "explanation": conflict.explanation,
        "notes": list(conflict.notes),
    }


def timeline_view(rows: list[TimelineRow], conflicts: list[Conflict], by: str) -> View:
    columns = [
        Column("date", "date"),
        Column("precision", "precision"),
        Column("summary", "what happened", wide=True),
        Column("speaker", "who says"),
        Column("source", "source"),
        Column("conflict", "disputed"),
    ]
    flat = [
        {
            "date": row.date + ("" if row.basis != "publication" or by == "reported" else " (published)"),
            "precision": row.precision + ("" if row.kind == "point" else f", {row.kind.replace('_', ' ')}"),
            "summary": row.summary,
            "speaker": row.speaker or "(narration)",
            "source": row.source,
            "conflict": ", ".join(f"#{i + 1} {conflicts[i].kind}" for i in row.conflicts),
        }
        for row in rows
    ]
    records = [
        {
            "date": row.date,
            "precision": row.precision,
            "start": row.start.isoformat(),
            "end": row.end.isoformat(),
            "kind": row.kind,
            "basis": row.basis,
            "reason": row.reason,
            "claim": row.claim,
            "source": row.source,
            "reported": row.reported,
            "speaker": row.speaker,
            "summary": row.summary,
            "conflicts": [conflicts[i].topic for i in row.conflicts],
        }
        for row in rows
    ]
    notes = ["'(published)': the claim gives no date of its own; its article's publication date stands in."]
    return View(f"Timeline, by when it {by}", columns, flat, records, notes=notes if by == "happened" else [])
