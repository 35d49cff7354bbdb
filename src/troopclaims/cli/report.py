from __future__ import annotations

import click

from .options import Reading, find_data, reading_options

DEMO_REPORT = "This report is of troopclaims' bundled demo data (US troops leaving Syria, 2019), not of a story of yours."


@click.command("report")
@reading_options("html", "markdown", default="html", output_note="report.html (report.md for markdown)")
def report(reading: Reading) -> None:
    """Write one page to share: the timeline, the conflicts side by side, and the articles with every quote marked.

    The HTML page is self-contained: it loads nothing from the network and opens offline in any
    browser, with filters by source and speaker. The Markdown variant has the same findings as
    tables, to paste into a newsroom document.

    \b
    Examples:
      troopclaims report -o report.html
      troopclaims report --format markdown -o -
      troopclaims report --reviewed-only --since 2019-10 -o october.html
    """
    from ..present import make_report, render_html, render_markdown

    dataset = reading.load()
    built = make_report(dataset, notice=DEMO_REPORT if find_data(reading.data) is None else "")
    text = render_html(built) if reading.output_format == "html" else render_markdown(built)
    if reading.output is None:
        reading.output = "report.html" if reading.output_format == "html" else "report.md"
    reading.write(text, dataset, "report", f"{len(built.claims)} claims, {len(built.conflicts)} conflicts ({built.hard} hard)")
