from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import FilePath, Talk, data_option, format_option, gazetteer_option, is_stdin, resolve_data, talk_options


@click.command()
@click.argument("paths", nargs=-1, type=FilePath(path_type=Path, dir_okay=False))
@data_option
@format_option("text", "json", "github", default="text")
@click.option(
    "--changed",
    is_flag=True,
    help="PATHs are changed files (as pre-commit passes them): check the data files among them, and every "
    "data file under the current folder that names a changed article.",
)
@talk_options
@gazetteer_option
def check(
    paths: tuple[Path, ...], data: Path | None, output_format: str, changed: bool, quiet: bool, verbose: bool, gazetteer: Path | None
) -> None:
    """Validate claims data files: YAML, schema, references, articles, quotes and counts.

    Reports every problem at once as PATH:LINE:COLUMN: MESSAGE, and how many candidates are
    left to review. The files are PATH arguments and --data; - reads one from standard input
    (its source files are found from the current folder). With neither, checks the bundled
    data file. Exits 0 when clean, 1 when any file has errors, 2 on a usage error. Warnings
    and candidates left to review do not fail the check; --quiet prints errors only.

    \b
    Examples (in the repository, which holds data/ and seeds/):
      troopclaims check data/claims.yaml
      troopclaims check --data data/claims.yaml --format github
      troopclaims check --changed seeds/001_214abf9375eada4f.txt
    """
    from ..datafile import check_file
    from ..files import MAX_DATA_BYTES, STDIN_NAME, read_stdin
    from ..present import REPORTERS

    talk = Talk(quiet, verbose)
    if changed:
        from ..datafile import data_files_touched

        targets = [*data_files_touched(paths, Path(".")), *([data] if data is not None else [])]
        if not targets:
            talk.detail("no data file is touched by the files given")
            return
    else:
        targets = [*paths, *([data] if data is not None else [])] or [resolve_data(None)]
    if sum(is_stdin(target) for target in targets) > 1:
        raise click.UsageError("standard input (-) can be read once")
    failed = gazetteer is not None and _check_gazetteer(gazetteer, output_format)
    for target in targets:
        if is_stdin(target):
            target = Path(STDIN_NAME)
            result = check_file(target, read_stdin(limit=MAX_DATA_BYTES, what="data"))
        else:
            result = check_file(target)
        problems = result.problems
        if result.dataset is not None and not result.errors and not failed:
            result.dataset.extra_gazetteer = gazetteer
            from ..extraction import coverage_warnings

            problems = problems + coverage_warnings(result.dataset)
        if quiet:
            problems = [p for p in problems if p.severity == "error"]
        dataset = result.dataset
        counts = None
        if dataset is not None:
            counts = {"claims": len(dataset.claims), "unreviewed": dataset.unreviewed, "rejected": len(dataset.rejected)}
        if problems or not (quiet and output_format == "text"):
            REPORTERS[output_format](problems, str(target), sys.stdout, sys.stderr, counts)
        if dataset is not None and output_format == "text" and not result.errors and not failed:
            from ..engine import unresolved_places

            for line in unresolved_places(dataset):
                talk.say(line)
        if dataset is not None and output_format == "text":
            if dataset.unreviewed:
                talk.say(f"{target}: {dataset.unreviewed} of {len(dataset.claims)} claims left to review (troopclaims review --data {target})")
            talk.detail(f"{target}: {len(dataset.sources)} sources, {len(dataset.claims)} claims, {len(dataset.rejected)} rejected")
        failed = failed or bool(result.errors)
    if failed:
        sys.exit(1)


def _check_gazetteer(path: Path, output_format: str) -> bool:
    """Report the problems of a --gazetteer file as a data file's are reported; True when it has any."""
    from ..errors import Problem, TroopclaimsError
    from ..present import REPORTERS
    from ..world import load_gazetteer

    try:
        load_gazetteer(path)
    except TroopclaimsError as exc:
        REPORTERS[output_format](exc.problems or [Problem(str(path), 0, 0, str(exc))], str(path), sys.stdout, sys.stderr, None)
        return True
    return False


@click.command()
def schema() -> None:
    """Print the JSON Schema of the claims data file, for editors and other tools.

    \b
    Example:
      troopclaims schema > claims.schema.json
    Then put "# yaml-language-server: $schema=claims.schema.json" on the first line of the data file.
    """
    from ..datafile import data_file_schema

    click.echo(data_file_schema())
