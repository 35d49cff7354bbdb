from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import data_option, format_option, gazetteer_option, load_data, source_option, talk_options


@click.command("list")
@data_option
@source_option
@click.option("--speaker", metavar="NAME", help="Only claims attributed to this speaker (any part of the name).")
@format_option("table", "json", "csv", "markdown")
@gazetteer_option
@talk_options
def list_claims(
    data: Path | None, source: str | None, speaker: str | None, output_format: str, gazetteer: Path | None, quiet: bool, verbose: bool
) -> None:
    """List the claims of the data file, with where each quote stands in its article and the conflicts each is in.

    \b
    Examples:
      troopclaims list --source shafaq
      troopclaims list --speaker esper --format json
    """
    from ..datafile import select_claims
    from ..engine import find_conflicts
    from ..present import RENDERERS, claim_places, claims_view

    dataset = load_data(data, gazetteer)
    claims = select_claims(dataset, source=source, speaker=speaker)
    involved: dict[str, tuple[str, ...]] = {}
    for conflict in find_conflicts(dataset):
        for claim_id in dict.fromkeys(conflict.claims):
            involved[claim_id] = (*involved.get(claim_id, ()), conflict.id)
    places = claim_places(dataset) if output_format == "json" else None
    RENDERERS[output_format](claims_view(dataset, claims, involved, places), sys.stdout)
