"""What the extractor found in one article: candidate claims, before review and merge."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .dates import DateValue
from .model import Claim


@dataclass(frozen=True)
class Extracted:
    path: Path
    source_id: str
    published: DateValue | None
    stated: bool  # True when the article itself gives its date
    title: str  # the article's first non-blank line
    claims: tuple[Claim, ...]
    spans: tuple[tuple[int, int], ...]  # each claim's quote in the article, code points

