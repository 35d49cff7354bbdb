from __future__ import annotations

from pathlib import Path

import click

from .options import Reading, candidates_option, narrow, reading_options, source_option

TARGETS = ("annotations", "claimreview", "sqlite")
BARE_FILE_NOTE = "export FILE is deprecated and goes in the next release: write export -o FILE"


@click.command("export")
@reading_options()
@click.option("--to", "target", type=click.Choice(TARGETS), required=True, help="What to export to.")
@click.argument("file", required=False, type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@source_option
@candidates_option
def export(reading: Reading, target: str, file: Path | None, source: str | None, include_candidates: bool) -> None:
    """Export the claims for other tools: Web Annotations, schema.org Claims, or one SQLite database.

    \b
    annotations  W3C Web Annotation JSON-LD, one per claim, anchored on its article (Hypothesis)
    claimreview  schema.org Claim objects, for a fact-checker's ClaimReview (no rating is made)
    sqlite       sources, claims, events, conflicts and their sides, with keys (Datasette, sqlite-utils)

    JSON goes to -o FILE, or to standard output when -o is left out or '-'. SQLite needs -o FILE.
    A bare FILE after the options (export --to sqlite claims.sqlite) still works in this release,
    with a deprecation note on stderr. Each claim says whether a person reviewed it or it is a
    candidate; claimreview holds reviewed claims only unless --include-candidates.

    \b
    Examples (on the bundled demo, from any folder outside a story):
      troopclaims export --to annotations -o annotations.jsonld
      troopclaims export --to claimreview --source shafaq-routine-move
      troopclaims export --to sqlite -o claims.sqlite
    """
    from ..datafile import select_claims
    from ..errors import UsageError
    from ..present import EXPORTERS

    if file is not None:
        if reading.output is not None:
            raise UsageError("give the file once: -o FILE (a bare FILE is the deprecated form)")
        reading.talk.say(BARE_FILE_NOTE)
        reading.output = str(file)
    if target == "sqlite" and reading.output in (None, "-"):
        raise UsageError("--to sqlite needs a FILE to write the database to (-o FILE)")
    if target == "sqlite" and source:
        raise UsageError("--source does not apply to --to sqlite: the database holds every claim its conflicts name")
    dataset = reading.load()
    if target == "claimreview" and not include_candidates:  # published as a fact-checker's word: reviewed claims only
        dataset = narrow(dataset, reviewed_only=True)
    claims = select_claims(dataset, source=source, speaker=None)
    content = EXPORTERS[target](dataset, claims)
    reading.write(content, dataset, "database" if target == "sqlite" else "export", f"{len(claims)} claims as {target}")
