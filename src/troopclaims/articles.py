"""Running the extractor over article files: finding them, dating them, and anchoring what it finds."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .anchors import find_quote, fold
from .dates import DateValue, parse_value
from .errors import UsageError
from .fileio import MAX_ARTICLE_BYTES, read_text
from .model import Claim

# A dateline near the top of an article: "date 2019-10-22", "Published: 2019-10-22", "Posted on 2019-10-22".
_STATED = re.compile(
    r"^\W*(?:date|dated|published|posted|updated)(?:\s+on)?\s*:?\s*(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE | re.MULTILINE
)
_HEAD_LINES = 5


@dataclass(frozen=True)
class Extracted:
    path: Path
    source_id: str
    published: DateValue | None
    stated: bool  # True when the article itself gives its date
    title: str  # the article's first non-blank line
    claims: tuple[Claim, ...]
    spans: tuple[tuple[int, int], ...]  # each claim's quote in the article, code points


def article_files(paths: Iterable[Path]) -> list[Path]:
    """The articles named: files as given, folders by their *.txt files in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.glob("*.txt") if p.is_file()))
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    if not found:
        raise UsageError("no article files (*.txt) found in the paths given")
    return found


def stated_date(text: str) -> DateValue | None:
    """The publication date an article states in its first lines, if it states one."""
    head = "\n".join(text.splitlines()[:_HEAD_LINES])
    match = _STATED.search(head)
    if match is None:
        return None
    try:
        return parse_value(match[1])
    except ValueError:
        return None


def source_id_for(path: Path) -> str:
    """An identifier from the file name: letters, digits, '.', '_' and '-' only."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-._")
    return stem or "article"


def extract_file(path: Path, published: DateValue | None = None) -> Extracted:
    from .extract import extract_article

    text = read_text(path, limit=MAX_ARTICLE_BYTES, what="article")
    own = stated_date(text)
    anchor = own or published
    source_id = source_id_for(path)
    claims = extract_article(text, source_id=source_id, published=anchor)
    folded = fold(text)
    spans = tuple(find_quote(folded, claim.quote)[0] for claim in claims)
    title = next((line.strip() for line in text.splitlines() if line.strip()), source_id)
    return Extracted(path, source_id, anchor, own is not None, title[:200], tuple(claims), spans)


def _extract_one(job: tuple[Path, DateValue | None]) -> Extracted:
    return extract_file(*job)


def extract_files(paths: list[Path], published: DateValue | None, jobs: int = 1) -> Iterator[Extracted]:
    """Extracted articles in the order given; with jobs > 1, in worker processes, still in order.

    Results are yielded one article at a time, so a caller that writes each as it comes
    (JSON lines) holds one article's claims in memory, not the corpus's.
    """
    work = ((path, published) for path in paths)
    if jobs <= 1:
        yield from map(_extract_one, work)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_extract_one, work, chunksize=8)
