from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .cached import show
from .options import Reading, reading_options, source_option

if TYPE_CHECKING:
    from ..datafile import Dataset
    from ..present import View


@click.command("list")
@reading_options("table", "json", "jsonl", "csv", "markdown", cached=True)
@source_option
@click.option("--speaker", metavar="NAME", help="Only claims attributed to this speaker (any part of the name).")
def list_claims(reading: Reading, source: str | None, speaker: str | None) -> None:
    """List the claims of the data file, with where each quote stands in its article and the conflicts each is in.

    \b
    Examples (on the bundled demo, from any folder outside a story):
      troopclaims list --source shafaq
      troopclaims list --speaker esper --format json
      troopclaims list --since 2019-10-20 --until 2019-10-31 --format csv -o claims.csv
    """
    show(reading, "list", {"source": source, "speaker": speaker}, lambda dataset: _view(dataset, source, speaker, reading.output_format))


def _view(dataset: Dataset, source: str | None, speaker: str | None, output_format: str) -> View:
    from ..datafile import select_claims
    from ..engine import find_conflicts
    from ..present import claim_places, claims_view

    claims = select_claims(dataset, source=source, speaker=speaker)
    involved: dict[str, tuple[str, ...]] = {}
    for conflict in find_conflicts(dataset):
        for claim_id in dict.fromkeys(conflict.claims):
            involved[claim_id] = (*involved.get(claim_id, ()), conflict.id)
    places = claim_places(dataset) if output_format in ("json", "jsonl", "csv") else None
    return claims_view(dataset, claims, involved, places)
