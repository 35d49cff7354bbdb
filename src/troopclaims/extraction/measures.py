"""What a number measures when it is not a count of people or things: money, percentages, durations, years."""

from __future__ import annotations

import re
from typing import Literal

from ..datafile import Amount
from .units import unit_after


# --- what a number measures when it is not a count of people or things -----------------------------------------

_MONEY_BEFORE = re.compile(r"(?:[$£€¥]|\b(?:US|USD|EUR|GBP)\s?[$]?)\s*$")
_MONEY_AFTER = re.compile(
    r"\s*(?:(?:million|billion|mln|bn)\s+)?(?:dollars|euros|pounds|usd|riyals|dinars|lira|liras|rubles|roubles|yuan)\b",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(r"\s*(?:%|percent\b|per\s+cent\b|pc\b)", re.IGNORECASE)
_DURATION_AFTER = re.compile(r"[\s-]*(?:hours?|days?|weeks?|months?|years?|decades?|minutes?|seconds?)\b", re.IGNORECASE)
_DISTANCE_AFTER = re.compile(
    r"[\s-]*(?:km|kms|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|m\b|feet|foot|yards?|nautical)\b", re.IGNORECASE
)
_YEAR_BEFORE = re.compile(r"\b(?:in|since|during|until|till|from|of|by|before|after)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)

_MONTH_BEFORE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+$"
)

Measure = Literal["money", "percent", "duration", "distance", "year", "date"]


def measure_of(text: str, amount: Amount) -> Measure | None:
    """What an amount measures when it is money, a share, a span of time, a distance or a year.

    These are numbers in war reporting that must never be read as a number of troops:
    "$38", "30 million dollars", "40%", "five years", "a 440-kilometre border", "in 2014".
    """
    before = text[max(0, amount.number_start - 6):amount.number_start]
    if _MONEY_BEFORE.search(before) or _MONEY_AFTER.match(text, amount.end):
        return "money"
    if _MONTH_BEFORE.search(text, max(0, amount.number_start - 12), amount.number_start):
        return "date"
    if _PERCENT_AFTER.match(text, amount.end):
        return "percent"
    if _DURATION_AFTER.match(text, amount.end):
        return "duration"
    if _DISTANCE_AFTER.match(text, amount.end):
        return "distance"
    value = amount.value
    written = text[amount.number_start:amount.end]
    if value is not None and 1900 <= value <= 2100 and written.isdigit() and (
        _YEAR_BEFORE.search(text[max(0, amount.number_start - 20):amount.number_start])
        or not unit_after(text, amount.end)
    ):
        return "year"
    return None
