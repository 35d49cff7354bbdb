"""Normalised date values in a TIMEX3-like notation, and their precision.

Accepted forms: ``2019`` (year), ``2019-10`` (month), ``2019-W42`` (ISO week),
``2019-10-22`` (day), ``2019-10-22TNI`` (part of day: TMO morning, TAF afternoon,
TEV evening, TNI night). Each value stands for an interval of days, which is what
the timeline sorts and the comparison engine measures distances on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Precision = Literal["year", "month", "week", "day", "part_of_day"]
PARTS_OF_DAY = {"TMO": "morning", "TAF": "afternoon", "TEV": "evening", "TNI": "night"}

_VALUE = re.compile(
    r"^(?P<year>\d{4})"
    r"(?:-W(?P<week>\d{2})|-(?P<month>\d{2})(?:-(?P<day>\d{2})(?:T(?P<part>MO|AF|EV|NI))?)?)?$"
)


@dataclass(frozen=True)
class DateValue:
    value: str
    precision: Precision
    start: date
    end: date  # inclusive

    @property
    def midpoint(self) -> date:
        return self.start + (self.end - self.start) / 2


def parse_value(value: str) -> DateValue:
    """Parse a normalised date value; raise ValueError with a readable reason if impossible."""
    match = _VALUE.match(value)
    if not match:
        raise ValueError(
            f"{value!r} is not a date value (use YYYY, YYYY-MM, YYYY-Www, YYYY-MM-DD or YYYY-MM-DDTNI)"
        )
    year = int(match["year"])
    if year < 1:
        raise ValueError(f"{value!r}: year 0 does not exist")
    if match["week"]:
        week = int(match["week"])
        try:
            start = date.fromisocalendar(year, week, 1)
        except ValueError:
            raise ValueError(f"{value!r}: {year} has no ISO week {week}") from None
        return DateValue(value, "week", start, start + timedelta(days=6))
    if not match["month"]:
        return DateValue(value, "year", date(year, 1, 1), date(year, 12, 31))
    month = int(match["month"])
    if not 1 <= month <= 12:
        raise ValueError(f"{value!r}: there is no month {month}")
    if not match["day"]:
        first = date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        return DateValue(value, "month", first, following - timedelta(days=1))
    try:
        day = date(year, month, int(match["day"]))
    except ValueError:
        raise ValueError(f"{value!r} is not a date on the calendar") from None
    precision: Precision = "part_of_day" if match["part"] else "day"
    return DateValue(value, precision, day, day)


def day_value(day: date) -> str:
    return day.isoformat()


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"
