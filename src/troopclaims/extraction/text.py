"""Reading an article's text: paragraphs, sentences, clauses, and where quotations open and close.

Offsets are code points of the text as given (a leading byte order mark included, if present).
A line end is a paragraph end, unless it is a soft break (see soften_breaks): text pasted from a PDF,
an e-mail or a wire feed is wrapped inside its sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from .people import Attribution

# --- sentences ------------------------------------------------------------------------------------------------

_LINE_RE = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
# The look-behind makes a run of stops one match attempt, not one per stop (runs of dots were quadratic).
# A stop glued to the next sentence ("said.One of", 'later.”The') still ends it after a lower-case word.
# The pattern opens with the stop itself so that the scan skips ahead to stops (a look-behind first makes
# the engine try every position); the look-behind after it makes a run of stops one match attempt.
_END_RE = re.compile(
    r"[.!?](?<![.!?][.!?])[.!?]*(?:[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9À-Þ])|(?<=[a-z]{2}[.!?])[\"”’]?(?=[\"“]?[A-Z][a-z]))"
)
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


_RAW_LINE_RE = re.compile(r"([^\r\n]*)(\r\n|\r|\n)?")
#: A line that ends like this has finished its sentence (or is a heading such as "X reports:").
_FINISHED_RE = re.compile(r"[.!?:;\u2026][\"\u201d\u2019')\]]*$")
#: Words that cannot end a sentence: a line ending in one of them runs on.
_RUNS_ON = frozenset(
    "and or but nor the a an of to in on at by for with from into than that as about between said says told "
    "including whose which who its their his her our".split()
)
_WRAP_MIN = 40  # a wrapped line is at least this long...
_WRAP_SHARE = 0.6  # ...and at least this share of the longest line of its block


def soften_breaks(text: str) -> str:
    """text with each soft line break (one that falls inside a sentence) replaced by spaces, same length.

    A break is soft when the line before it does not finish a sentence and either the next line starts
    in lower case, the line ends on a comma or a word no sentence ends with, or the block of lines is
    hard-wrapped (three or more lines, this one near the block's width). A blank line always ends a
    paragraph. Offsets into the result are offsets into text, so quotes are still cut from text.
    """
    if "\n" not in text and "\r" not in text:
        return text
    lines = [(m.start(1), m.end(1), m.end()) for m in _RAW_LINE_RE.finditer(text) if m.end() > m.start()]
    soft: list[tuple[int, int]] = []
    block: list[tuple[int, int, int]] = []
    for line in [*lines, (len(text), len(text), len(text))]:
        if text[line[0]:line[1]].strip():
            block.append(line)
            continue
        soft.extend(_soft_in_block(text, block))
        block = []
    if not soft:
        return text
    chars = list(text)
    for start, end in soft:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _soft_in_block(text: str, block: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    if len(block) < 2:
        return []
    widths = [len(text[s:e].strip()) for s, e, _ in block]
    widest = max(widths)
    wrapped = len(block) >= 3
    found = []
    for (start, end, brk), (next_start, next_end, _), width in zip(block, block[1:], widths):
        line = text[start:end].rstrip()
        following = text[next_start:next_end].lstrip()
        if not line or not following or _FINISHED_RE.search(line):
            continue
        last_word = line.rsplit(None, 1)[-1].lower()
        if (following[0].islower() or line.endswith((",", "-", "\u2013", "\u2014")) or last_word in _RUNS_ON
                or (wrapped and width >= _WRAP_MIN and width >= _WRAP_SHARE * widest)):
            found.append((end, brk))
    return found


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for line in _LINE_RE.finditer(text):
        start, end = trim(text, line.start(), line.end())
        if start < end:
            yield start, end


#: The longest stretch read as one sentence. News sentences are a few hundred characters; past this, a
#: "sentence" (a text with no stops, or one endless line) is read in pieces of at most this length, so
#: that the rules, some of which look across a whole sentence, cost time in proportion to the text.
MAX_SENTENCE = 1000


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """start..end cut at white space into spans of at most MAX_SENTENCE characters (a long word is cut anyway)."""
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        span = trim(text, start, cut)
        if span[0] < span[1]:
            yield span
        start = cut
    span = trim(text, start, end)
    if span[0] < span[1]:
        yield span


def _sentences_in(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for begin, stop in _whole_sentences_in(text, start, end):
        if stop - begin > MAX_SENTENCE:
            yield from _pieces(text, begin, stop)
        else:
            yield begin, stop


def long_sentences(text: str) -> list[str]:
    """A note for each sentence longer than MAX_SENTENCE, which the extractor reads in pieces."""
    softened = soften_breaks(text)  # same offsets as text: only line breaks become spaces
    notes: list[str] = []
    line, counted = 1, 0  # lines counted up to offset `counted`, so the whole text is counted once
    for p_start, p_end in _paragraphs(softened):
        for start, end in _whole_sentences_in(softened, p_start, p_end):
            if end - start > MAX_SENTENCE:
                line, counted = line + text.count("\n", counted, start), start
                notes.append(f"line {line} has a sentence of {end - start:,} characters; "
                             f"it was read in pieces of at most {MAX_SENTENCE:,}")
    return notes


_RANGE_SLIP_RE = re.compile(r"\bbetween\s+[\d,]+\s+and\.$", re.IGNORECASE)
_DIGIT_NEXT_RE = re.compile(r"\s*\d")


def _whole_sentences_in(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    begin = start
    for stop in _END_RE.finditer(text, start, end):
        word = re.search(r"([\w.]+)\.+$", text[max(begin, stop.start() - 12):stop.start() + 1])
        if word is not None:
            token = word[1].lower().rstrip(".")
            if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token) or "." in token:
                continue  # "Gen. Doe", "J. Doe", "U.S. forces": not the end of a sentence
        if _RANGE_SLIP_RE.search(text, max(begin, stop.start() - 40), stop.start() + 1) and _DIGIT_NEXT_RE.match(text, stop.end()):
            continue  # "between 1,500 and. 2,000": a slip inside a range, not the end of a sentence
        span = trim(text, begin, stop.end())
        if span[0] < span[1]:
            yield span
        begin = stop.end()
    span = trim(text, begin, end)
    if span[0] < span[1]:
        yield span


def iter_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans (start, end) in code points, in order; never across a paragraph end, never empty."""
    text = soften_breaks(text)
    for start, end in _paragraphs(text):
        yield from _sentences_in(text, start, end)


_AMOUNT_START = (
    r"(?:at\s+least|more\s+than|about|around|some|nearly|almost|over|up\s+to|as\s+many\s+as|an\s+estimated|\d|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|dozens|hundreds|thousands|tens)\b)"
)
_BETWEEN_RE = re.compile(r"\bbetween\s+[\w,.\u00a0\u2009\u202f-]+$", re.IGNORECASE)
AUXILIARY = r"(?:do|does|did|will|would|can|cannot|could|must|should|may|might|have|has|had|are|is|were|was)"
_CLAUSE_RE = re.compile(
    # Every cut starts at a ";", a "," or a space: the look-ahead lets the scan skip all other characters.
    r"(?=[;,\s])(?:;\s+|,\s+(?=(?:but|as|while|whereas|although|though|yet|where)\b)|\s+(?=(?:but|although|whereas)\b)|\s+[–—]\s+(?=(?:because|but|as|while)\b)"
    r"|,\s+(?=(?:denying|adding|saying|noting|stressing|insisting|warning|indicating|claiming|arguing|explaining)\b)"
    rf"|,?\s+and\s+(?={_AMOUNT_START})|\s+(?=and\s+that\b)|\s+(?=and\s+{AUXILIARY}\b)"
    # "sent to X, with another 1,000 heading to Y": a second group with its own place
    rf"|,?\s+(?=with\s+(?:another|a\s+further|an\s+additional|the\s+other|the\s+remaining)\s+{_AMOUNT_START}))"
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


class Uniqueness:
    """Answers "does this text occur only once in the article?" without searching the whole article each time.

    Any occurrence of a quote holds each run of four of its inner words (not its first or last, which
    may be parts of longer words) as whole words of the folded article. So when one such run occurs
    once in the article, the quote occurs at most once, and one comparison at that place settles it.
    Runs are counted in one pass; only a quote none of whose runs is unique, or one too short to have
    a run, is searched for in full. The cost per candidate then no longer grows with the article.
    """

    _RUN = 4

    def __init__(self, folded_article: str) -> None:
        self.folded = folded_article
        words = folded_article.split(" ")
        self.starts: list[int] = []  # where each word begins in the folded article
        at = 0
        for word in words:
            self.starts.append(at)
            at += len(word) + 1
        self.first: dict[int, int] = {}  # hash of a run -> the index of its first word, or -1 when it repeats
        for index in range(len(words) - self._RUN + 1):
            key = hash(tuple(words[index : index + self._RUN]))
            self.first[key] = -1 if key in self.first else index

    def once(self, needle: str) -> bool:
        """needle, a text cut from the article and folded, occurs exactly once in it."""
        words = needle.split(" ")
        before = len(words[0]) + 1  # characters of the needle before the run that starts at word k
        for k in range(1, len(words) - self._RUN):  # not the last word either: it may be part of a longer one
            index = self.first.get(hash(tuple(words[k : k + self._RUN])), -1)
            if index >= k:
                return self.folded.startswith(needle, self.starts[index] - before)
            before += len(words[k]) + 1
        return occurs_once(self.folded, needle)


def one_line(value: str | None) -> str | None:
    """A field value on one line, white space squashed, at most 300 characters; None when empty."""
    if value is None:
        return None
    cleaned = " ".join(value.split())[:300]
    return cleaned or None
