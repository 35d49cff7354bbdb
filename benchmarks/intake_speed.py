"""Reading saved web pages against reading the same articles as text, side by side in one run.

Copies of the test story's four page layouts (tests/data/story/*.html), each with its own figures, and
the text trafilatura takes from each saved as a .txt, are read through the same intake code
(troopclaims.intake.read_article). Also the one-off cost of importing trafilatura and htmldate, against
`python -c pass`. Run: python benchmarks/intake_speed.py [--pages N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from troopclaims.intake import Entry, read_article

STORY = Path(__file__).resolve().parent.parent / "tests" / "data" / "story"


def _import_cost(rounds: int = 7) -> tuple[float, float]:
    def median(code: str) -> float:
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    return median("pass"), median("import trafilatura, htmldate")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400)
    count = parser.parse_args().pages
    layouts = [p.read_text(encoding="utf-8") for p in sorted(STORY.glob("*.html"))]
    with tempfile.TemporaryDirectory() as folder:
        pages = []
        for index in range(count):
            # Each copy gets its own figures, so no two pages are the same text.
            html = re.sub(r"\d[\d,]*(?= (?:soldiers|troops|peacekeepers|engineers))", f"{100 + index:,}", layouts[index % len(layouts)])
            page = Path(folder) / f"page{index:05d}.html"
            page.write_text(html, encoding="utf-8")
            pages.append(page)
        read_article(Entry(pages[0]))  # the first page pays for the imports; measured apart below
        start = time.perf_counter()
        for page in pages:
            read_article(Entry(page), save_text=True)
        html_seconds = time.perf_counter() - start
        texts = [page.with_suffix(".text.txt") for page in pages]
        for page, text in zip(pages, texts):
            text.write_text(page.with_suffix(".txt").read_text(encoding="utf-8"), encoding="utf-8")
        start = time.perf_counter()
        for text in texts:
            read_article(Entry(text))
        text_seconds = time.perf_counter() - start
    bare, imported = _import_cost()
    print(f"| reading | {count} articles | per article |")
    print("|---|---|---|")
    print(f"| saved web pages (.html), text saved beside each | {html_seconds:.2f} s | {html_seconds / count * 1000:.1f} ms |")
    print(f"| the same articles as text (.txt) | {text_seconds:.2f} s | {text_seconds / count * 1000:.2f} ms |")
    print(f"\nimport trafilatura, htmldate: {imported * 1000:.0f} ms against {bare * 1000:.0f} ms for python -c pass")


if __name__ == "__main__":
    main()
