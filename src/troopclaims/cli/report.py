from __future__ import annotations

from pathlib import Path

import click

from .options import Talk, Text, data_option, format_option, gazetteer_option, find_data, load_data, talk_options


DEMO_REPORT = "This report is of troopclaims' bundled demo data (US troops leaving Syria, 2019), not of a story of yours."


@click.command("report")
@data_option
@click.option(
    "-o",
    "--output",
    "output",
    metavar="PATH",
    type=Text(),
    default=None,
    help="Where to write the report; '-' for standard output. Default: report.html (report.md for markdown).",
)
@format_option("html", "markdown", default="html")
@talk_options
@gazetteer_option
def report(
    data: Path | None, output: str | None, output_format: str, quiet: bool, verbose: bool, gazetteer: Path | None
) -> None:
    """Write one page to share: the timeline, the conflicts side by side, and the articles with every quote marked.

    The HTML page is self-contained: it loads nothing from the network and opens offline in any
    browser, with filters by source and speaker. The Markdown variant has the same findings as
    tables, to paste into a newsroom document.

    \b
    Examples:
      troopclaims report -o report.html
      troopclaims report --format markdown -o -
    """
    from ..files import safe_write_text
    from ..present import make_report, render_html, render_markdown

    dataset = load_data(data, gazetteer)
    built = make_report(dataset, notice=DEMO_REPORT if find_data(data) is None else "")
    text = render_html(built) if output_format == "html" else render_markdown(built)
    target = output or ("report.html" if output_format == "html" else "report.md")
    if target == "-":
        click.echo(text, nl=False)
        return
    # The inputs are protected: `report --data claims.yaml -o claims.yaml` must not destroy the data file.
    inputs = [dataset.path, *(dataset.root / source.file for source in dataset.sources.values())]
    inputs += [path for path in (dataset.gazetteer_path, dataset.extra_gazetteer) if path is not None]
    safe_write_text(Path(target), text, what="report", protect=inputs)
    Talk(quiet, verbose).say(f"wrote {target}: {len(built.claims)} claims, {len(built.conflicts)} conflicts ({built.hard} hard)")
