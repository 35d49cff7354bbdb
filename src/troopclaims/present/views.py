"""Views of claims for the renderers: flat rows for tables, full records for JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..datafile import Claim, Dataset
from .findings_views import CANDIDATE
from .render import Column, View
from .tidy import CLAIM_CSV, TIMELINE_CSV, claim_cells, count_data, date_data, known_outlet
from .wording import OWN_WORDS, claim_phrase, human_date

if TYPE_CHECKING:  # only annotations: `list` should not import the comparison engine
    from ..engine import TimelineRow
    from ..time import EventDate
    from ..world import Gazetteer

#: What JSON says of each place a claim names, by claim id and field: {"origin": {"name", "id", "kind", "country"}}.
Places = dict[str, dict[str, dict[str, str | None]]]


def places_of(gazetteer: Gazetteer, claim: Claim, context: str | None = None) -> dict[str, dict[str, str | None]]:
    """The places a claim's origin, destination and location resolve to, for machine formats.

    context: the claim's article, whose countries settle a name several places share.
    """
    actor = (gazetteer.actor_for(claim.actor) or claim.actor) if claim.actor else None
    found = {}
    for field in ("origin", "destination", "location"):
        value = getattr(claim, field)
        place = gazetteer.resolve(value, actor, context) if value else None
        if place is not None:
            found[field] = gazetteer.describe(place)
    return found


def claim_places(dataset: Dataset) -> Places:
    """places_of for every claim of a dataset, by claim id, through the dataset's one gazetteer."""
    gazetteer = dataset.gazetteer()
    return {claim.id: places_of(gazetteer, claim, dataset.texts.get(claim.source)) for claim in dataset.claims}


def route(claim: Claim) -> str:
    if claim.origin or claim.destination:
        return f"{claim.origin or '?'} → {claim.destination or '?'}"
    return f"at {claim.location}" if claim.location else ""


def count_text(claim: Claim) -> str:
    if claim.count is None:
        return ""
    return f"{claim.count.display()} {claim.unit or ''}".strip()


def conflict_kind(conflict_id: str) -> str:
    """The kind in a conflict id, <event>.<kind>.<scope>: what a reader is told is disputed."""
    parts = conflict_id.split(".")
    return parts[1] if len(parts) > 2 else conflict_id


def claim_record(
    dataset: Dataset, claim: Claim, conflicts: tuple[str, ...] = (), places: Places | None = None
) -> dict[str, Any]:
    """Every field of the claim, with its count, places and date as typed data (see tidy.py)."""
    from ..datafile import plain_data
    from ..time import event_date

    source = dataset.source_of(claim)
    published = source.published.parsed
    start, end = dataset.spans.get(claim.id, (None, None))
    record: dict[str, Any] = plain_data(claim)
    record.update(outlet=source.outlet, date=source.published.date, start=start, end=end, conflicts=list(conflicts))
    record.update(
        count=count_data(claim.count),
        published={"value": published.value, "start": published.start.isoformat(), "end": published.end.isoformat(),
                   "precision": published.precision},
        event_date=date_data(event_date(claim, source)),
        places=(places or {}).get(claim.id, {}),
    )
    return record


