from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import format_option, resolve_data


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@format_option("text", "json", "github", default="text")
def check(paths: tuple[Path, ...], output_format: str) -> None:
    """Validate claims data files: YAML, schema, references, articles, quotes and counts.

    Reports every problem at once as PATH:LINE:COLUMN: MESSAGE. With no PATH, checks the
    bundled data file. Exits 0 when clean, 1 when any file has errors, 2 on a usage error.
    Warnings do not fail the check.

    \b
    Examples:
      troopclaims check data/claims.yaml
      troopclaims check data/claims.yaml --format github
    """
    from ..present import REPORTERS
    from ..datafile import check_file

    failed = False
    for target in paths or (resolve_data(None),):
        result = check_file(target)
        problems = result.problems
        if result.dataset is not None and not result.errors:
            from ..extraction import coverage_warnings

            problems = problems + coverage_warnings(result.dataset)
        REPORTERS[output_format](problems, str(target), sys.stdout, sys.stderr)
        failed = failed or bool(result.errors)
    if failed:
        sys.exit(1)


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
