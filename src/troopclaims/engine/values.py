"""Figures and dates as data, and how two of them compare: compatible, soft or hard, with the reason.

A count is read as an interval of numbers (its literal bounds) and, for open-ended hedges, the narrower
interval a reader takes from it ("more than 700" is rarely said of 1,000). A date is read as an interval
of days, open on one side for a deadline ("by 20 May") or a start ("since 9 May"). Each comparison states
the figures or days it compared, so its explanation is true of them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..datafile import Count

Severity = Literal["compatible", "soft", "hard"]

#: Figures whose bounds miss each other by at most this share are one figure rounded two ways.
ROUNDING = 0.10
#: "More than N" and "at least N" are read as at most this share above N; "up to N" as at most this share below.
OPEN_MARGIN = 0.25
#: Dates this many days apart, with nothing between, can be one event told across midnight or time zones.
ADJACENT_DAYS = 1


@dataclass(frozen=True)
class Figure:
    """A count as data: the hedge, the number as written, and the bounds it allows (high None: no upper bound)."""

    qualifier: str
    value: int | None
    low: int
    high: int | None
    text: str | None = None

    @property
    def shown(self) -> str:
        if self.qualifier == "vague" and self.text:
            return self.text.lower()
        if self.qualifier == "range":
            return f"{self.low:,}–{self.high or 0:,}"
        words = {"exact": "", "about": "about ", "more_than": "more than ", "at_least": "at least ", "up_to": "up to ", "fewer_than": "fewer than "}
        return f"{words.get(self.qualifier, '')}{self.value or 0:,}"

    @property
    def described(self) -> str:
        """The figure as written, with the bounds it allows when they are not just the figure."""
        return self.shown if self.low == self.high == self.value else f"{self.shown} ({self.bounds_shown})"

    @property
    def bounds_shown(self) -> str:
        if self.high is None:
            return f"{self.low:,} or more"
        return f"{self.low:,}" if self.low == self.high else f"{self.low:,}–{self.high:,}"

    def read(self) -> tuple[int, int | None]:
        """The bounds a reader takes: an open hedge gets a ceiling (or floor) OPEN_MARGIN from its figure."""
        if self.qualifier in ("more_than", "at_least") and self.value is not None:
            return self.low, math.floor(self.value * (1 + OPEN_MARGIN))
        if self.qualifier in ("up_to", "fewer_than") and self.value is not None:
            return math.ceil(self.value / (1 + OPEN_MARGIN)), self.high
        return self.low, self.high


def figure_of(count: Count) -> Figure:
    low, high = count.bounds()
    return Figure(count.qualifier, count.value, low, high, count.text)


@dataclass(frozen=True)
class Verdict:
    severity: Severity
    reason: str
    ratio: float | None = None  # the ratio the reason states, when it states one


def _overlap(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
    return (a[1] is None or b[0] <= a[1]) and (b[1] is None or a[0] <= b[1])


_ABOVE = frozenset({"more_than", "at_least"})
_BELOW = frozenset({"fewer_than", "up_to"})


def compare_figures(a: Figure, b: Figure) -> Verdict:
    """How two counts of one force relate."""
    if a.value is not None and a.value == b.value and {a.qualifier, b.qualifier} & _ABOVE and {a.qualifier, b.qualifier} & _BELOW:
        if not _overlap((a.low, a.high), (b.low, b.high)):
            small, large = (a, b) if a.qualifier in _BELOW else (b, a)
            ratio = round(large.low / max(small.high or 0, 1), 3)
            return Verdict("hard", f"'{a.shown}' and '{b.shown}' lie on opposite sides of {a.value:,}: one force cannot be both", ratio)
    if a.qualifier != "vague" and b.qualifier != "vague" and a.value is not None and a.value == b.value:
        return Verdict("compatible", f"{a.shown} and {b.shown} are the same figure, hedged {'alike' if a.qualifier == b.qualifier else 'differently'}")
    if _overlap((a.low, a.high), (b.low, b.high)):
        if _overlap(a.read(), b.read()):
            return Verdict("compatible", f"{a.described} and {b.described} overlap: both can be true")
        open_, other = (a, b) if a.qualifier in ("more_than", "at_least", "up_to", "fewer_than") else (b, a)
        if open_.qualifier in ("more_than", "at_least"):
            ratio = other.low / (open_.value or 1)
            reason = (
                f"{other.shown} fits '{open_.shown}' literally, but its lowest reading ({other.low:,}) is {ratio:.2f}× {open_.value or 0:,}, "
                f"beyond the {OPEN_MARGIN:.0%} above the figure that '{open_.shown}' is usually said of"
            )
        else:
            ratio = (open_.value or 0) / max(other.high or 1, 1)
            reason = (
                f"{other.shown} fits '{open_.shown}' literally, but {open_.value or 0:,} is {ratio:.2f}× its highest reading ({other.high or 0:,}), "
                f"beyond the {OPEN_MARGIN:.0%} below the figure that '{open_.shown}' is usually said of"
            )
        return Verdict("soft", reason, round(ratio, 2))
    small, large = (a, b) if (a.high is not None and a.high < b.low) else (b, a)
    top = small.high if small.high is not None else small.low
    ratio = large.low / max(top, 1)
    if ratio <= 1 + ROUNDING:
        reason = (
            f"{small.described} and {large.described} do not overlap, but {large.low:,} is only "
            f"{(ratio - 1):.1%} above {top:,}: within the {ROUNDING:.0%} that rounding explains"
        )
        return Verdict("soft", reason, round(ratio, 3))
    reason = (
        f"{small.described} and {large.described} cannot both be the size of one force: "
        f"the lowest reading of {large.shown} is {ratio:.2f}× the highest reading of {small.shown}"
    )
    return Verdict("hard", reason, round(ratio, 2))


@dataclass(frozen=True)
class Span:
    """A date as data: the days it allows (None: open on that side), its precision and the words it came from."""

    value: str
    precision: str
    start: date | None
    end: date | None
    kind: str  # point | open_interval | deadline
    text: str

    @property
    def shown(self) -> str:
        if self.kind == "deadline":
            return f"by {self.value} ('{self.text}')"
        if self.kind == "open_interval":
            return f"from {self.value} on ('{self.text}')"
        return f"{self.value} ('{self.text}')"


def compare_spans(a: Span, b: Span) -> Verdict:
    """Two dates of one thing: overlapping days are compatible ("March" and "12 March"); a gap is a conflict."""
    first, second = (a, b) if (a.end is not None and (b.start is None or a.end < b.start)) else (b, a)
    if first.end is None or second.start is None or first.end >= second.start:
        if a.precision != b.precision and a.kind == b.kind == "point":
            return Verdict("compatible", f"{a.shown} and {b.shown} overlap: the vaguer date contains the other")
        return Verdict("compatible", f"{a.shown} and {b.shown} overlap: both can be true")
    gap = (second.start - first.end).days
    if gap <= ADJACENT_DAYS:  # readers do not flag these: a report dated a day late, midnight, time zones
        return Verdict("compatible", f"{first.shown} and {second.shown} are adjacent days: one event told across midnight or time zones can give both")
    return Verdict("hard", f"{first.shown} and {second.shown} cannot both be true: {gap} days lie between them")
