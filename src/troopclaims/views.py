"""Views of claims for the renderers: flat rows for tables, full records for JSON."""

from __future__ import annotations

from typing import Any

from .dataset import Dataset
from .model import Claim
from .render import Column, View


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
