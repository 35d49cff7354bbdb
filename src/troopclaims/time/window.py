"""A time window on claims (--since, --until): a claim is in it when its date can fall inside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .chronology import event_date

if TYPE_CHECKING:
    from ..datafile import Claim, Dataset, DateValue


def within(dataset: Dataset, claims: list[Claim], since: DateValue | None, until: DateValue | None) -> list[Claim]:
    """The claims whose date (their own, else their article's publication) overlaps since..until.

    A date of a month or a year is in the window when any of its days is: "October 2019" is kept by
    --since 2019-10-20, since the claim may be of the 20th or later.
    """
    kept = []
    for claim in claims:
        when = event_date(claim, dataset.source_of(claim))
        if since is not None and when.end < since.start:
            continue
        if until is not None and when.start > until.end:
            continue
        kept.append(claim)
    return kept
