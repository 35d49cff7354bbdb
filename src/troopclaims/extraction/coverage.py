"""What the extractor finds in a dataset's articles that the data file lacks: warnings for `check`."""

from __future__ import annotations

from ..datafile import Dataset
from ..errors import Problem
from .extract import extract_article


def coverage_warnings(dataset: Dataset) -> list[Problem]:
    """Force counts the extractor reads in an article where no claim of the data file has its quote.

    A warning, not an error: the extractor may be wrong, and a reviewer may leave a figure out.
    """
    located = dataset.located
    if located is None:
        return []
    warnings = []
    for index, source in enumerate(located.data.get("sources") or []):
        source_id = source.get("id") if isinstance(source, dict) else None
        if source_id not in dataset.texts:
            continue
        # A rejected candidate covers its count too: the reviewer has seen it and turned it down.
        held = [*dataset.claims_of(source_id), *(c for c in dataset.rejected if c.source == source_id)]
        taken = [dataset.spans[c.id] for c in held if c.id in dataset.spans]
        text = dataset.texts[source_id]
        for claim in extract_article(text, source_id=source_id, published=dataset.sources[source_id].published.parsed):
            if claim.count is None or claim.kind != "force":
                continue
            start = text.find(claim.quote)
            if any(start < end and begin < start + len(claim.quote) for begin, end in taken):
                continue
            line, column = located.position(("sources", index, "file"))
            line_in_article = text.count("\n", 0, start) + 1
            warnings.append(
                Problem(str(dataset.path), line, column,
                        f"coverage: {source.get('file')} line {line_in_article} has a count no claim covers: {claim.quote[:80]!r}",
                        "coverage", "warning")
            )
    return warnings
