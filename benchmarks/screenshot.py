"""Render the report and photograph it in headless Chromium, for docs/report.png.

Run: python benchmarks/screenshot.py [--data PATH] [-o docs/report.png] [--width 1280] [--height 1500]
     [--full] [--source ID]

Needs the Python package playwright and a Chromium binary (CHROMIUM, default /usr/bin/chromium);
playwright's own browser download is never used.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
#: Offline and quiet: no update checks, no sync, no QUIC probes; --no-sandbox because CI runs as root.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def render(data: Path | None) -> str:
    from troopclaims.cli.options import resolve_data
    from troopclaims.datafile import load_dataset
    from troopclaims.present import make_report, render_html

    return render_html(make_report(load_dataset(resolve_data(data))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="data file (default: the bundled dataset)")
    parser.add_argument("-o", "--output", type=Path, default=REPO / "docs" / "report.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1500)
    parser.add_argument("--full", action="store_true", help="the whole page, not the first screenful")
    parser.add_argument("--source", help="choose this source in the filter first")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "report.html"
        page_file.write_text(render(args.data), encoding="utf-8")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            page.goto(page_file.as_uri())
            if args.source:
                page.select_option("#filter-source", args.source)
            args.output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.output), full_page=args.full)
            browser.close()
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
