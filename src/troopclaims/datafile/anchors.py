"""Anchoring quotes in their articles, strictly.

A quote matches its article when the two are equal after two forgivable differences are
folded away: runs of white space (including no-break and zero-width spaces, and line ends),
and typographic versus straight quotation marks. Nothing else is forgiven, and nothing is
re-anchored by similarity: a near miss is reported, never attached to a look-alike passage.

Offsets are code points of the decoded article (Python string indices), end exclusive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTE_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                              "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'})
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


@dataclass(frozen=True)
class Folded:
    """An article with forgivable differences folded, and where each folded character came from."""

    text: str
    origin: tuple[int, ...]  # origin[i] is the article index of folded character i

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Article span of the folded span [start, end)."""
        return (self.origin[start], self.origin[end - 1] + 1)


_FOLDED = "\\s" + "".join(sorted(_INVISIBLE))
#: A run of white space and invisible characters that folding changes: any but one plain space between two
#: other characters. It folds to one space where its white space starts, or to nothing when it has none.
_RUN = re.compile(f"(?! (?![{_FOLDED}]))[{_FOLDED}]+")


def fold(text: str) -> Folded:
    # Only the runs that change are visited: most spaces of an article, and every space of most quotes,
    # stay as they are. Checking a story's quotes against its articles is a first run's work; visiting every
    # character made it 4 times slower on the bundled data. (re's \s is str.isspace: both Unicode's White_Space.)
    chars: list[str] = []
    origin: list[int] = []
    last = 0
    for run in _RUN.finditer(text):
        start, end = run.span()
        chars.append(text[last:start])
        origin.extend(range(last, start))
        space = next((index for index in range(start, end) if text[index].isspace()), None)
        if space is not None:
            chars.append(" ")
            origin.append(space)
        last = end
    if not last:
        return Folded(text.translate(_QUOTE_MARKS), tuple(range(len(text))))
    chars.append(text[last:])
    origin.extend(range(last, len(text)))
    return Folded("".join(chars).translate(_QUOTE_MARKS), tuple(origin))


def fold_quote(quote: str) -> str:
    return fold(quote).text.strip(" ")


def find_quote(article: Folded, quote: str, *, limit: int | None = None, start: int = 0) -> list[tuple[int, int]]:
    """Every place quote occurs in the article, as article spans; overlapping occurrences count.

    With limit, stop after that many: a one-letter quote in a five-megabyte article occurs
    millions of times, and a caller that only needs to know "once or more than once" should not
    pay for listing them all. start (in folded characters) skips what comes before it.
    """
    needle = fold_quote(quote)
    if not needle:
        return []
    spans: list[tuple[int, int]] = []
    at = article.text.find(needle, start)
    while at != -1 and (limit is None or len(spans) < limit):
        spans.append(article.span(at, at + len(needle)))
        at = article.text.find(needle, at + 1)
    return spans


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
