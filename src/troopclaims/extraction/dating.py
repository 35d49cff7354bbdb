"""The date of a claim: the time expression of its clause nearest to the count or the verb.

A date belongs to the event of its own phrase: "3,000 troops in a mission launched in 2015" does not
date the presence, and "within four weeks" in a statement of fact is someone else's deadline.
Relative dates resolve against the publication date, with the tense of the words around them.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from ..datafile import DateValue, When
from .text import one_line

if TYPE_CHECKING:
    from ..time import Expression

_DEADLINE_RE = re.compile(r"(?:within|by|until|before)\b", re.IGNORECASE)
#: A noun other than the forces, then a participle or relative clause, right before a date: the date is that noun's.
_OTHER_EVENT_RE = re.compile(
    r"\b(?:a|an|the|its|their|this|that)\s+(?:[a-z-]+\s+)?(?!(?:troops|soldiers|forces|personnel|marines|units)\b)[a-z]+\s+"
    r"(?:(?:which|that)\s+(?:\w+\s+){0,3}?|(?:[a-z]+ed|begun|began|set\s+up|undertaken|signed|agreed|founded)\s+)"
    r"(?:(?:in|on|since|during|at)\s+)?$"
)
#: What a date expression needs: a digit, a day or month name, or a word for a span of time.
_TIME_HINT_RE = re.compile(
    r"\d|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
    r"|\b(?i:ago|yesterday|today|tomorrow|tonight|night|morning|afternoon|evening|weekend|weeks?|months?|years?|"
    r"days?|hours?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)


#: A verb in the past right next to a date makes the date past, whatever the tense of the rest of the sentence:
#: "said Sunday that troops will leave" is the Sunday before, not the one after.
_PAST_VERB = r"(?:said|told|became|began|took|came|went|made|saw|met|held|sent|flew|[a-z]{3,}ed)"
_PAST_BEFORE_RE = re.compile(rf"\b{_PAST_VERB}\s+(?:(?:late|early|earlier|on|last)\s+)?$")
_PAST_AFTER_RE = re.compile(rf",?\s+(?:(?:it|he|she|they|officials|the\s+\w+)\s+)?{_PAST_VERB}\b")


#: A date that dates a photo, not the story: "AFP file photo taken on 12 January 2019" glued to a headline.
_CAPTION_RE = re.compile(r"\b(?:photo|photograph|picture|image|file|caption)\b[^.!?\n]{0,30}$", re.IGNORECASE)
#: A date that dates the announcement, not the movement announced: "announced on Thursday that troops would leave".
_ANNOUNCED_RE = re.compile(
    r"\b(?:announced|ordered|decided|declared|unveiled|pledged|promised|vowed)\s+(?:(?:late|early|on)\s+)?$", re.IGNORECASE
)
_SAID_RE = re.compile(r"\b(?:said|says|told|stated|added|tweeted|wrote)\s+(?:(?:late|early|on)\s+)?$", re.IGNORECASE)
#: A day of the month alone: "on the 16th". Its month is the last one the article named before it.
_ORDINAL_DAY_RE = re.compile(
    r"\b(?:on\s+)?the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\b|century|anniversary|day|floor|division|brigade|"
    r"battalion|regiment|army|fleet|corps|time|round|year|week|month|[A-Z]))"
)
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_MONTH_RE = re.compile(
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>\d{4}))?\b"
)


def _context_month(text: str, before: int, published: DateValue) -> tuple[int, int]:
    """(year, month) for "the 16th" at offset before: the last month named before it, else the publication's."""
    named = None
    for m in _MONTH_RE.finditer(text, max(0, before - 3000), before):
        named = m
    pub = published.start
    if named is None:
        return pub.year, pub.month
    month = next(i for i, name in enumerate(_MONTH_NAMES, 1) if name.startswith(named["month"].lower()[:3]))
    year = int(named["year"]) if named["year"] else (pub.year if month <= pub.month else pub.year - 1)
    return year, month


#: How long a movement is to take: "will take three weeks" ends it by then, counted from the day it was written.
_TAKES_RE = re.compile(
    r"\b(?:will|would|is\s+to|are\s+to|should|could|to)\s+(?:take|last)\s+(?:about\s+|around\s+|up\s+to\s+|some\s+)?"
    r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?|months?)\b",
    re.IGNORECASE,
)
_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                  "nine": 9, "ten": 10}


