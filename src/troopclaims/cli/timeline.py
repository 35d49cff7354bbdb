from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .cached import show
from .options import Reading, reading_options, source_option

if TYPE_CHECKING:
    from ..datafile import Dataset
    from ..present import View


@click.command()
@reading_options("table", "json", "jsonl", "csv", "markdown", cached=True)
@source_option
@click.option(
    "--by",
    type=click.Choice(["happened", "reported"]),
    default="happened",
    show_default=True,
    help="Order by when it happened, or by when it was published.",
)
def timeline(reading: Reading, source: str | None, by: str) -> None:
    """Show how the story unfolded: each claim at its date, with its precision and who said it.

    Relative dates ("last night", "on Tuesday", "within four weeks") are resolved against
    the article's publication date, never against today's date. Rows whose claims
    contradict others are marked in the last column.

    \b
    Examples (on the bundled demo, from any folder outside a story):
      troopclaims timeline
      troopclaims timeline --by reported --format markdown
      troopclaims timeline --since 2019-10 --until 2019-11 --format json -o timeline.json
    """
    show(reading, "timeline", {"source": source, "by": by}, lambda dataset: _view(dataset, source, by, reading.output_format))


def _view(dataset: Dataset, source: str | None, by: str, output_format: str) -> View:
    from ..datafile import match_sources
    from ..engine import build_timeline, find_conflicts
    from ..present import claim_places, timeline_view

    rows = build_timeline(dataset, find_conflicts(dataset), by=by)
    if source:
        wanted = match_sources(dataset, source)
        rows = [row for row in rows if row.source in wanted]
    places = claim_places(dataset) if output_format in ("json", "jsonl", "csv") else None
    return timeline_view(rows, by, dataset, places)
