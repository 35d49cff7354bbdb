"""Reading an article's text: paragraphs, sentences, clauses, and where quotations open and close.

Offsets are code points of the text as given (a leading byte order mark included, if present).
Sentences never run over a line end: in plain-text news each line is a paragraph or a headline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .people import Attribution

# --- sentences ------------------------------------------------------------------------------------------------

_LINE_RE = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
# The look-behind makes a run of stops one match attempt, not one per stop (runs of dots were quadratic).
_END_RE = re.compile(r"(?<![.!?])[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9À-Þ])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen col lt sgt maj capt adm cmdr gov sen rep rev st jr sr no vs etc e.g i.e u.s u.k u.n "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp brig"
    " a.m p.m approx est".split()
)
_EDGE_JUNK = " \t\u00a0\u200b\u200c\u200d\u2060\ufeff\u00ad\u2009\u202f\u3000"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _EDGE_JUNK):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_JUNK):
        end -= 1
    return start, end


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for line in _LINE_RE.finditer(text):
        start, end = trim(text, line.start(), line.end())
        if start < end:
            yield start, end


def _sentences_in(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    begin = start
    for stop in _END_RE.finditer(text, start, end):
        word = re.search(r"([\w.]+)\.+$", text[max(begin, stop.start() - 12):stop.start() + 1])
        if word is not None:
            token = word[1].lower().rstrip(".")
            if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token) or "." in token:
                continue  # "Gen. Doe", "J. Doe", "U.S. forces": not the end of a sentence
        span = trim(text, begin, stop.end())
        if span[0] < span[1]:
            yield span
        begin = stop.end()
    span = trim(text, begin, end)
    if span[0] < span[1]:
        yield span


def iter_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans (start, end) in code points, in order; never across a line end, never empty."""
    for start, end in _paragraphs(text):
        yield from _sentences_in(text, start, end)


_AMOUNT_START = (
    r"(?:at\s+least|more\s+than|about|around|some|nearly|almost|over|up\s+to|as\s+many\s+as|an\s+estimated|\d|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|dozens|hundreds|thousands|tens)\b)"
)
_BETWEEN_RE = re.compile(r"\bbetween\s+[\w,.\u00a0\u2009\u202f-]+$", re.IGNORECASE)
AUXILIARY = r"(?:do|does|did|will|would|can|cannot|could|must|should|may|might|have|has|had|are|is|were|was)"
_CLAUSE_RE = re.compile(
    r";\s+|,\s+(?=(?:but|as|while|whereas|although|though|yet|where)\b)|\s+(?=but\b)|\s+[–—]\s+(?=(?:because|but|as|while)\b)"
    r"|,\s+(?=(?:denying|adding|saying|noting|stressing|insisting|warning|indicating|claiming|arguing|explaining)\b)"
    rf"|,?\s+and\s+(?={_AMOUNT_START})|\s+(?=and\s+that\b)|\s+(?=and\s+{AUXILIARY}\b)"
)


def iter_clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Clause spans of the sentence text[start:end]."""
    begin = start
    for cut in _CLAUSE_RE.finditer(text, start, end):
        if _BETWEEN_RE.search(text, max(begin, cut.start() - 40), cut.start()):
            continue  # "between 150 and 200": one amount, not two clauses
        span = trim(text, begin, cut.start())
        if span[0] < span[1]:
            yield span
        begin = cut.end()
    span = trim(text, begin, end)
    if span[0] < span[1]:
        yield span


# --- quotation state ------------------------------------------------------------------------------------------

@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int
    opens_inside: bool = False  # a quotation opened earlier is still open where the sentence begins
    closes_open: bool = False  # the sentence ends inside an open quotation
    quoted: bool = False  # the sentence has quotation marks
    clauses: list[tuple[int, int]] = field(default_factory=list)
    attributions: list[Attribution | None] = field(default_factory=list)
    republished: str | None = None  # the source of republished text this sentence is part of


_QUOTE_CHARS = re.compile("[\u201c\u201d\"]")


def read_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    carried = False  # a quotation left open at the end of the previous paragraph
    for number, (p_start, p_end) in enumerate(_paragraphs(text)):
        inside = False
        first = True
        for start, end in _sentences_in(text, p_start, p_end):
            starts_quote = text[start] in "\u201c\"\u2018'"
            sentence = Sentence(start, end, number)
            sentence.opens_inside = inside or (first and carried and starts_quote)
            marks = _QUOTE_CHARS.findall(text, start, end)
            for mark in marks:
                inside = True if mark == "\u201c" else False if mark == "\u201d" else not inside
            sentence.quoted = bool(marks)
            sentence.closes_open = inside
            sentence.clauses = list(iter_clauses(text, start, end))
            sentences.append(sentence)
            first = False
        carried = inside
    return sentences


# --- quote uniqueness, folded as the anchoring of quotes folds them (see anchors.py) --------------------------

_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACE_RE = re.compile(r"\s+")
_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'})


def fold_text(text: str) -> str:
    return _SPACE_RE.sub(" ", _INVISIBLE_RE.sub("", text)).translate(_MARKS)


def occurs_once(folded_article: str, needle: str) -> bool:
    if not needle:
        return False
    first = folded_article.find(needle)
    return first != -1 and folded_article.find(needle, first + 1) == -1
