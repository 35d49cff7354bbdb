"""How long the HTML report takes to open in headless Chromium, beside a blank page opened in the same run.

Run: python benchmarks/report_open.py [--claims 2000] [--rounds 3]

Writes the report of the bundled data and of a generated dataset (50 sources, about --claims claims,
benchmarks/make_dataset.py), opens each from a file:// address and reports the median time to the load
event over the rounds, with the page's size. Needs playwright and Chromium (CHROMIUM, default
/usr/bin/chromium); playwright's own browser download is never used.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import make_dataset
from screenshot import CHROMIUM, CHROMIUM_ARGS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from troopclaims.datafile import load_dataset
    from troopclaims.paths import default_data_path
    from troopclaims.present import make_report, render_html

    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        data = make_dataset.write_dataset(folder / "big", sources=50, seed=7, claims=args.claims)
        pages = {"blank page (baseline)": folder / "blank.html"}
        pages["blank page (baseline)"].write_text("<!doctype html><title>blank</title><p>blank</p>", encoding="utf-8")
        for name, path in (("bundled data", default_data_path()), (f"50 sources, {args.claims:,} claims", data)):
            dataset = load_dataset(path)
            started = time.perf_counter()
            html = render_html(make_report(dataset))
            built = time.perf_counter() - started
            target = folder / f"{len(pages)}.html"
            target.write_text(html, encoding="utf-8")
            pages[f"{name} ({len(dataset.claims):,} claims; built in {built:.1f} s)"] = target
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            times: dict[str, list[float]] = {name: [] for name in pages}
            for _ in range(args.rounds):
                for name, path in pages.items():  # side by side in each round, so load on the machine hits all alike
                    page = browser.new_page(viewport={"width": 1280, "height": 900})
                    page.goto(path.as_uri())
                    page.wait_for_load_state("load")
                    times[name].append(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000)
                    page.close()
            browser.close()
        print("| page | size | opens in (median, to the load event) |")
        print("|---|---|---|")
        for name, path in pages.items():
            print(f"| {name} | {path.stat().st_size / 1e6:.2f} MB | {statistics.median(times[name]):.2f} s |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
