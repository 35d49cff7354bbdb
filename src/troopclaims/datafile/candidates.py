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
    title: str
    claims: tuple[Claim, ...]
    spans: tuple[tuple[int, int], ...]  # each claim's quote in the article, code points
    outlet: str | None = None
    author: str | None = None
    agency: str | None = None
    url: str | None = None
    time: str | None = None  # the time of day given with the date, as written
    dated_by: str | None = None  # how the date was found: "dateline 'Feb 17, 2022' (line 2)", "given in manifest.csv:3"
    page: Path | None = None  # the saved web page the text was read from
    warnings: tuple[str, ...] = ()  # one line each, naming the file: what the extractor could only partly read

