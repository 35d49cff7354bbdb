"""Running the extractor over articles, in worker processes when asked, and anchoring what it finds.

Each article is read on its own: one that cannot be read comes back as Skipped, with its reason,
and the others are still extracted.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..datafile import Claim, DateValue, Extracted, Folded, find_quote, fold
from ..errors import TroopclaimsError
from ..intake import Article, Entry, Skipped, read_article

#: One article's work: what to read, the default date, whether to save a page's text, standard input's text,
#: and the user's gazetteer files (paths, so that worker processes load them themselves).
_Job = tuple[Entry, DateValue | None, bool, str | None, tuple[Path, ...]]


def extract_article_record(article: Article, gazetteers: tuple[Path, ...] = ()) -> Extracted:
    """The candidate claims of an article that has been read, with everything known about it.

    gazetteers: files of places and actors on top of the built-in ones (a data file's, --gazetteer).
    """
    from ..world import load_gazetteer
    from .extract import extract_article
    from .text import long_sentences

    claims = extract_article(article.text, source_id=article.source_id, published=article.published,
                             gazetteer=load_gazetteer(*gazetteers))
    spans = _spans(fold(article.text), claims)
    return Extracted(
        article.path, article.source_id, article.published, article.stated, article.title, tuple(claims), spans,
        outlet=article.outlet, author=article.author, agency=article.agency, url=article.url, time=article.time,
        dated_by=article.dated_by, page=article.page,
        warnings=tuple(f"{article.path}: {note}" for note in long_sentences(article.text)),
    )


def _spans(folded: Folded, claims: list[Claim]) -> tuple[tuple[int, int], ...]:
    """Each claim's quote in the article. Claims come in article order, and a quote reaches back at most a
    sentence or two, so each search starts a little before the last one found rather than at the top:
    the article is not searched from its start once per claim."""
    from .extract import MAX_QUOTE

    spans: list[tuple[int, int]] = []
    near = 0  # a folded offset before the next quote
    for claim in claims:
        found = find_quote(folded, claim.quote, limit=1, start=near) or find_quote(folded, claim.quote, limit=1)
        spans.append(found[0])
        near = max(0, bisect.bisect_left(folded.origin, found[0][0]) - 2 * MAX_QUOTE)
    return tuple(spans)


def extract_file(path: Path, published: DateValue | None = None, gazetteers: tuple[Path, ...] = ()) -> Extracted:
    """One article file's candidates; TroopclaimsError when it cannot be read."""
    return extract_article_record(read_article(Entry(path), published), gazetteers)


def _extract_one(job: _Job) -> Extracted | Skipped:
    entry, published, save_text, stdin, gazetteers = job
    try:
        return extract_article_record(read_article(entry, published, save_text=save_text, stdin=stdin), gazetteers)
    except TroopclaimsError as exc:
        return Skipped(entry.path, str(exc))


def extract_files(
    entries: Iterable[Entry], published: DateValue | None, jobs: int = 1, *, save_text: bool = False, stdin: str | None = None,
    gazetteers: tuple[Path, ...] = (),
) -> Iterator[Extracted | Skipped]:
    """Extracted articles in the order given; with jobs > 1, in worker processes, still in order.

    Results are yielded one article at a time, so a caller that writes each as it comes
    (JSON lines) holds one article's claims in memory, not the corpus's.
    """
    work = ((entry, published, save_text, stdin, gazetteers) for entry in entries)
    if jobs <= 1:
        yield from map(_extract_one, work)
        return
    from .workers import ordered_map

    yield from ordered_map(_extract_one, work, jobs)
