"""Writers for `troopclaims extract`: candidates as a data-file fragment, JSON, JSON lines or a table."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..datafile import Extracted
from ..intake import Skipped
from .render import Column, View, render_table
from .views import count_text, places_of, route

if TYPE_CHECKING:
    from ..world import Gazetteer


def records(results: Iterable[Extracted], gazetteer: Gazetteer | None = None) -> Iterator[dict[str, Any]]:
    """Flat claim records, each naming its article and where its quote stands in it (and, with a
    gazetteer, the places its fields resolve to: id, kind and country)."""
    for article in results:
        for claim, (start, end) in zip(article.claims, article.spans):
            record = claim.model_dump(mode="json", exclude_none=True)
            record.update(article=str(article.path), start=start, end=end)
            if gazetteer is not None:
                record["places"] = places_of(gazetteer, claim)
            yield record


def write_jsonl(results: Iterable[Extracted], out: TextIO, gazetteer: Gazetteer | None = None) -> None:
    # One line per claim, written as each article is done: memory stays flat as the corpus grows.
    for record in records(results, gazetteer):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def article_lines(result: Extracted | Skipped, gazetteers: tuple[Path, ...] = ()) -> list[str]:
    """One article's JSON lines in a corpus's partitions: its source (an "about" line, when it has a date), its
    claim records, as `extract --format jsonl` writes them, then a line for its error, if it could not be read,
    and one for each warning."""
    from ..world import load_gazetteer

    article = str(result.path)
    if isinstance(result, Skipped):
        return [json.dumps({"article": article, "error": result.reason}, ensure_ascii=False)]
    lines = [json.dumps({"article": article, "about": about(result)}, ensure_ascii=False)] if result.published else []
    lines += [json.dumps(record, ensure_ascii=False) for record in records([result], load_gazetteer(*gazetteers))]
    return lines + [json.dumps({"article": article, "warning": warning}, ensure_ascii=False) for warning in result.warnings]


def about(result: Extracted) -> dict[str, Any]:
    """The article as a data file's source, for a dated article: what a corpus's claims are read back with."""
    assert result.published is not None
    published: dict[str, Any] = {"date": result.published.value, "basis": "stated" if result.stated else "inferred"}
    if result.time:
        published["time"] = result.time
    source: dict[str, Any] = {"id": result.source_id, "file": str(result.path), "outlet": result.outlet or "unknown",
                              "title": result.title or result.source_id}
    source.update({key: value for key, value in (("url", result.url), ("author", result.author), ("agency", result.agency)) if value})
    return {**source, "published": published}


def write_json(results: Iterable[Extracted], out: TextIO, gazetteer: Gazetteer | None = None) -> None:
    json.dump(list(records(results, gazetteer)), out, indent=2, ensure_ascii=False)
    out.write("\n")


def write_yaml(results: Iterable[Extracted], out: TextIO, gazetteer: Gazetteer | None = None) -> None:
    del gazetteer  # a data-file fragment holds claim fields only
    import yaml

    claims = [
        {**claim.model_dump(mode="json", exclude_defaults=True), "reviewed": False}
        for article in results
        for claim in article.claims
    ]
    out.write("# Candidate claims from troopclaims extract: review each against its article before use.\n")
    yaml.safe_dump({"claims": claims}, out, sort_keys=False, allow_unicode=True, width=10_000)


def write_table(results: Iterable[Extracted], out: TextIO, gazetteer: Gazetteer | None = None) -> None:
    del gazetteer
    columns = [Column("source", "article"), Column("count", "count"), Column("route", "from → to"),
               Column("speaker", "speaker"), Column("quote", "quote", wide=True)]
    rows = [
        {"source": a.source_id, "count": count_text(c), "route": route(c), "speaker": c.speaker or "", "quote": c.quote}
        for a in results
        for c in a.claims
    ]
    render_table(View(f"{len(rows)} candidate claims", columns, rows, []), out)


WRITERS: dict[str, Callable[[Iterable[Extracted], TextIO, Gazetteer | None], None]] = {
    "yaml": write_yaml,
    "json": write_json,
    "jsonl": write_jsonl,
    "table": write_table,
}
