"""Amounts in English news prose: digits, number words, ranges, vague amounts and their hedges.

Everything here works on plain strings and offsets (code points), so the extractor, the data-file
checker and the benchmarks share one reading of "about 1,000", "a few hundred" or "200-300".

Vague amounts are mapped to bounds so that the comparison engine can still measure them.
The bounds are ours, chosen to be wide rather than precise; this table is the one place
they are written down:

=========================  ===================  ========================================
as written                 low - high           why
=========================  ===================  ========================================
a small number of          (no bounds)          kept as words only
a large number of          (no bounds)
a couple of                2 - 3
a handful of               2 - 9
a few                      2 - 9
several                    3 - 9
dozens (of)                24 - 99              two dozen up to where "hundreds" begins
scores (of)                40 - 99              two score up to where "hundreds" begins
(a) few dozen              24 - 60
several dozen              36 - 108             three to nine dozen
a couple of hundred        200 - 300
a couple of thousand       2,000 - 3,000
(a) few hundred            200 - 500
several hundred            300 - 900
hundreds (of)              200 - 999
(a) few thousand           2,000 - 5,000
several thousand           3,000 - 9,000
thousands (of)             2,000 - 9,999
tens of thousands          20,000 - 99,999
hundreds of thousands      200,000 - 999,999
millions (of)              2,000,000 - 9,999,999
=========================  ===================  ========================================

Hedges (qualifiers) are read as follows; "nearly" and "almost" count as "about" because
reporters use them for figures just short of a round number, which "about" covers:

* about: about, around, roughly, approximately, some, an estimated, nearly, almost, close to,
  circa, "or so" after the number;
* more_than: more than, over, upwards of, in excess of, above, "-plus"/"+" after the number;
* at_least: at least, no fewer than, no less than, a minimum of, "or more" after the number;
* up_to: up to, as many as, no more than, a maximum of, at most;
* fewer_than: fewer than, less than, under, below.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

QualifierName = Literal["exact", "about", "more_than", "at_least", "up_to", "fewer_than", "range", "vague"]

#: Counts above this are not counts of anything the model holds (see model.MAX_COUNT).
_LARGEST = 10_000_000_000

VAGUE_BOUNDS: dict[str, tuple[int | None, int | None]] = {
    "a small number of": (None, None),
    "a large number of": (None, None),
    "a couple of": (2, 3),
    "a handful of": (2, 9),
    "a few": (2, 9),
    "several": (3, 9),
    "dozens": (24, 99),
    "scores": (40, 99),
    "a few dozen": (24, 60),
    "few dozen": (24, 60),
    "several dozen": (36, 108),
    "a couple of hundred": (200, 300),
    "a couple of thousand": (2_000, 3_000),
    "a few hundred": (200, 500),
    "few hundred": (200, 500),
    "several hundred": (300, 900),
    "hundreds": (200, 999),
    "a few thousand": (2_000, 5_000),
    "few thousand": (2_000, 5_000),
    "several thousand": (3_000, 9_000),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
}

_QUALIFIER_WORDS: dict[str, QualifierName] = {
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "approx.": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "nearly": "about", "almost": "about",
    "close to": "about", "circa": "about", "around about": "about", "approx": "about", "an approximate": "about",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than", "upward of": "more_than",
    "in excess of": "more_than", "above": "more_than", "greater than": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least", "not less than": "at_least",
    "not fewer than": "at_least", "a minimum of": "at_least",
    "up to": "up_to", "as many as": "up_to", "no more than": "up_to", "not more than": "up_to",
    "a maximum of": "up_to", "at most": "up_to", "as much as": "up_to",
    "fewer than": "fewer_than", "less than": "fewer_than", "under": "fewer_than", "below": "fewer_than",
}

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "k": 1_000, "mln": 1_000_000, "mn": 1_000_000, "m": 1_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000,
}


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so that "seventeen" is not read as "seven" followed by junk.
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_WORD = _alternation(list(_SMALL) + list(_TENS) + ["hundred", "thousand", "million", "billion", "dozen"])
_SP = r"[ \t\u00a0]"
_W = rf"(?:{_WORD})\b"
# Between number words: a hyphen ("Five-thousand", "twenty-five"), a space, or "and" after a scale
# word ("two hundred and fifty") -- never "and" elsewhere, so "between two and three" stays two numbers.
_WSEP = rf"(?:{_SP}*-{_SP}*|(?:(?<=hundred)|(?<=thousand)|(?<=million)){_SP}+and{_SP}+|{_SP}+)"
_WORDS = rf"\b(?:an?{_SP}+(?=(?:hundred|thousand|million|billion|dozen)\b))?{_W}(?:{_WSEP}{_W})*"
# Digits with thousands separators: commas, or thin/no-break spaces (never a dot: "5.2" is a decimal;
# never a plain space, which would glue "in 2019 300 troops" into one number). A scale word may follow,
# and a few abbreviations when glued to the figure ("$30mln", "5k").
_DIGITS = (
    r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u2009\u202f\u00a0]\d{3})+|\d+)(?:\.\d+)?"
    rf"(?:{_SP}?(?:million|billion|thousand)\b|(?:mln|bln|mn|bn|k)\b)?(?![\d])"
)
_NUMBER = rf"(?:{_DIGITS}|{_WORDS})"
_VAGUE = _alternation(
    [
        "a couple of hundred", "a couple hundred", "a couple of thousand", "a couple thousand", "a few hundred",
        "several hundred", "hundreds of thousands",
        "tens of thousands", "a few thousand", "several thousand", "a few dozen", "several dozen",
        "hundreds", "thousands", "millions", "dozens", "scores", "a handful of", "a couple of", "a few", "several",
        "few hundred", "few thousand", "few dozen", "a small number of", "a large number of",
    ]
)
_QUALIFIER = _alternation(_QUALIFIER_WORDS)
_ADVERB = r"(?:just|well|slightly|a little|far|much)"

AMOUNT_RE = re.compile(
    # A hedge may stand in quotation marks of its own: 'there were "well over" 100,000 troops'.
    rf"(?:(?P<qual>(?:{_ADVERB}{_SP}+)?\b(?:{_QUALIFIER}))[\"”’']?{_SP}+)?"
    rf"(?:"
    # A stray full stop inside a range ("between 1,500 and. 2,000", "1,500.-2,000") is a slip, not a sentence end.
    rf"(?P<between>\bbetween{_SP}+(?P<blo>{_NUMBER}){_SP}+and\.?{_SP}+(?P<bhi>{_NUMBER}))"
    # "200-300" only between digits: between words the hyphen joins one number ("twenty-five").
    # A third part ("2019-10-22") makes it a date, not a range.
    rf"|(?<!\d[-/])(?P<dlo>{_DIGITS})\.?{_SP}*[-\u2013\u2014]{_SP}*(?P<dhi>{_DIGITS})(?![-/]\d)"
    rf"|(?P<lo>{_NUMBER}){_SP}+(?:to|or){_SP}+(?P<hi>{_NUMBER})"
    rf"|(?P<vague>\b(?:{_VAGUE})\b)"
    rf"|(?P<num>{_NUMBER})"
    rf")"
    rf"(?P<post>{_SP}+or{_SP}+(?:more|so)\b|-?plus\b|\+|-odd\b)?",
    re.IGNORECASE,
)
_ALTERNATIVES = ("between", "dlo", "lo", "vague", "num")
@dataclass(frozen=True)
class Amount:
    """One amount found in a text; start and end are code-point offsets (end exclusive)."""

    start: int
    end: int
    text: str
    qualifier: QualifierName
    value: int | None = None
    low: int | None = None
    high: int | None = None
    #: Where the figure itself starts, after any hedge ("about "): what precedes that tells money from men.
    number_start: int = 0

    def bounds(self) -> tuple[int, int | None]:
        if self.qualifier in ("range", "vague"):
            return (self.low or 0, self.high)
        return (self.value or 0, self.value)

    @property
    def words(self) -> str:
        """The amount as written without its hedge: "hundreds" in "hundreds of", "1,000" in "about 1,000"."""
        written = self.text[self.number_start - self.start:]
        return re.sub(r"\s+of$", "", written, flags=re.IGNORECASE) if self.qualifier == "vague" else written

    def numbers(self) -> tuple[int, ...]:
        """The figures written in the text (not the bounds a vague amount implies)."""
        if self.qualifier == "range":
            return tuple(n for n in (self.low, self.high) if n is not None)
        if self.qualifier == "vague":
            return ()
        return () if self.value is None else (self.value,)


def parse_number(text: str) -> int | None:
    """The value of one number as written ("1,000", "2.5 million", "two hundred and fifty"), or None."""
    cleaned = text.strip().lower().replace("\u00a0", " ")
    if not cleaned:
        return None
    if cleaned[0].isdigit():
        return _parse_digits(cleaned)
    return _parse_words(cleaned)


def _parse_digits(text: str) -> int | None:
    match = re.fullmatch(r"([\d,\u2009\u202f ]+?(?:\.\d+)?) ?([a-z]*)", text)
    if not match:
        return None
    digits = re.sub(r"[,\u2009\u202f ]", "", match[1])
    scale = _SCALES.get(match[2], 1) if match[2] else 1
    if match[2] and match[2] not in _SCALES:
        return None
    try:
        value = round(float(digits) * scale) if "." in digits else int(digits) * scale
    except ValueError:
        return None
    return value if value <= _LARGEST else None


def _parse_words(text: str) -> int | None:
    tokens = [t for t in re.split(r"[\s-]+", text) if t and t != "and"]
    if tokens and tokens[0] in ("a", "an"):
        tokens[0] = "one"
    total = current = 0
    seen = False
    for token in tokens:
        if token in _SMALL or token in _TENS:
            small = _SMALL.get(token, _TENS.get(token, 0))
            # "twenty five" adds; "five three" is not a number we understand.
            if current % 100 and not (current % 100 in _TENS.values() and small < 10):
                return None
            current += small
        elif token == "hundred":
            current = (current or 1) * 100
        elif token == "dozen":
            current = (current or 1) * 12
        elif token in ("thousand", "million", "billion"):
            total += (current or 1) * _SCALES[token]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _scaled_low(low_text: str, low: int, high_text: str, high: int) -> int:
    """'two to three thousand' means 2,000-3,000: the scale word of the high end applies to the low end."""
    words = high_text.lower().split()
    scale = _SCALES.get(words[-1].strip("-"), 0) if words else 0
    if scale >= 100 and low < scale and not low_text.strip().lower().endswith(tuple(_SCALES)) and low * scale <= high:
        return low * scale
    return low


def _qualifier(match: re.Match[str]) -> QualifierName:
    qual = match["qual"]
    if not qual:
        return "exact"
    words = squash(re.sub(rf"^{_ADVERB}\s+", "", qual, flags=re.IGNORECASE))
    return _QUALIFIER_WORDS.get(words, "exact")


def _amount(match: re.Match[str]) -> Amount | None:
    """The amount a match stands for; None when the words parse to no number or to a reversed range."""
    qualifier = _qualifier(match)
    post = (match["post"] or "").strip().lower()
    number_start = min(match.start(g) for g in _ALTERNATIVES if match.start(g) >= 0)
    start, end, text = match.start(), match.end(), match[0]
    if match["vague"]:
        key = squash(match["vague"]).replace("a couple hundred", "a couple of hundred").replace(
            "a couple thousand", "a couple of thousand")
        low, high = VAGUE_BOUNDS[key]
        return Amount(start, end, text, "vague", None, low, high, number_start)
    low_text = match["blo"] or match["dlo"] or match["lo"]
    high_text = match["bhi"] or match["dhi"] or match["hi"]
    if low_text and high_text:
        low, high = parse_number(low_text), parse_number(high_text)
        if low is None or high is None:
            return None
        low = _scaled_low(low_text, low, high_text, high)
        if low >= high:
            return None
        return Amount(start, end, text, "range", None, low, high, number_start)
    value = parse_number(match["num"])
    if value is None:
        return None
    if qualifier == "exact":
        qualifier = _POST_QUALIFIERS.get(post, "exact")
    return Amount(start, end, text, qualifier, value, None, None, number_start)


_POST_QUALIFIERS: dict[str, QualifierName] = {
    "or more": "at_least", "or so": "about", "-odd": "about", "plus": "more_than", "-plus": "more_than", "+": "more_than",
}


def squash(text: str) -> str:
    return " ".join(text.lower().split())


def find_amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every amount in text[start:end], in order, with offsets into text.

    Hedges that are ordinary words elsewhere ("some of its troops", "over the border") only
    count when a number follows them, which the pattern requires. What looks like a range but
    runs backwards ("from 5,000 to 3,000") is read as its two numbers.
    """
    found: list[Amount] = []
    stop = len(text) if end is None else end
    at = start
    while at < stop:
        match = _search(text, at, stop)
        if match is None:
            break
        amount = _amount(match)
        if amount is not None:
            found.append(amount)
            at = max(match.end(), at + 1)
            continue
        # Read the first number alone, then carry on from just after it.
        first = (match.start("blo"), match.end("blo")) if match["blo"] else (
            (match.start("dlo"), match.end("dlo")) if match["dlo"] else (match.start("lo"), match.end("lo")))
        if first[0] >= 0:
            single = AMOUNT_RE.fullmatch(text, match.start(), first[1])
            if single is not None and (lone := _amount(single)) is not None:
                found.append(lone)
            at = first[1]
        else:
            at = match.end()
        at = max(at, match.start() + 1)
    return found


