"""Anchoring quotes in their articles, strictly.

A quote matches its article when the two are equal after two forgivable differences are
folded away: runs of white space (including no-break and zero-width spaces, and line ends),
and typographic versus straight quotation marks. Nothing else is forgiven, and nothing is
re-anchored by similarity: a near miss is reported, never attached to a look-alike passage.

Offsets are code points of the decoded article (Python string indices), end exclusive.
"""

from __future__ import annotations

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


def fold(text: str) -> Folded:
    chars: list[str] = []
    origin: list[int] = []
    in_space = False
    for index, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        if char.isspace():
            if not in_space:
                chars.append(" ")
                origin.append(index)
            in_space = True
            continue
        in_space = False
        chars.append(char)
        origin.append(index)
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
