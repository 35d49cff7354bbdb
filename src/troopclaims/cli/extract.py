from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import format_option


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", metavar="DATE", help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for articles that state none.")
@format_option("yaml", "json", "jsonl", "table", default="yaml")
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--merge", "merge", type=click.Path(path_type=Path, dir_okay=False), help="Add the candidates, unreviewed, to this data file.")
def extract(paths: tuple[Path, ...], published: str | None, output_format: str, jobs: int, merge: Path | None) -> None:
    """Read articles (files, or folders of *.txt) into candidate claims.

    Each candidate has a verbatim quote and its offsets, and is marked reviewed: false.
    Relative dates are resolved against the date an article states, else --published,
    else left unresolved: never against today's date.

    \b
    Examples:
      troopclaims extract seeds/ --format table
      troopclaims extract new-story.txt --published 2024-03-07 --merge data/claims.yaml
      troopclaims extract corpus/ --format jsonl --jobs 2 > candidates.jsonl
    """
    from ..intake import article_files
    from ..extraction import extract_files
    from ..datafile import parse_value
    from ..errors import UsageError

    try:
        anchor = parse_value(published) if published else None
    except ValueError as exc:
        raise UsageError(f"--published: {exc}") from None
    results = extract_files(article_files(paths), anchor, jobs)
    if merge is not None:
        from ..datafile import merge_into

        done = merge_into(merge, list(results), published is not None)
        added = f", new sources {', '.join(done.sources_added)}" if done.sources_added else ""
        click.echo(f"{merge}: added {done.claims_added} unreviewed claims{added}; {done.claims_skipped} already there", err=True)
        return
    from ..present import WRITERS

    WRITERS[output_format](results, sys.stdout)
