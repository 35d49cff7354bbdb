from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .cached import show
from .options import EXIT_CONFLICTS, FilePath, Reading, reading_options, source_option

if TYPE_CHECKING:
    from ..datafile import Dataset
    from ..present import View

# Kept here rather than imported from the engine so that --help stays cheap; a test checks they match.
KINDS = ("numeric", "destination", "location", "origin", "status", "permission", "timing", "attribution")


@click.command()
@reading_options("table", "json", "jsonl", "csv", "markdown", cached=True)
@click.option("--kind", type=click.Choice(KINDS), help="Only conflicts of this kind.")
@source_option
@click.option(
    "--fail-on-conflict",
    is_flag=True,
    help=f"Exit {EXIT_CONFLICTS} when any conflict is found, for CI (1 stays bad data, 2 bad usage).",
)
@click.option("--claims", "corpus", type=FilePath(path_type=Path),
              help="Read the claims from JSON lines (the --partitions folder of extract --scheduler, or a .jsonl file) instead of a data file.")
@click.option("--explain", nargs=2, metavar="CLAIM CLAIM", help="Say why two claims were or were not put in one event and flagged.")
def conflicts(
    reading: Reading, kind: str | None, source: str | None, fail_on_conflict: bool, corpus: Path | None, explain: tuple[str, str] | None
) -> None:
    """Show where sources contradict each other, event by event, hard ones first.

    Claims are first gathered into events: the same forces, places in common, dates close
    together. Inside each event the engine asks how many, where to, where from, whether it
    happened, whether they may stay and when. Each conflict has a stable id (see also
    `troopclaims events`). Exits 0 when conflicts are found (it is a report);
    --fail-on-conflict makes it exit 3 when there are any, for CI.

    \b
    Examples (on the bundled demo, from any folder outside a story):
      troopclaims conflicts
      troopclaims conflicts --kind numeric --format json
      troopclaims conflicts --explain tabloid-troops-to-iraq-01 esper-western-iraq-07
    """
    if explain:
        from ..engine import explain_pair, explanation_lines

        from ..present import humanize_dates

        dataset = reading.load()
        lines = [humanize_dates(line) for line in explanation_lines(explain_pair(dataset, *explain))]
        reading.write("\n".join(lines) + "\n", dataset, "explanation", f"{explain[0]} and {explain[1]} explained")
        return
    view = show(reading, "conflicts", {"kind": kind, "source": source},
                lambda dataset: _conflicts_view(dataset, kind, source, reading.output_format), corpus)
    if fail_on_conflict and view.records:
        sys.exit(EXIT_CONFLICTS)


def _conflicts_view(dataset: Dataset, kind: str | None, source: str | None, output_format: str) -> View:
    from ..datafile import match_sources
    from ..engine import find_conflicts
    from ..present import claim_places, conflicts_view

    found = find_conflicts(dataset)
    if kind:
        found = [c for c in found if c.kind == kind]
    if source:
        wanted = match_sources(dataset, source)
        found = [c for c in found if wanted & set(c.sources)]
    places = claim_places(dataset) if output_format in ("json", "jsonl", "csv") else None
    return conflicts_view(found, places, dataset)


@click.command()
@reading_options("table", "json", "jsonl", "csv", "markdown", cached=True)
@source_option
@click.option("--claims", "corpus", type=FilePath(path_type=Path),
              help="Read the claims from JSON lines (the --partitions folder of extract --scheduler, or a .jsonl file) instead of a data file.")
def events(reading: Reading, source: str | None, corpus: Path | None) -> None:
    """Show the events: claims about one movement or presence of one actor's forces.

    Claims of the same forces are joined when they name a place in common (where the forces
    leave or are, where they go) and lie within 30 days of each other; a claim naming no place
    joins the largest event of its forces at its time. Conflicts are looked for inside events
    only. Each event has a stable id and a label; JSON gives each claim's reason for being there.

    \b
    Examples (on the bundled demo, from any folder outside a story):
      troopclaims events
      troopclaims events --format json
    """
    show(reading, "events", {"source": source}, lambda dataset: _events_view(dataset, source), corpus)


def _events_view(dataset: Dataset, source: str | None) -> View:
    from ..datafile import match_sources
    from ..engine import analyse
    from ..present import events_view

    found = analyse(dataset)
    shown = list(found.events)
    if source:
        wanted = {c.id for c in dataset.claims if c.source in match_sources(dataset, source)}
        shown = [e for e in shown if wanted & set(e.claims)]
    sources = {claim.id: claim.source for claim in dataset.claims}
    reviewed = {claim.id: claim.reviewed for claim in dataset.claims}
    return events_view(shown, list(found.conflicts), sources, found.notes, reviewed, dataset.gazetteer())
