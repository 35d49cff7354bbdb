"""Extraction speed on one core, side by side with a floor: a sentence split plus one number regex per sentence.

    PYTHONPATH=src python benchmarks/extract_speed.py [N] [--real DIR]

Two kinds of text:

* generated: N synthetic articles (default 10,000) from make_corpus.py, wire copy made from templates;
* real-shaped: the five bundled seed articles and, when there, the development set's scratch texts
  (--real DIR, else $TROOPCLAIMS_DEVSET; without either, the seeds alone), read repeatedly for a few
  seconds. These have the debris of real pages (captions, datelines, wrapped and glued lines).

For each it prints MB/s of the extractor and of the floor on the same text, in the same run (CPU time of
this process, so other load on the machine distorts it less than wall time would). The floor is what any
reader of the text must at least do; the gap between the two is what the rules cost. Then the peak memory
Python allocates while extracting (tracemalloc, on a sample: tracing slows Python several times over) and
the process's maximum resident size.
"""

from __future__ import annotations

import os
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import write_corpus  # noqa: E402

from troopclaims.datafile import parse_value  # noqa: E402
from troopclaims.extraction import extract_article  # noqa: E402
from troopclaims.world import load_gazetteer  # noqa: E402

_TRACED_SAMPLE = 500
_REAL_SECONDS = 5.0
_ROOT = Path(__file__).resolve().parent.parent

# The floor: sentences at a stop and a space or at a line end, and every figure in each sentence.
_FLOOR_SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
_FLOOR_NUMBER_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_PUBLISHED = parse_value("2019-10-22")


def _floor(text: str) -> int:
    return sum(len(_FLOOR_NUMBER_RE.findall(sentence[0])) for sentence in _FLOOR_SENTENCE_RE.finditer(text))


def _extract(text: str) -> int:
    return len(extract_article(text, source_id="a", published=_PUBLISHED))


def _timed(texts: list[str], read: Callable[[str], int], seconds: float | None) -> tuple[float, int, int]:
    """CPU seconds, passes over texts and items found: one pass, or as many as fit in seconds."""
    started = time.process_time()
    passes = found = 0
    while True:
        found += sum(read(text) for text in texts)
        passes += 1
        spent = time.process_time() - started
        if seconds is None or spent >= seconds:
            return spent, passes, found


def _row(name: str, texts: list[str], seconds: float | None) -> None:
    size = sum(len(text.encode("utf-8")) for text in texts)
    cpu, passes, claims = _timed(texts, _extract, seconds)
    floor_cpu, floor_passes, numbers = _timed(texts, _floor, max(seconds or 0.0, 1.0))
    mb = size * passes / 1e6
    print(f"{name}: {len(texts):,} articles, {size / 1e6:.2f} MB x {passes} pass(es), {claims // passes:,} claims per pass")
    print(f"  extractor:  {mb / cpu:6.2f} MB/s  ({len(texts) * passes / cpu:,.0f} articles/s, {cpu:.1f} s CPU)")
    print(f"  floor:      {size * floor_passes / 1e6 / floor_cpu:6.2f} MB/s  (sentence split + one number regex per "
          f"sentence; {numbers // floor_passes:,} numbers per pass)")


def _real_texts(argv: list[str]) -> tuple[list[str], str]:
    named = argv[argv.index("--real") + 1] if "--real" in argv else os.environ.get("TROOPCLAIMS_DEVSET")
    if not named:
        print("no development-set texts: pass --real DIR or set TROOPCLAIMS_DEVSET=DIR to add them")
    folder = Path(named) if named else None
    paths = sorted((_ROOT / "seeds").glob("*.txt"))
    devset = sorted(folder.glob("*.txt")) if folder and folder.is_dir() else []
    label = f"real-shaped (5 seeds + {len(devset)} development-set texts)" if devset else "real-shaped (5 seeds only)"
    return [path.read_text(encoding="utf-8") for path in paths + devset], label


def main(argv: list[str]) -> int:
    numbers = [a for i, a in enumerate(argv) if a.isdigit() and (i == 0 or argv[i - 1] != "--real")]
    count = int(numbers[0]) if numbers else 10_000
    load_gazetteer()  # loaded once per process, not per article
    with tempfile.TemporaryDirectory() as folder:
        paths = write_corpus(Path(folder), count)
        texts = [path.read_text(encoding="utf-8") for path in paths]
    _extract(texts[0])  # first use imports the date tagger

    real, label = _real_texts(argv)
    _row(label, real, _REAL_SECONDS)
    wall = time.perf_counter()
    _row(f"generated ({count:,} articles)", texts, None)
    wall = time.perf_counter() - wall

    tracemalloc.start()
    for text in texts[:_TRACED_SAMPLE]:
        _extract(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"wall time of the generated run: {wall:.1f} s")
    print(f"peak memory: {peak / 1e6:.1f} MB traced while extracting ({_TRACED_SAMPLE} articles); max RSS {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
