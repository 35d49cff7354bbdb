from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import data_option, format_option, gazetteer_option, load_data, source_option, talk_options


@click.command()
@data_option
@source_option
@click.option(
    "--by",
    type=click.Choice(["happened", "reported"]),
    default="happened",
    show_default=True,
    help="Order by when it happened, or by when it was published.",
)
@format_option("table", "json", "csv", "markdown")
@gazetteer_option
@talk_options
def timeline(
    data: Path | None, source: str | None, by: str, output_format: str, gazetteer: Path | None, quiet: bool, verbose: bool
) -> None:
    """Show how the story unfolded: each claim at its date, with its precision and who said it.

    Relative dates ("last night", "on Tuesday", "within four weeks") are resolved against
    the article's publication date, never against today's date. Rows whose claims
    contradict others are marked in the last column.

    \b
    Examples:
      troopclaims timeline
      troopclaims timeline --by reported --format markdown
    """
    from ..engine import find_conflicts
    from ..present import RENDERERS
    from ..datafile import match_sources
    from ..engine import build_timeline
    from ..present import claim_places, timeline_view

    dataset = load_data(data, gazetteer)
    found = find_conflicts(dataset)
    rows = build_timeline(dataset, found, by=by)
    if source:
        wanted = match_sources(dataset, source)
        rows = [row for row in rows if row.source in wanted]
    places = claim_places(dataset) if output_format == "json" else None
    RENDERERS[output_format](timeline_view(rows, by, places), sys.stdout)
