"""The report's date axis, broken where nothing happens, and the marks, lanes and links placed on it.

Split from report_svg.py, which draws with it: see there why the axis is broken.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

#: Marks at most this long (in days) decide where the dense periods are; longer ones span across them.
FOCUS_DAYS = 62
#: Dense periods closer than this are one segment: a break must hide more than it costs in width.
MERGE_DAYS = 21
MAX_SEGMENTS = 8
GAP_W = 84
MIN_SEGMENT_W = 64


@dataclass(frozen=True)
class Lane:
    id: str
    label: str
    sub: str  # a second, smaller line: tells apart two lanes of one outlet
    title: str


@dataclass(frozen=True)
class Mark:
    claim: str
    lane: str
    start: date
    end: date  # inclusive
    precision: str
    kind: str  # point | open_interval | deadline
    basis: str  # "publication": no date in the claim, so it happened by then, not then
    speaker: str
    severity: str  # worst severity of the conflicts the claim is in, "" for none
    tooltip: str


@dataclass(frozen=True)
class Link:
    a: str
    b: str
    conflict: int
    severity: str
    tooltip: str


@dataclass(frozen=True)
class _Span:
    start: float  # day ordinals, end exclusive
    end: float
    x0: float
    x1: float


class BrokenAxis:
    """Maps dates to x through dense segments and fixed-width breaks between them."""

    def __init__(self, marks: Sequence[Mark], left: float, right: float) -> None:
        spans = _segments(marks)
        lo = min((m.start.toordinal() for m in marks), default=spans[0][0])
        hi = max((m.end.toordinal() + 1 for m in marks), default=spans[-1][1])
        lead = GAP_W / 2 if lo < spans[0][0] else 0.0
        tail = GAP_W / 2 if hi > spans[-1][1] else 0.0
        weights = [_weight(marks, start, end) for start, end in spans]
        room = right - left - lead - tail - GAP_W * (len(spans) - 1)
        spare = max(0.0, room - MIN_SEGMENT_W * len(spans))
        self.segments: list[_Span] = []
        self.breaks: list[_Span] = []
        x = left
        if lead:
            self.breaks.append(_Span(lo, spans[0][0], x, x + lead))
            x += lead
        for index, ((start, end), weight) in enumerate(zip(spans, weights)):
            if index:
                self.breaks.append(_Span(self.segments[-1].end, start, x, x + GAP_W))
                x += GAP_W
            width = MIN_SEGMENT_W + spare * weight / sum(weights)
            self.segments.append(_Span(start, end, x, x + width))
            x += width
        if tail:
            self.breaks.append(_Span(spans[-1][1], hi, x, x + tail))
        spans_drawn = self.segments + self.breaks
        self._knots = sorted({(s.start, s.x0) for s in spans_drawn} | {(s.end, s.x1) for s in spans_drawn})

    def x(self, day: float) -> float:
        knots = self._knots
        if day <= knots[0][0]:
            return knots[0][1]
        for (d0, x0), (d1, x1) in zip(knots, knots[1:]):
            if day <= d1:
                return x0 if d1 == d0 else x0 + (x1 - x0) * (day - d0) / (d1 - d0)
        return knots[-1][1]


def _weight(marks: Sequence[Mark], start: int, end: int) -> float:
    """A segment's share of the width: the number of distinct days it has to tell apart, not its length.

    A year holding one bar needs no more room than a month holding one; three weeks with claims
    on twelve different days need room for twelve.
    """
    days = {
        m.start for m in marks
        if (m.end - m.start).days < 7 and start <= m.start.toordinal() < end
    }
    return 1.0 + min(len(days), (end - start))


def _segments(marks: Sequence[Mark]) -> list[tuple[int, int]]:
    """Dense periods as [start, end) day ordinals, padded by a day so edge dots are not cut."""
    if not marks:
        today = date(2000, 1, 1).toordinal()
        return [(today, today + 30)]
    focus = [m for m in marks if (m.end - m.start).days < FOCUS_DAYS] or list(marks)
    merge = MERGE_DAYS
    while True:
        spans = _merge([(m.start.toordinal() - 1, m.end.toordinal() + 2) for m in focus], merge)
        # A coarse mark outside every dense period gets a segment of its own, or it would sit in a break.
        lonely = [
            (m.start.toordinal(), m.end.toordinal() + 1)
            for m in marks
            if not any(m.start.toordinal() < end and m.end.toordinal() + 1 > start for start, end in spans)
        ]
        spans = _merge(spans + lonely, merge)
        if len(spans) <= MAX_SEGMENTS:
            return spans
        merge *= 2


def _merge(spans: list[tuple[int, int]], within: int) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start - merged[-1][1] <= within:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def gap_words(days: float) -> str:
    days = round(days)
    if days < 14:
        return f"{days} day{'s' if days != 1 else ''}"
    if days < 61:
        return f"{round(days / 7)} weeks"
    if days < 730:
        return f"{round(days / 30.44)} months"
    return f"{round(days / 365.25)} years"


# --- ticks -------------------------------------------------------------------------------------------------

_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _day(ordinal: float) -> date:
    """The day of an ordinal, kept on the calendar: a segment's padding may run past year 1 or 9999."""
    return date.fromordinal(min(max(int(ordinal), 1), date.max.toordinal()))


def segment_ticks(span: _Span) -> list[tuple[float, str]]:
    """Tick days and labels for one segment, spaced at least ~46 px apart."""
    per_day = (span.x1 - span.x0) / max(span.end - span.start, 1)
    first, last = _day(span.start), _day(span.end - 1)
    for step in (1, 2, 3, 7, 14):
        if step * per_day >= 46:
            days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
            picked = [d for d in days if (d.toordinal() - (1 if step == 7 else 0)) % step == 0]
            return [(d.toordinal() + 0.5, f"{d.day} {_MONTHS[d.month - 1]}") for d in picked]
    for months in (1, 2, 3, 6, 12, 24, 60):
        if months * 30.44 * per_day >= 46:
            out = []
            y, m = first.year, first.month
            while y <= date.max.year and date(y, m, 1) <= last:
                index = y * 12 + m - 1
                if index % months == 0 and date(y, m, 1) >= first:
                    label = str(y) if months >= 12 else f"{_MONTHS[m - 1]} {y}"
                    out.append((float(date(y, m, 1).toordinal()), label))
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
            return out
    return []


def segment_caption(span: _Span) -> str:
    first, last = _day(span.start + 1), _day(max(span.end - 2, span.start + 1))
    if first.year != last.year:
        return f"{_MONTHS[first.month - 1]} {first.year} – {_MONTHS[last.month - 1]} {last.year}"
    if first.month != last.month:
        return f"{_MONTHS[first.month - 1]} – {_MONTHS[last.month - 1]} {first.year}"
    return f"{_MONTHS[first.month - 1]} {first.year}"
