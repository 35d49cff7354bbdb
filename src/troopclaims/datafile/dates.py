"""Normalised date values in a TIMEX3-like notation, and their precision.

Accepted forms: ``2019`` (year), ``2019-10`` (month), ``2019-W42`` (ISO week),
``2019-10-22`` (day), ``2019-10-22TNI`` (part of day: TMO morning, TAF afternoon,
TEV evening, TNI night). Each value stands for an interval of days, which is what
the timeline sorts and the comparison engine measures distances on.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Precision = Literal["year", "month", "week", "day", "part_of_day"]
PARTS_OF_DAY = {"TMO": "morning", "TAF": "afternoon", "TEV": "evening", "TNI": "night"}

#: The same forms as JSON Schema patterns (ECMA-262 syntax), for editors: they can warn about "yesterday"
#: as a date; the checker's own message, from parse_value, also catches impossible dates such as 2019-02-30.
VALUE_PATTERN = r"^[0-9]{4}(-W[0-9]{2}|-[0-9]{2}(-[0-9]{2}(T(MO|AF|EV|NI))?)?)?$"
PUBLISHED_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"

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
        # 9999-W52 ends on 2 January 10000: the calendar's last day is as far as any interval goes.
        end = start + timedelta(days=6) if start <= date.max - timedelta(days=6) else date.max
        return DateValue(value, "week", start, end)
    if not match["month"]:
        return DateValue(value, "year", date(year, 1, 1), date(year, 12, 31))
    month = int(match["month"])
    if not 1 <= month <= 12:
        raise ValueError(f"{value!r}: there is no month {month}")
    if not match["day"]:
        # The month's last day directly: "the day before the next month's first" has no answer in 9999-12.
        last = calendar.monthrange(year, month)[1]
        return DateValue(value, "month", date(year, month, 1), date(year, month, last))
    try:
        day = date(year, month, int(match["day"]))
    except ValueError:
        raise ValueError(f"{value!r} is not a date on the calendar") from None
    precision: Precision = "part_of_day" if match["part"] else "day"
    return DateValue(value, precision, day, day)


_PUBLICATION_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"
_NOT_PUBLICATION = {"week": "a week", "part_of_day": "a part of a day"}


def parse_publication(value: str) -> DateValue:
    """Parse a publication date: a year, a month or a day; raise ValueError with a readable reason otherwise.

    The one rule for every way a publication date comes in (the data file, --published), so that a
    date accepted on the command line is always valid in the data file it is written to.
    """
    if not _VALUE.match(value):
        raise ValueError(f"{value!r} is not a date value (use {_PUBLICATION_FORMS})")
    parsed = parse_value(value)
    if parsed.precision in _NOT_PUBLICATION:
        raise ValueError(
            f"{value!r} is {_NOT_PUBLICATION[parsed.precision]}; a publication date is a year, a month or a day ({_PUBLICATION_FORMS})"
        )
    return parsed


def day_value(day: date) -> str:
    return day.isoformat()


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"