_CORE_WORDS = frozenset(
    [*_SMALL, *_TENS, "hundred", "thousand", "million", "billion", "dozen", "hundreds", "thousands", "millions",
     "dozens", "scores", "tens", "few", "several", "handful", "couple", "number"]
)
_WORD_RE = re.compile(r"\d+|[A-Za-z]+")
_WORD_START_RE = re.compile(r"(?<![\w’.,$-])(?<!\w')[A-Za-z0-9]")  # after an opening ' but not in "don't"


_LOWER_WORD_RE = re.compile(r"[a-z]+")
_DIGIT_RE = re.compile(r"\d")


def has_amount_hint(text: str, start: int = 0, end: int | None = None) -> bool:
    """Could text[start:end] hold an amount at all (a digit or a number word)? A cheap test before reading."""
    piece = text[start:end]
    return _DIGIT_RE.search(piece) is not None or not _CORE_WORDS.isdisjoint(_LOWER_WORD_RE.findall(piece.lower()))


def _search(text: str, at: int, stop: int) -> re.Match[str] | None:
    """The first amount at or after at.

    The full pattern is costly to try at every position, so it is tried only where an amount can
    be: at a digit or a number word, and up to three words before it, where a hedge would start.
    """
    for word in _WORD_RE.finditer(text, at, stop):
        core = word[0]
        if not (core[0].isdigit() or core.lower() in _CORE_WORDS):
            continue
        floor = max(at, word.start() - 32)
        starts = [floor + m.start() for m in _WORD_START_RE.finditer(text[floor:word.start()])][-3:]
        for begin in (*starts, word.start()):
            match = AMOUNT_RE.match(text, begin, stop)
            if match is not None and match.end() > word.start():
                return match
    return None


def parse_amount(text: str) -> Amount | None:
    """The amount if text is one amount and nothing else ("about 1,000", "a few hundred"), else None."""
    stripped = text.strip()
    match = AMOUNT_RE.fullmatch(stripped)
    return _amount(match) if match else None


