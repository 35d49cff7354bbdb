"""Finding time expressions in news text: one pattern per kind, shared by finding and resolving."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..datafile import parse_value
from . import timex_vocab as vocab


@dataclass(frozen=True)
class Expression:
    start: int  # code-point offsets: text[start:end] == self.text
    end: int
    text: str


# --- grammar: one pattern per kind of expression, shared by finding and resolving ----------

_CORES: dict[str, str] = {
    "iso": r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])",
    "month_day": rf"{vocab.MONTH}\s*{vocab.DAY}(?:,?\s+(?P<y>\d{{4}})(?!\d))?(?!,\d)",
    "day_month": rf"(?<![\d,.$£€]){vocab.DAY}(?:\s+of)?\s+{vocab.MONTH}(?:,?\s+(?P<y>\d{{4}})(?!\d))?",
    "month_year": rf"{vocab.MODIFIER}?{vocab.MONTH},?\s+(?P<y>\d{{4}})(?!\d|,\d)",
    "month": rf"{vocab.MODIFIER}?{vocab.MONTH_ALONE}",
    "year": rf"{vocab.MODIFIER}?(?<![\d,.$£€])(?P<y>(?:19|20)\d\d)(?![\d,.]\d)",
    "weekday": rf"(?:(?P<rel>last|next|this|past|coming)\s+)?{vocab.WEEKDAY}(?:\s+{vocab.PART})?",
    "day_word": r"(?:(?:earlier|later)\s+)?(?P<dw>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
    rf"|today|tonight|yesterday|tomorrow)(?:\s+{vocab.PART})?|(?P<night>last\s+night)"
    r"|this\s+(?P<this>morning|afternoon|evening)",
    "unit": rf"(?:{vocab.EDGE}(?P<erel>the|this|next|last)|(?:(?:earlier|later)\s+)?(?P<rel>this|last|next))"
    r"\s+(?P<unit>week|month|year)",
    "weekend": r"(?P<rel>this|last|next|the|that)\s+weekend",
    "span": rf"(?:the\s+)?(?P<dir>recent|past|last|coming|next)\s+(?:{vocab.COUNT}\s+)?{vocab.UNIT}",
    "duration": rf"(?:{vocab.COUNT}\s+)?{vocab.UNIT}(?:\s+(?P<ago>ago))?",
}
PATTERNS = {
    name: re.compile(rf"(?<!\w)(?:(?P<op>{vocab.OPERATOR})\s+)?(?P<core>{core})(?!\w)", re.IGNORECASE)
    for name, core in _CORES.items()
}


def words_of(text: str | None) -> str:
    return " ".join(text.lower().split()) if text else ""


# --- finding -------------------------------------------------------------------------------


def _span_to_tag(name: str, m: re.Match[str], text: str) -> tuple[int, int] | None:
    """The part of a raw match that is a time expression, or None when it is not one."""
    op, unit = words_of(m["op"]), words_of(m.groupdict().get("unit"))
    whole, core = m.span(), m.span("core")
    if m.groupdict().get("mon") == "may":  # lower-case "may" is the verb
        return None
    if name == "iso" and not _on_calendar(m[0]):
        return None
    if name == "month":  # "October" alone is too often a name or a headline word
        return whole if op or m["mod"] or m["edge"] else None
    if name == "year":
        if op not in ("in", "since", "ever since", "during") and vocab.COUNTED.match(text, m.end()):
            return None
        if op in vocab.YEAR_OPERATORS:
            return whole
        after_of = re.search(r"\bof\s+$", text[max(0, core[0] - 8) : core[0]], re.IGNORECASE)
        return core if m["mod"] or m["edge"] or after_of else None
    if name == "duration":  # "for five years" says how long, not when
        if m["ago"]:
            return whole if op else core
        return whole if op == "within" or (op == "in" and m["count"]) else None
    if name == "span" and m["dir"].lower() in ("next", "coming") and not m["count"]:
        # "the next day" is the day after some event, not after publication.
        return whole if op and unit not in ("day", "hour") else None
    if name == "span" and m["dir"].lower() == "recent" and not unit.endswith("s"):
        return None
    return whole


def _on_calendar(iso: str) -> bool:
    try:
        parse_value(iso)
    except ValueError:
        return False
    return True


def find_expressions(text: str) -> list[Expression]:
    """Time expressions in text: exact, non-overlapping spans, the longest winning, in order."""
    candidates: list[tuple[int, int, int]] = []
    for rank, (name, pattern) in enumerate(PATTERNS.items()):
        for m in pattern.finditer(text):
            span = _span_to_tag(name, m, text)
            if span is not None:
                candidates.append((span[0], span[1], rank))
    candidates.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    taken: list[tuple[int, int]] = []
    for start, end, _ in candidates:
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
    return [Expression(s, e, text[s:e]) for s, e in sorted(taken)]


