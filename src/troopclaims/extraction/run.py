"""Running the extractor over article files, in worker processes when asked, and anchoring what it finds."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..datafile import DateValue, Extracted, find_quote, fold
from ..files import MAX_ARTICLE_BYTES, read_text
from ..intake import source_id_for, stated_date



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
