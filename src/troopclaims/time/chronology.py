"""When each claimed thing happened, on two axes: when it happened, and when it was reported.

A claim's `when.text` is resolved against its article's publication date (the document
creation time); a value written in the data file wins. A claim with no date expression is
placed at its publication date on both axes and marked so: it happened by then, not then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..datafile import Claim, DateValue, Precision, Source, parse_value

Basis = Literal["data file", "resolved", "publication"]
Axis = Literal["happened", "reported"]


@dataclass(frozen=True)
class EventDate:
    value: str
    precision: Precision
    start: date
    end: date
    kind: str  # point | open_interval | deadline
    basis: Basis
    reason: str

    def gap_days(self, other: EventDate) -> int:
        """Days between the two intervals; 0 when they overlap."""
        if self.end < other.start:
            return (other.start - self.end).days
        if other.end < self.start:
            return (self.start - other.end).days
        return 0


def _from_value(parsed: DateValue, kind: str, basis: Basis, reason: str) -> EventDate:
    return EventDate(parsed.value, parsed.precision, parsed.start, parsed.end, kind, basis, reason)


def published_date(source: Source) -> EventDate:
    parsed = source.published.parsed
    return _from_value(parsed, "point", "publication", f"published {source.published.date} ({source.published.basis})")


def event_date(claim: Claim, source: Source) -> EventDate:
    """When the claimed thing happened, as well as the claim's words and its article's date allow."""
    from .timex import guess_tense, resolve

    published = source.published.parsed
    when = claim.when
    if when is None:
        return _from_value(published, "point", "publication", "no date in the claim: its article's publication date")
    if when.value is not None:
        return _from_value(parse_value(when.value), when.kind, "data file", f"{when.text!r}: value given in the data file")
    at = claim.quote.find(when.text)
    resolved = resolve(when.text, published, tense=guess_tense(claim.quote, at if at >= 0 else None))
    kind = when.kind if when.kind != "point" else resolved.kind
    if resolved.value is None:
        return _from_value(
            published, kind, "publication", f"{when.text!r} not resolved ({resolved.reason}); publication date used"
        )
    return _from_value(parse_value(resolved.value), kind, "resolved", f"{when.text!r}: {resolved.reason}")

