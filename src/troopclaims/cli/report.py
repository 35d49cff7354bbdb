from __future__ import annotations

import click

from .options import Reading, candidates_option, find_data, narrow, reading_options

DEMO_REPORT = "This report is of troopclaims' bundled demo data (US troops leaving Syria, 2019), not of a story of yours."


@click.command("report")
@reading_options("html", "markdown", default="html", output_note="report.html (report.md for markdown)")
@candidates_option
def report(reading: Reading, include_candidates: bool) -> None:
    """Write one page to share: the timeline, the conflicts side by side, and the articles with every quote marked.

    The HTML page is self-contained: it loads nothing from the network and opens offline in any
    browser, with filters by source and speaker. The Markdown variant has the same findings as
    tables, to paste into a newsroom document. It shows reviewed claims only, and says how many
    candidates it leaves out; --include-candidates adds them, each marked, and the header counts
    the conflicts resting on them.

    \b
    Examples (on the bundled demo, from any folder outside a story):
      troopclaims report -o report.html
      troopclaims report --format markdown -o -
      troopclaims report --reviewed-only --since 2019-10 -o october.html
    """
    from ..present import make_report, render_html, render_markdown

    everything = reading.load()
    # Reviewed claims unless candidates are asked for: a report is shared, and its reader cannot tell a candidate.
    dataset = everything if include_candidates else narrow(everything, reviewed_only=True)
    notice = DEMO_REPORT if find_data(reading.data) is None else ""
    built = make_report(dataset, notice=notice, left_out=len(everything.claims) - len(dataset.claims))
    text = render_html(built) if reading.output_format == "html" else render_markdown(built)
    if reading.output is None:
        reading.output = "report.html" if reading.output_format == "html" else "report.md"
    reading.write(text, dataset, "report", f"{len(built.claims)} claims, {len(built.conflicts)} conflicts ({built.hard} hard)")
