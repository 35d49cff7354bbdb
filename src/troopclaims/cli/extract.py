from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import one_line
from .options import FilePath, Talk, Text, format_option, gazetteer_option, is_stdin, output_option, talk_options


@click.command()
@click.argument("paths", nargs=-1, required=True, type=FilePath(path_type=Path))
@click.option("--published", metavar="DATE", type=Text(), help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for articles that state none.")
@format_option("yaml", "json", "jsonl", "table", default="yaml")
@output_option()
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--merge", "merge", type=FilePath(path_type=Path, dir_okay=False), help="Add the candidates to this data file, as `add --data` does.")
@click.option("--scheduler", metavar="ADDRESS", type=Text(),
              help="Extract on a Dask cluster (tcp://HOST:8786; local:N for N workers here) into --partitions FOLDER.")
@click.option("--partitions", "out", metavar="FOLDER", type=FilePath(path_type=Path, file_okay=False),
              help="With --scheduler: the folder of partitioned JSON lines; a run again finishes what is missing.")
@click.option("--partition-size", type=click.IntRange(1, 100_000), default=50, show_default=True,
              help="With --scheduler: articles per partition (one task).")
@talk_options
@gazetteer_option
def extract(
    paths: tuple[Path, ...], published: str | None, output_format: str, output: str | None, jobs: int, merge: Path | None,
    scheduler: str | None, out: Path | None, partition_size: int, quiet: bool, verbose: bool, gazetteer: Path | None,
) -> None:
    """Read articles (files, folders, saved web pages, manifests; - for standard input) into candidate claims.

    Each candidate has a verbatim quote and its offsets, and is marked reviewed: false.
    Relative dates are resolved against the date a manifest gives or the article states,
    else --published, else left unresolved: never against today's date. An article that
    cannot be read is named at the end, and the others are still read (exit 1).

    \b
    Examples (in the repository, which holds data/ and seeds/):
      troopclaims extract seeds/ --format table
      troopclaims extract seeds/003_79fed1301217ceeb.txt --format json
      troopclaims extract seeds/ --format jsonl --jobs 2 --quiet
      troopclaims extract seeds/ --format json -o candidates.json
      troopclaims extract seeds/ --scheduler local:2 --partitions seeds-claims/
    """
    talk = Talk(quiet, verbose)
    if (scheduler is None) != (out is None):
        raise click.UsageError("--scheduler and --partitions go together: the cluster writes its partitions into that folder")
    if scheduler is not None and out is not None:
        from .cluster import extract_on_cluster

        extract_on_cluster(list(paths), scheduler, out, partition_size, published, gazetteer, talk)
        return
    if merge is not None:
        if output is not None:
            raise click.UsageError("--merge writes the data file; -o does not apply")
        from .add import add_articles

        add_articles(list(paths), merge, published, jobs, talk, gazetteer, allow_duplicate=True)  # a pipeline's merge: no guessing at copies
        return
    from collections.abc import Iterator

    from ..datafile import Extracted
    from ..extraction import extract_files
    from ..files import MAX_ARTICLE_BYTES, read_stdin
    from ..intake import Skipped, find_articles
    from ..present import WRITERS
    from .add import parse_default_date, report_skipped
    from .progress import tracked

    default = parse_default_date(published)
    entries, skipped = find_articles(paths)
    stdin = read_stdin(limit=MAX_ARTICLE_BYTES, what="article") if any(is_stdin(p) for p in paths) else None

    gazetteers = (gazetteer,) if gazetteer is not None else ()

    def articles() -> Iterator[Extracted]:
        for result in tracked(extract_files(entries, default, jobs, stdin=stdin, gazetteers=gazetteers), len(entries), "reading articles", enabled=not quiet):
            if isinstance(result, Skipped):
                skipped.append(result)
            else:
                for warning in result.warnings:
                    click.echo(one_line(f"warning: {warning}"), err=True)
                yield result

    from ..world import load_gazetteer

    places = load_gazetteer(gazetteer) if output_format in ("json", "jsonl") else None
    if output is None or output == "-":
        WRITERS[output_format](articles(), sys.stdout, places)
    else:
        import io

        from ..files import safe_write_text

        # Into memory first: the file is written whole, atomically, or not at all.
        buffer = io.StringIO()
        WRITERS[output_format](articles(), buffer, places)
        safe_write_text(Path(output), buffer.getvalue(), what="output", protect=[entry.path for entry in entries])
        talk.say(f"wrote {output}: candidates of {len(entries) - len(skipped)} articles ({output_format})")
    report_skipped(skipped)