class Dates:
    """Dates of claims in one article; each piece of text is tagged once."""

    def __init__(self, text: str, published: DateValue | None) -> None:
        self.text = text
        self.published = published
        self._expressions: dict[tuple[int, int], list[Expression]] = {}

    def _tagged(self, sentence: tuple[int, int], start: int, end: int) -> list[Expression]:
        """Expressions of text[start:end] (offsets from start): the sentence is tagged once for all its clauses."""
        # the tagger is only needed once there is a claim to date
        from ..time import Expression, find_expressions

        if sentence not in self._expressions:
            # The tagger runs a dozen patterns: only where a date can be (a digit or a word of time).
            piece = self.text[sentence[0]:sentence[1]]
            self._expressions[sentence] = find_expressions(piece) if _TIME_HINT_RE.search(piece) else []
        shift = start - sentence[0]
        return [Expression(e.start - shift, e.end - shift, e.text) for e in self._expressions[sentence]
                if e.start >= shift and e.end <= end - sentence[0]]

    def date(self, piece: tuple[int, int], sentence: tuple[int, int], focus: int, *,
             count: tuple[int, int] | None, fact: bool, moving: bool = False) -> When | None:
        """The date of the claim whose count or verb is at focus, read in text[piece]; count: the amount's span."""
        from ..time import guess_tense, resolve

        start, end = piece
        expressions = self._tagged(sentence, start, end)
        if count is not None:
            expressions = [e for e in expressions if e.end + start <= count[0] or e.start + start >= count[1]]
        focus -= start
        # "3,000 troops in a mission launched in 2015": a date inside a phrase about another noun dates that noun.
        text = self.text[start:end]
        expressions = [e for e in expressions if e.start <= focus or not _OTHER_EVENT_RE.search(text, focus, e.start)]
        if fact:
            # "within four weeks" sets a deadline; in a statement of fact it belongs to something else.
            expressions = [e for e in expressions if not _DEADLINE_RE.match(e.text)]
        expressions = [e for e in expressions if not self._elsewhere(e.start + start, sentence, moving and not fact)]
        ordinal = self._ordinal_day(piece, focus + start, expressions)
        if ordinal is not None:
            return ordinal
        takes = self._takes(piece)
        if takes is not None:
            return takes
        if not expressions:
            return None
        chosen = min(expressions, key=lambda e: abs(e.start - focus))
        at, until = chosen.start + start, chosen.end + start
        if _PAST_BEFORE_RE.search(self.text, max(sentence[0], at - 25), at) or _PAST_AFTER_RE.match(self.text, until, sentence[1]):
            tense: Literal["past", "future"] | None = "past"  # "said Sunday", "on Monday confirmed", "On May 9, it emerged"
        else:
            tense = guess_tense(self.text[sentence[0]:sentence[1]], at - sentence[0])
        resolved = resolve(chosen.text, self.published, tense=tense)
        value = resolved.value if self.published is not None else None
        return When(text=one_line(chosen.text) or chosen.text, value=value, kind=resolved.kind)

    def _elsewhere(self, at: int, sentence: tuple[int, int], planned_move: bool) -> bool:
        """Does the date at offset `at` date something else: a photo, an announcement, or (for a planned move) the saying?

        "Said Sunday that troops will move": Sunday is when it was said, not when they move. A stay or a fact
        keeps the day it was said: forces said to remain are there as of that day.
        """
        before = self.text[max(sentence[0], at - 40):at]
        if _CAPTION_RE.search(before) or _ANNOUNCED_RE.search(before):
            return True
        return planned_move and _SAID_RE.search(before) is not None

    def _takes(self, piece: tuple[int, int]) -> When | None:
        """ "Will take three weeks": the movement is to end within that time of the day it was written."""
        found = _TAKES_RE.search(self.text, piece[0], piece[1])
        if found is None or self.published is None:
            return None
        n = int(found["n"]) if found["n"].isdigit() else _SMALL_NUMBERS[found["n"].lower()]
        unit = found["unit"].lower().rstrip("s")
        anchor = self.published.end
        if unit == "month":
            month = anchor.month - 1 + n
            end = date(anchor.year + month // 12, month % 12 + 1, min(anchor.day, 28))
        else:
            end = anchor + timedelta(days=n * (7 if unit == "week" else 1))
        return When(text=found[0], value=end.isoformat(), kind="deadline")

    def _ordinal_day(self, piece: tuple[int, int], focus: int, expressions: list[Expression]) -> When | None:
        """ "On the 16th", when it is nearer the claim than any other date: the day of the month last named before it."""
        if self.published is None:
            return None
        days = list(_ORDINAL_DAY_RE.finditer(self.text, piece[0], piece[1]))
        if not days:
            return None
        best = min(days, key=lambda m: abs(m.start() - focus))
        if any(abs(e.start + piece[0] - focus) < abs(best.start() - focus) for e in expressions):
            return None
        year, month = _context_month(self.text, best.start(), self.published)
        try:
            day = date(year, month, int(best["day"]))
        except ValueError:
            return None
        return When(text=best[0], value=day.isoformat())
