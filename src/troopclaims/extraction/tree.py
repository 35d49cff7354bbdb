"""An article's sentences as spaCy parses them, addressed by offsets into the article's text.

Each sentence the rules cut (text.py) is parsed as a document of its own, so that a headline, a dateline
or a caption on its own line never joins the sentence after it. A dateline that opens a sentence
("KYIV (Reuters) -", "GAO, Mali —") is left out of what is parsed: the parser would otherwise take the
city for the subject of the sentence's verb, and its words for part of a speaker's name.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .pipeline import nlp, parse_all

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: "KYIV (Reuters) -", "GAO, Mali, Dec. 5 (AFP) —", "WASHINGTON —", "(Reuters) -", "MOSCOW:" at a sentence's start.
DATELINE_RE = re.compile(
    r"(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)*"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([A-Za-z][\w&.'’ -]{0,30}\))?"
    r"|\([A-Za-z][\w&.'’ -]{0,30}\))\s*(?:-{1,2}|—|–|:)\s+"
)


@dataclass(frozen=True)
class Piece:
    """One parsed sentence: its document and where its first character is in the article."""

    doc: Doc
    offset: int

    def start(self, token: Token) -> int:
        return self.offset + token.idx

    def end(self, token: Token) -> int:
        return self.offset + token.idx + len(token)

    def tokens(self, start: int, end: int) -> Iterator[Token]:
        """The tokens that begin in the article's text[start:end]."""
        for token in self.doc:
            at = self.offset + token.idx
            if at >= end:
                return
            if at >= start:
                yield token


_WORD_RE = re.compile(r"[A-Za-z][a-z'’]+")


@functools.cache
def _common_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    from .motion import FORCE_WORDS, MOVEMENT_WORDS
    from .saying import SAYING

    return frozenset(STOP_WORDS) | MOVEMENT_WORDS | FORCE_WORDS | SAYING


def sentence_case(text: str) -> str:
    """A headline in title case ("Minister Denies Troops in Kivu") with its common words in lower case.

    The parser reads every capitalised word of a title-case line as part of a name; lowering the words
    any English sentence uses (and the movement, force and saying words) gives it back its verbs. Names
    stay as written, and so does every offset: only the case of letters changes.
    """
    words = _WORD_RE.findall(text)
    if len(words) < 3 or text.rstrip().endswith((".", "?", "!", '"', "”")):
        return text
    if sum(word[0].isupper() for word in words) < 0.6 * len(words):
        return text
    common = _common_words()
    return _WORD_RE.sub(lambda m: m[0].lower() if m.start() and m[0].lower() in common else m[0], text)


#: Words any sentence that can hold a claim has: a figure, a number word, forces, a movement or saying.
_NUMBER_WORDS_RE = re.compile(
    r"\d|\b(?:hundreds?|thousands?|dozens?|tens|scores|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|several|few|handful|couple)\b", re.IGNORECASE)


#: A "sentence" longer than this (an endless line, a table run together) is not parsed: no claim's quote can be
#: that long (model.Claim.quote's limit), and the parser's time and memory grow with it.
LONGEST = 5000
#: Characters parsed in one article: a news article has a few thousand; the parser reads about 30 KB a second.
BUDGET = 60_000


def _worth_parsing(text: str, start: int, end: int) -> bool:
    from .motion import FORCE_RE, has_movement_hint
    from .people import CUE_RE

    return end - start <= LONGEST and bool(has_movement_hint(text, start, end) or FORCE_RE.search(text, start, end)
                or CUE_RE.search(text, start, end) or _NUMBER_WORDS_RE.search(text, start, end))


def dateline_end(text: str, start: int, end: int) -> int:
    """Where a sentence's text begins after the dateline that opens it (start when there is none)."""
    found = DATELINE_RE.match(text, start, end)
    return found.end() if found is not None else start


class ArticleParse:
    """The parsed sentences of one article, found by position."""

    def __init__(self, text: str, spans: Sequence[tuple[int, int]]) -> None:
        starts = [dateline_end(text, start, end) for start, end in spans]
        # Only sentences that can hold a claim or say who makes one are parsed, up to BUDGET characters an
        # article, none over LONGEST; the rules read the others, and the rest of an endless article, from the
        # words alone.
        wanted, budget = [], BUDGET
        for start, (_, end) in zip(starts, spans):
            wanted.append(budget >= end - start and _worth_parsing(text, start, end))
            budget -= (end - start) if wanted[-1] else 0
        parsed = iter(parse_all(sentence_case(text[start:end])
                                for start, (_, end), want in zip(starts, spans, wanted) if want))
        nothing = nlp().make_doc("")
        self.pieces = [Piece(next(parsed) if want else nothing, start) for start, want in zip(starts, wanted)]
        self._starts = [span[0] for span in spans]

    def at(self, position: int) -> Piece | None:
        """The parsed sentence holding a position of the article."""
        index = bisect.bisect_right(self._starts, position) - 1
        return self.pieces[index] if index >= 0 else None

    def sentence(self, index: int) -> Piece:
        return self.pieces[index]