def claims_view(
    dataset: Dataset, claims: list[Claim], conflicts: dict[str, tuple[str, ...]] | None = None, places: Places | None = None
) -> View:
    """conflicts: claim id -> ids of the conflicts it is in, as `troopclaims conflicts` names them;
    places: what claim_places resolved, for JSON."""
    conflicts = conflicts or {}
    columns = [
        Column("id", "id"),
        Column("source", "source", drop=2),
        Column("date", "published", drop=3),
        Column("speaker", "speaker", drop=6),
        Column("count", "count", drop=5),
        Column("route", "from → to", drop=4),
        Column("quote", "quote", wide=True),
        # Conflict ids are long words that never break: the first to go on a narrow terminal (`conflicts` lists them).
        Column("conflicts", "conflicts", drop=1),
    ]
    rows = [
        {
            "id": claim.id,
            "source": claim.source,
            "date": human_date(dataset.source_of(claim).published.date),
            "speaker": claim.speaker or OWN_WORDS,
            "count": count_text(claim),
            "route": route(claim),
            "quote": ("" if claim.reviewed else f"{CANDIDATE} ") + " ".join(claim.quote.split()),
            "conflicts": " ".join(conflicts.get(claim.id, ())),
        }
        for claim in claims
    ]
    records = [claim_record(dataset, c, conflicts.get(c.id, ()), places) for c in claims]
    from ..time import event_date

    csv_rows = [
        claim_cells(dataset, c, (places or {}).get(c.id, {}), conflicts.get(c.id, ()), event_date(c, dataset.source_of(c)))
        for c in claims
    ]
    candidates = sum(not c.reviewed for c in claims)
    notes = [f"{candidates} of {len(claims)} claims are candidates nobody has reviewed ({CANDIDATE}; troopclaims review)"] if candidates else []
    return View(f"{len(claims)} claims", columns, rows, records, notes=notes, csv_columns=list(CLAIM_CSV), csv_rows=csv_rows)


def timeline_view(rows: list[TimelineRow], by: str, dataset: Dataset, places: Places | None = None) -> View:
    """The timeline's rows; dataset: their claims, to say what each says in words and to give it as data."""
    claims = {claim.id: claim for claim in dataset.claims}
    # What a reader needs first: when, what, on whose word; then whether it is disputed and where it was read.
    # Conflict ids are long words: on a narrow terminal they go first (`conflicts` lists them).
    columns = [
        Column("date", "when"),
        Column("summary", "what happened", wide=True),
        Column("speaker", "who says", drop=5),
        Column("disputed", "disputed", drop=4),
        Column("source", "source", drop=2),
        Column("conflict", "conflicts", drop=1),
    ]
    flat = [
        {
            "date": human_date(row.date, row.kind) + ("" if row.basis != "publication" or by == "reported" else " (published)"),
            "summary": ("" if row.reviewed else f"{CANDIDATE} ") + (claim_phrase(claims[row.claim]) if row.claim in claims else row.summary),
            "speaker": row.speaker or OWN_WORDS,
            "disputed": ", ".join(dict.fromkeys(conflict_kind(c) for c in row.conflicts)),
            "source": row.source,
            "conflict": " ".join(row.conflicts),
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
            "summary": claim_phrase(claims[row.claim]),
            "conflicts": list(row.conflicts),
            "reviewed": claims[row.claim].reviewed,
            "places": (places or {}).get(row.claim, {}),
        }
        for row in rows
    ]
    csv_rows = [
        {"axis": by, **claim_cells(dataset, claims[row.claim], (places or {}).get(row.claim, {}), row.conflicts, _row_date(row, by))}
        for row in rows
    ]
    notes = ["'(published)': the claim gives no date of its own; its article's publication date stands in."] if by == "happened" else []
    candidates = sum(not row.reviewed for row in rows)
    if candidates:
        notes.append(f"{candidates} of {len(rows)} rows rest on candidates nobody has reviewed ({CANDIDATE}; troopclaims review)")
    return View(f"Timeline, by when it {by}", columns, flat, records, notes=notes, csv_columns=list(TIMELINE_CSV), csv_rows=csv_rows)


def _row_date(row: TimelineRow, by: str) -> EventDate:
    """The date a timeline row stands at: when it happened, or its article's publication (by reported)."""
    from ..time import EventDate

    if by == "reported":
        return EventDate(row.date, row.precision, row.start, row.end, "point", "publication", "published")  # type: ignore[arg-type]
    return EventDate(row.date, row.precision, row.start, row.end, row.kind, row.basis, row.reason)  # type: ignore[arg-type]
