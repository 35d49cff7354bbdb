"""Tidy data for machines: one row per claim, every value typed and in a column of its own.

The CSV of `list` is CLAIM_CSV; the CSV of `timeline` is the same with the row's axis first and the date
columns giving the date the timeline places the claim at. JSON records carry the same parts as objects:
`count` (qualifier, value, low, high, text), `places` (per role: name, id, kind, country), `event_date`
(value, start, end, precision, kind, basis) and `reviewed`. Schemas: docs/schemas/.

No cell holds display text: NA marks a value that does not exist (no count, an open upper bound, a place
the gazetteer does not know), as in the CSV of `conflicts`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..datafile import Claim, Count, Dataset, Source
    from ..time import EventDate

#: The explicit marker of a value that does not exist.
NA = "NA"
ROLES = ("origin", "destination", "location")
PLACE_PARTS = ("id", "name", "kind", "country")

CLAIM_CSV = (
    "claim", "source", "outlet", "published", "published_start", "published_end", "published_precision", "reviewed",
    "kind", "speaker", "speaker_role", "cited", "actor", "movement", "polarity", "modality", "duration",
    "count_qualifier", "count_value", "count_low", "count_high", "count_text", "unit",
    *(f"{role}{'' if part == 'written' else '_' + part}" for role in ROLES for part in ("written", *PLACE_PARTS)),
    "date_value", "date_start", "date_end", "date_precision", "date_kind", "date_basis",
    "quote", "quote_start", "quote_end", "conflicts",
)
TIMELINE_CSV = ("axis", *CLAIM_CSV)


def known_outlet(source: Source) -> str | None:
    """The outlet's name, or None when the data file says it is not known."""
    return None if source.outlet.strip().casefold() in ("", "unknown") else source.outlet


def cell(value: object) -> str:
    """A CSV cell: NA for a value that does not exist, true/false for a truth value."""
    if value is None:
        return NA
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def count_data(count: Count | None) -> dict[str, Any] | None:
    """A count as numbers: its qualifier, the figure written, and the lowest and highest it allows (None: open)."""
    if count is None:
        return None
    low, high = count.bounds()
    return {"qualifier": count.qualifier, "value": count.value, "low": low, "high": high, "text": count.text}


def date_data(when: EventDate) -> dict[str, Any]:
    return {"value": when.value, "start": when.start.isoformat(), "end": when.end.isoformat(),
            "precision": when.precision, "kind": when.kind, "basis": when.basis}


def claim_cells(
    dataset: Dataset, claim: Claim, places: dict[str, dict[str, str | None]], conflicts: tuple[str, ...], when: EventDate
) -> dict[str, str]:
    """One claim as a CLAIM_CSV row; when: the date the row stands at (its own date, or its publication)."""
    source = dataset.source_of(claim)
    published = source.published.parsed
    start, end = dataset.spans.get(claim.id, (None, None))
    count = count_data(claim.count) or {}
    row: dict[str, Any] = {
        "claim": claim.id, "source": claim.source, "outlet": known_outlet(source), "published": published.value,
        "published_start": published.start.isoformat(), "published_end": published.end.isoformat(),
        "published_precision": published.precision, "reviewed": claim.reviewed,
        "kind": claim.kind, "speaker": claim.speaker, "speaker_role": claim.speaker_role, "cited": claim.cited,
        "actor": claim.actor, "movement": claim.movement, "polarity": claim.polarity, "modality": claim.modality,
        "duration": claim.duration, "unit": claim.unit,
        **{f"count_{part}": count.get(part) for part in ("qualifier", "value", "low", "high", "text")},
        **{f"date_{part}": value for part, value in date_data(when).items()},
        "quote": " ".join(claim.quote.split()), "quote_start": start, "quote_end": end,
        "conflicts": " ".join(conflicts) or None,
    }
    for role in ROLES:
        row[role] = getattr(claim, role)
        place = places.get(role, {})
        for part in PLACE_PARTS:
            row[f"{role}_{part}"] = place.get(part)
    return {column: cell(row.get(column)) for column in CLAIM_CSV}
