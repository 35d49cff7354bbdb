from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import data_option, format_option, resolve_data, source_option

KINDS = ("numeric", "destination", "location", "status", "permission", "attribution")


@click.command()
@data_option
@click.option("--kind", type=click.Choice(KINDS), help="Only conflicts of this kind.")
@source_option
@format_option("table", "json", "csv", "markdown")
@click.option("--fail-on-conflict", is_flag=True, help="Exit 1 when any conflict is found (for CI).")
@click.option("--explain", nargs=2, metavar="CLAIM CLAIM", help="Say why two claims were or were not flagged.")
def conflicts(
    data: Path | None,
    kind: str | None,
    source: str | None,
    output_format: str,
    fail_on_conflict: bool,
    explain: tuple[str, str] | None,
) -> None:
    """Show where sources contradict each other, grouped by what is disputed, hard ones first.

    Claims are compared only when they may be about the same event: the same forces, a
    comparable movement, compatible places and dates within reach. Exits 0 when conflicts
    are found (it is a report); --fail-on-conflict makes it exit 1 for CI.

    \b
    Examples:
      troopclaims conflicts
      troopclaims conflicts --kind numeric --format json
      troopclaims conflicts --explain tabloid-troops-to-iraq-01 esper-western-iraq-07
    """
    from ..engine import find_conflicts
    from ..datafile import load_dataset
    from ..present import RENDERERS
    from ..datafile import match_sources
    from ..present import conflicts_view

    dataset = load_dataset(resolve_data(data))
    if explain:
        from ..engine import explain_pair, explanation_lines

        click.echo("\n".join(explanation_lines(explain_pair(dataset, *explain))))
        return
    found = find_conflicts(dataset)
    if kind:
        found = [c for c in found if c.kind == kind]
    if source:
        wanted = match_sources(dataset, source)
        found = [c for c in found if wanted & set(c.sources)]
    RENDERERS[output_format](conflicts_view(found), sys.stdout)
    if fail_on_conflict and found:
        sys.exit(1)
