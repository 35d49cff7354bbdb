"""Time against input size for the pathological inputs of issue 16, side by side with ordinary ones.

    python benchmarks/hostile_scale.py [--quick]

Articles: the same number of characters as ordinary prose (one sentence per paragraph) and as one endless
line with no sentence end, run through `troopclaims extract` and through `troopclaims check` (whose
coverage note runs the extractor). Sources: a data file whose N sources all name one article, against
one whose N sources each name their own article, through `check` and `report`.

Each figure is the CPU time of the command's process (user + system), which a busy machine disturbs far
less than the wall clock; the wall time is shown beside it. Near-linear means the per-unit column stays
about flat as the size doubles.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCENE = ("the convoy of trucks and armoured vehicles crossed the river near the old railway bridge where "
         "local officials and residents watched from the road side as drivers slowed down in the rain")


def endless(size: int) -> str:
    """One line with no sentence end, a count in every stretch (the shape of the issue's 4 MB article)."""
    stretches = size // len(SCENE) + 1
    return " ".join(f"{SCENE} while about {400 + i} soldiers waited and" for i in range(stretches))[:size]


def prose(size: int) -> str:
    """About as many characters of ordinary paragraphs: one sentence each, a blank line between them."""
    sentences = size // 80 + 1  # each is at least 82 characters with its blank line: enough to cut to size
    return "\n\n".join(f"The convoy crossed the river near the old bridge as about {400 + i} soldiers waited."
                        for i in range(sentences))[:size]


def run(*args: str) -> tuple[float, float]:
    """CPU seconds of the command's process and wall seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "troopclaims", *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def data_file(folder: Path, n: int, *, shared: bool) -> Path:
    folder.mkdir(parents=True)
    (folder / "articles").mkdir()
    article = ("Published: 2024-03-07\n\nAbout 400 soldiers left the garrison at Tapa on Monday, the ministry said.\n\n"
               "A monitoring group said more than 250 troops had already arrived near Riga.\n")
    sources, claims = [], []
    for i in range(n):
        name = "a.txt" if shared else f"a{i}.txt"
        if not shared or i == 0:
            (folder / "articles" / name).write_text(article, encoding="utf-8")
        sources.append(f"  - {{id: s{i}, file: articles/{name}, outlet: X, title: T, "
                       "published: {date: '2024-03-07', basis: stated}}\n")
        claims.append(f"  - {{id: c{i}, source: s{i}, quote: About 400 soldiers left the garrison at Tapa on Monday}}\n")
    path = folder / "claims.yaml"
    path.write_text("version: 1\nsources:\n" + "".join(sources) + "claims:\n" + "".join(claims), encoding="utf-8")
    return path


def articles(work: Path, sizes: list[int]) -> None:
    print("| article | characters | extract CPU | per MB | check CPU | per MB | extract wall |")
    print("|---|---|---|---|---|---|---|")
    for size in sizes:
        for name, make in (("prose, one sentence a paragraph", prose), ("one line, no sentence end", endless)):
            folder = work / f"{name[:5]}-{size}"
            folder.mkdir()
            (folder / "articles").mkdir()
            text = "Published: 2024-03-07\n\n" + make(size) + "\n"
            (folder / "articles" / "a.txt").write_text(text, encoding="utf-8")
            data = folder / "claims.yaml"
            data.write_text("version: 1\nsources:\n  - {id: a, file: articles/a.txt, outlet: X, title: T, "
                            "published: {date: '2024-03-07', basis: stated}}\nclaims: []\n", encoding="utf-8")
            extract_cpu, extract_wall = run("extract", str(folder / "articles" / "a.txt"), "--format", "jsonl")
            check_cpu, _ = run("check", str(data))
            mb = len(text) / 1e6
            print(f"| {name} | {len(text):,} | {extract_cpu:.1f} s | {extract_cpu / mb:.1f} s | "
                  f"{check_cpu:.1f} s | {check_cpu / mb:.1f} s | {extract_wall:.1f} s |", flush=True)


def sources(work: Path, counts: list[int]) -> None:
    print("| sources | article per source | check CPU | per 1,000 | report CPU | per 1,000 | check wall |")
    print("|---|---|---|---|---|---|---|")
    for n in counts:
        for shared in (True, False):
            data = data_file(work / f"sources-{n}-{shared}", n, shared=shared)
            check_cpu, check_wall = run("check", str(data))
            report_cpu, _ = run("report", "--data", str(data), "-o", str(data.parent / "r.html"))
            label = "one article for all" if shared else "one each"
            print(f"| {n:,} | {label} | {check_cpu:.1f} s | {check_cpu / n * 1000:.2f} s | "
                  f"{report_cpu:.1f} s | {report_cpu / n * 1000:.2f} s | {check_wall:.1f} s |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a first look")
    parser.add_argument("--only", choices=["articles", "sources"], help="run one of the two tables")
    parser.add_argument("--sizes", type=lambda text: [int(n) for n in text.split(",")],
                        help="article sizes in characters, comma-separated (default 1, 2 and 4 million)")
    options = parser.parse_args()
    sizes = options.sizes or ([250_000, 500_000, 1_000_000] if options.quick else [1_000_000, 2_000_000, 4_000_000])
    counts = [2_500, 5_000, 10_000] if options.quick else [5_000, 10_000, 20_000]
    with tempfile.TemporaryDirectory() as folder:
        if options.only != "sources":
            articles(Path(folder), sizes)
            print()
        if options.only != "articles":
            sources(Path(folder), counts)


if __name__ == "__main__":
    main()
