"""What the extractor finds in a dataset's articles that the data file lacks: warnings for `check`."""

from __future__ import annotations

from dataclasses import dataclass

from ..datafile import Claim, Dataset
from ..errors import Problem
from .extract import MAX_QUOTE, extract_article
from .text import long_sentences


@dataclass(frozen=True)
class _Count:
    start: int
    end: int
    line: int
    quote: str


def coverage_warnings(dataset: Dataset) -> list[Problem]:
    """Force counts the extractor reads in an article where no claim of the data file has its quote.

    A warning, not an error: the extractor may be wrong, and a reviewer may leave a figure out.
    An article is read once however many sources name it (the dates it resolves do not matter here),
    and an over-long sentence the extractor read only in pieces is reported once, at its first source.
    """
    located = dataset.located
    if located is None:
        return []
    warnings = []
    read: dict[str, list[_Count]] = {}  # keyed by the text itself: sources naming one file share one string
    rejected: dict[str, list[Claim]] = {}
    for claim in dataset.rejected:
        rejected.setdefault(claim.source, []).append(claim)
    for index, source in enumerate(located.data.get("sources") or []):
        source_id = source.get("id") if isinstance(source, dict) else None
        if source_id not in dataset.texts:
            continue
        text = dataset.texts[source_id]
        line, column = located.position(("sources", index, "file"))
        if text not in read:
            read[text] = _counts(text, source_id, dataset)
            warnings += [Problem(str(dataset.path), line, column, f"coverage: {source.get('file')} {note}", "coverage", "warning")
                         for note in long_sentences(text)]
        # A rejected candidate covers its count too: the reviewer has seen it and turned it down.
        held = [*dataset.claims_of(source_id), *rejected.get(source_id, ())]
        taken = [dataset.spans[c.id] for c in held if c.id in dataset.spans]
        for count in read[text]:
            if any(count.start < end and begin < count.end for begin, end in taken):
                continue
            warnings.append(
                Problem(str(dataset.path), line, column,
                        f"coverage: {source.get('file')} line {count.line} has a count no claim covers: {count.quote[:80]!r}",
                        "coverage", "warning")
            )
    return warnings


def _counts(text: str, source_id: str, dataset: Dataset) -> list[_Count]:
    """The force counts the extractor reads in text, in order, each with its place in the text."""
    found: list[_Count] = []
    line, counted = 1, 0  # lines are counted once over the text, not once per count
    for claim in extract_article(text, source_id=source_id, published=dataset.sources[source_id].published.parsed,
                                 gazetteer=dataset.gazetteer()):
        if claim.count is None or claim.kind != "force":
            continue
        # Claims come in article order, and a quote reaches back at most a sentence or two: search on from
        # a little before the last one rather than from the top, once per count.
        start = text.find(claim.quote, max(0, counted - 2 * MAX_QUOTE))
        if start == -1:
            start = text.find(claim.quote)
        if start >= counted:
            line, counted = line + text.count("\n", counted, start), start
        else:  # a quote reaching back before the last one: count back to it
            line, counted = line - text.count("\n", start, counted), start
        found.append(_Count(start, start + len(claim.quote), line, claim.quote))
    return found
