"""Source identifiers a person can read: the outlet and a few words of the title, with the date when needed."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_TITLE_WORDS = 6
_MAX_LENGTH = 60
_LEADING = {"the", "a", "an"}


def slug(text: str, words: int = _TITLE_WORDS) -> str:
    """Lower-case ASCII words joined by '-': "Troops Leave the Base!" -> "troops-leave-the-base"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    tokens = [t for t in re.split(r"[^a-z0-9]+", ascii_text.lower().replace("'", "").replace("’", "")) if t]
    if len(tokens) > 1 and tokens[0] in _LEADING:  # one article: "The A-10s" keeps its "a"
        tokens = tokens[1:]
    return "-".join(tokens[:words])[:_MAX_LENGTH].strip("-")


def source_id(outlet: str | None, title: str | None, fallback: str) -> str:
    """outlet-title-words; the title alone when the outlet is unknown; the fallback when both give nothing."""
    outlet_part = slug(outlet, 3) if outlet and outlet.casefold() != "unknown" else ""
    title_part = slug(title) if title else ""
    wanted = "-".join(part for part in (outlet_part, title_part) if part)
    return wanted or slug(fallback) or "article"


def unique_source_id(wanted: str, day: date | None, taken: set[str]) -> str:
    """wanted if free, else with the publication day, else numbered; the result is added to taken."""
    candidates = [wanted] + ([f"{wanted}-{day.isoformat()}"] if day else [])
    for candidate in candidates:
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    base, n = candidates[-1], 2
    while f"{base}-{n}" in taken:
        n += 1
    taken.add(f"{base}-{n}")
    return f"{base}-{n}"
