"""The date of a claim: the time expression of its clause nearest to the count or the verb.

A date belongs to the event of its own phrase: "3,000 troops in a mission launched in 2015" does not
date the presence, and "within four weeks" in a statement of fact is someone else's deadline.
Relative dates resolve against the publication date, with the tense of the words around them.
"""

from __future__ import annotations

import re
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
             count: tuple[int, int] | None, fact: bool) -> When | None:
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
        if not expressions:
            return None
        chosen = min(expressions, key=lambda e: abs(e.start - focus))
        at, until = chosen.start + start, chosen.end + start
        if _PAST_BEFORE_RE.search(self.text, max(sentence[0], at - 25), at) or _PAST_AFTER_RE.match(self.text, until, sentence[1]):
            tense: Literal["past", "future"] | None = "past"  # "said Sunday", "on Monday confirmed", "On June 3, it became known"
        else:
            tense = guess_tense(self.text[sentence[0]:sentence[1]], at - sentence[0])
        resolved = resolve(chosen.text, self.published, tense=tense)
        value = resolved.value if self.published is not None else None
        return When(text=one_line(chosen.text) or chosen.text, value=value, kind=resolved.kind)
