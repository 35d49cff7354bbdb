"""Extraction speed side by side with spaCy's own nlp.pipe, then --jobs 2 against --jobs 1, and memory per worker.

    PYTHONPATH=src python benchmarks/extract_speed.py [N] [--real DIR] [--no-jobs]

1. Throughput on one core, in one process (CPU time, so other load on the machine distorts it less than wall
   time would), on the same texts:
   * extractor: `extract_article` on each article (it parses each sentence with the pipeline extraction
     loads, then reads the rules over the parse);
   * nlp.pipe: spaCy alone, the same pipeline with the same components (the ones extraction leaves out are
     left out here too), over the same articles, batch 64: what any reader built on this parse must at
     least spend. The ratio extractor / nlp.pipe is what troopclaims' own work costs on top of the parse.
   Two kinds of text: real-shaped (the five bundled seed articles and, when there, the development set's
   scratch texts, --real DIR, else $TROOPCLAIMS_DEVSET) and N synthetic
   articles (default 2,000) from make_corpus.py.
2. `troopclaims extract DIR --format jsonl --jobs 1` and `--jobs 2` on the N generated articles, as a user runs
   them (wall time, one after the other in this run), and the largest resident size of any process of the
   --jobs 2 run (ru_maxrss of the children): the peak memory of one worker, model included.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import write_corpus  # noqa: E402

from troopclaims.datafile import parse_value  # noqa: E402
from troopclaims.extraction import extract_article  # noqa: E402
from troopclaims.extraction.pipeline import BATCH, model_name, nlp  # noqa: E402
from troopclaims.world import load_gazetteer  # noqa: E402

_ROOT = Path(__file__).resolve().parent.parent
_PUBLISHED = parse_value("2019-10-22")


def _extract(texts: Iterable[str]) -> int:
    return sum(len(extract_article(text, source_id="a", published=_PUBLISHED)) for text in texts)


def _pipe(texts: Iterable[str]) -> int:
    return sum(len(doc) for doc in nlp().pipe(texts, batch_size=BATCH))


def _cpu(texts: list[str], read: Callable[[list[str]], int]) -> tuple[float, int]:
    started = time.process_time()
    found = read(texts)
    return time.process_time() - started, found


def _row(name: str, texts: list[str]) -> None:
    size = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    pipe_cpu, tokens = _cpu(texts, _pipe)
    cpu, claims = _cpu(texts, _extract)
    print(f"{name}: {len(texts):,} articles, {size:.2f} MB, {claims:,} claims, {tokens:,} tokens")
    print(f"  nlp.pipe alone: {size / pipe_cpu:6.3f} MB/s  ({pipe_cpu:.1f} s CPU)")
    print(f"  extractor:      {size / cpu:6.3f} MB/s  ({cpu:.1f} s CPU)  = {pipe_cpu / cpu:.2f}x nlp.pipe's throughput")


def _real_texts(argv: list[str]) -> tuple[list[str], str]:
    named = argv[argv.index("--real") + 1] if "--real" in argv else os.environ.get("TROOPCLAIMS_DEVSET")
    if not named:
        print("no development-set texts: pass --real DIR or set TROOPCLAIMS_DEVSET=DIR to add them")
    folder = Path(named) if named else None
    paths = sorted((_ROOT / "seeds").glob("*.txt"))
    devset = sorted(folder.glob("*.txt")) if folder and folder.is_dir() else []
    label = f"real-shaped (5 seeds + {len(devset)} development-set texts)" if devset else "real-shaped (5 seeds only)"
    return [path.read_text(encoding="utf-8") for path in paths + devset], label


def _jobs(folder: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds of one `troopclaims extract` run, and the largest resident size of its processes (MB)."""
    command = [sys.executable, "-m", "troopclaims", "extract", str(folder), "--format", "jsonl", "--published",
               "2019-10-22", "--jobs", str(jobs)]
    code = ("import resource, subprocess, sys, time\n"
            "t = time.perf_counter(); subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    # A fresh process per run, so that ru_maxrss counts only that run's processes.
    done = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True, check=True)
    wall, rss = done.stdout.split()
    return float(wall), float(rss)


def main(argv: list[str]) -> int:
    numbers = [a for i, a in enumerate(argv) if a.isdigit() and (i == 0 or argv[i - 1] != "--real")]
    count = int(numbers[0]) if numbers else 2_000
    load_gazetteer()
    nlp()  # load once, outside the timings
    print(f"pipeline {model_name()}: {', '.join(nlp().pipe_names)}")
    with tempfile.TemporaryDirectory() as folder:
        paths = write_corpus(Path(folder), count)
        texts = [path.read_text(encoding="utf-8") for path in paths]
        _extract(texts[:1])  # first use imports the date tagger
        real, label = _real_texts(argv)
        _row(label, real)
        _row(f"generated ({count:,} articles)", texts)
        if "--no-jobs" not in argv:
            one, rss_one = _jobs(Path(folder), 1)
            two, rss_two = _jobs(Path(folder), 2)
            print(f"troopclaims extract, {count:,} generated articles: --jobs 1 {one:.1f} s, --jobs 2 {two:.1f} s "
                  f"= {one / two:.2f}x (on {os.cpu_count()} cores, shared with whatever else runs)")
            print(f"  largest process: {rss_one:.0f} MB with --jobs 1, {rss_two:.0f} MB with --jobs 2 (one worker)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"this process's max RSS: {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
