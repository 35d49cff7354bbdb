from __future__ import annotations

from pathlib import Path

import click

from .options import Talk, data_option, load_data, source_option, talk_options

TARGETS = ("annotations", "claimreview", "sqlite")


@click.command("export")
@data_option
@click.option("--to", "target", type=click.Choice(TARGETS), required=True, help="What to export to.")
@click.argument("file", required=False, type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@source_option
@talk_options
def export(data: Path | None, target: str, file: Path | None, source: str | None, quiet: bool, verbose: bool) -> None:
    """Export the claims for other tools: Web Annotations, schema.org Claims, or one SQLite database.

    \b
    annotations  W3C Web Annotation JSON-LD, one per claim, anchored on its article (Hypothesis)
    claimreview  schema.org Claim objects, for a fact-checker's ClaimReview (no rating is made)
    sqlite       sources, claims, events, conflicts and their sides, with keys (Datasette, sqlite-utils)

    JSON goes to FILE, or to standard output when FILE is left out or '-'. SQLite needs a FILE.

    \b
    Examples:
      troopclaims export --to annotations annotations.jsonld
      troopclaims export --to claimreview --source shafaq-routine-move
      troopclaims export --to sqlite claims.sqlite
    """
    from ..datafile import select_claims
    from ..errors import UsageError
    from ..files import safe_write_bytes, safe_write_text
    from ..present import EXPORTERS

    if target == "sqlite" and (file is None or str(file) == "-"):
        raise UsageError("--to sqlite needs a FILE to write the database to")
    if target == "sqlite" and source:
        raise UsageError("--source does not apply to --to sqlite: the database holds every claim its conflicts name")
    dataset = load_data(data)
    claims = select_claims(dataset, source=source, speaker=None)
    content = EXPORTERS[target](dataset, claims)
    if file is None or str(file) == "-":
        click.echo(content if isinstance(content, str) else "", nl=False)
        return
    inputs = [dataset.path, *(dataset.root / s.file for s in dataset.sources.values())]
    if isinstance(content, bytes):
        safe_write_bytes(file, content, what="database", protect=inputs)
    else:
        safe_write_text(file, content, what="export", protect=inputs)
    Talk(quiet, verbose).say(f"wrote {file}: {len(claims)} claims as {target}")
