"""Vocabulary of the temporal tagger in expressions.py and timex.py: word lists, their regex pieces, tense markers.

Kept apart so that expressions.py and timex.py hold only the rules. Keys are lower case with single spaces;
the tagger matches them case-insensitively and with any run of whitespace between words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

Unit = Literal["hour", "day", "week", "month", "year"]
OperatorKind = Literal["point", "open_interval", "deadline"]

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
# Abbreviations are only trusted next to a day or a year, or when written with a dot:
# a bare "Jan" or "Mar" is too often a name or part of one.
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

#: TIMEX3 part-of-day codes, as dates.py spells them after the "T".
PARTS_OF_DAY: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNITS_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

#: Amounts that name no number: a span counted with them has no end we could compute.
VAGUE_COUNTS = ("a few", "a couple of", "a couple", "couple of", "few", "several", "some", "many")

UNITS: dict[str, Unit] = {
    "hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "week",
    "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year",
}  # fmt: skip

#: Words that turn an expression into an interval bound. The rest mark a plain point.
OPERATORS: dict[str, OperatorKind] = {
    "ever since": "open_interval", "since": "open_interval", "after": "open_interval", "at least": "open_interval",
    "no later than": "deadline", "not later than": "deadline", "within": "deadline",
    "by": "deadline", "until": "deadline", "till": "deadline", "before": "deadline",
    "on": "point", "in": "point", "during": "point", "over": "point", "at": "point",
    "throughout": "point", "for": "point",
}  # fmt: skip

#: Operators after which a bare number in 1900-2099 is read as a year ("of" is handled apart:
#: it stays outside the tagged span, as in "the summer of 2014").
YEAR_OPERATORS = frozenset(
    {"in", "since", "ever since", "by", "until", "till", "during", "before", "after", "throughout"}
)

#: Nouns that show a preceding 4-digit number is a count, as in "by 2000 troops".
COUNT_NOUNS = (
    "troops", "soldiers", "men", "women", "people", "fighters", "personnel", "members", "marines",
    "militants", "civilians", "refugees", "vehicles", "tanks", "aircraft", "families", "forces",
    "strong", "km", "kilometres", "kilometers", "miles", "metres", "meters", "dollars", "percent",
)



def count_value(text: str | None) -> int | None:
    """The number a count names; 1 when absent; None when vague ("a few", "several")."""
    words = " ".join(text.lower().split()) if text else ""
    if not words:
        return 1
    if words in VAGUE_COUNTS:
        return None
    if words[0].isdigit():
        return int(words.replace(",", ""))
    return sum(NUMBER_WORDS[part] for part in words.split("-"))  # "twenty-four"


def month_number(text: str) -> int:
    key = text.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBREVIATIONS[key]


# --- lexical patterns (named groups are read by the handlers in timex.py) ---------------


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first ("ever since" before "since", "sept" before "sep")."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?"
_FULL_MONTHS, _ABBREVIATED = alternatives(MONTHS), alternatives(MONTH_ABBREVIATIONS)
MONTH = rf"(?P<mon>(?:{_FULL_MONTHS})(?![a-z])|(?:{_ABBREVIATED})(?:\.|(?![a-z])))"
MONTH_ALONE = rf"(?P<mon>(?:{_FULL_MONTHS})|(?:{_ABBREVIATED})\.)"  # without a day or year: dotted only
PART = rf"(?P<part>{alternatives(PARTS_OF_DAY)})"
_NUMBER = rf"(?:{'|'.join(TENS)})-(?:{'|'.join(UNITS_WORDS)})|{alternatives(NUMBER_WORDS)}"
COUNT = rf"(?P<count>{alternatives(VAGUE_COUNTS)}|{_NUMBER}|(?<![\d,.])(?:\d{{1,3}}(?:,\d{{3}})+|\d+))"
UNIT = rf"(?P<unit>{alternatives(UNITS)})"
EDGE = r"(?P<edge>the\s+(?:end|beginning|start|middle)\s+of)\s+"
MODIFIER = rf"(?:(?P<mod>early|mid|late)(?:\s*-\s*|\s+)|{EDGE})"
WEEKDAY = rf"(?P<wd>{alternatives(WEEKDAYS)})"
OPERATOR = alternatives(OPERATORS)
#: What follows a number that is a count, not a year: "by 2000 troops", "of 2000 Kurdish fighters".
COUNTED = re.compile(rf"\s*%|\s+(?:[a-z-]+\s+)?(?:{'|'.join(COUNT_NOUNS)})\b", re.IGNORECASE)

# Markers of the sentence's tense. Future markers are tried first so that "expected to" or
# "planning to" are not read as past participles.
FUTURE_MARKERS = re.compile(
    # "was due to leave late Sunday" is a schedule that has passed: past, like "was"; "is due to" looks ahead
    r"\b(?:will|shall|won['’]t|(?:is|are|am)\s+(?:going|set|scheduled|expected|due|about)\s+to"
    r"|(?:was|were)\s+(?:going|set|expected|about)\s+to"
    r"|(?:is|are)\s+to|plans?\s+to|planning\s+to|intends?\s+to|intending\s+to|aims?\s+to)\b"
    r"|\w['’]ll\b",
    re.IGNORECASE,
)
PAST_MARKERS = re.compile(
    r"\b(?:said|told|was|were|had|did|didn['’]t|wasn['’]t|weren['’]t|hadn['’]t|went|came|left|"
    r"withdrew|began|took|sent|saw|fled|fought|met|struck|stated|reported|announced|confirmed|"
    r"arrived|crossed|entered|moved|pulled|deployed|launched|killed|attacked|claimed|ordered|"
    r"returned|added|noted|declared|agreed|seized|captured|ago)\b",
    re.IGNORECASE,
)
