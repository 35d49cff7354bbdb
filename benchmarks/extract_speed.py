"""Extraction speed on one core: generate synthetic articles, read them back, extract them all.

    PYTHONPATH=src python benchmarks/extract_speed.py [N]   (default 10,000 articles)

Prints articles per second and MB per second of article text (CPU time of this process, so
other load on the machine distorts it less than wall time would), the peak memory Python
allocates while extracting (tracemalloc, on a sample: tracing slows Python several times over),
and the process's maximum resident size.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import write_corpus  # noqa: E402

from troopclaims.datafile import parse_value  # noqa: E402
from troopclaims.extraction import extract_article  # noqa: E402
from troopclaims.world import load_gazetteer  # noqa: E402

_TRACED_SAMPLE = 500


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 10_000
    published = parse_value("2019-10-22")
    load_gazetteer()  # loaded once per process, not per article
    with tempfile.TemporaryDirectory() as folder:
        paths = write_corpus(Path(folder), count)
        texts = [path.read_text(encoding="utf-8") for path in paths]
    size = sum(len(text.encode("utf-8")) for text in texts)
    extract_article(texts[0], source_id="warm", published=published)  # first use imports the date tagger

    started, wall = time.process_time(), time.perf_counter()
    claims = 0
    for index, text in enumerate(texts):
        claims += len(extract_article(text, source_id=f"a{index}", published=published))
    cpu, wall = time.process_time() - started, time.perf_counter() - wall

    tracemalloc.start()
    for index, text in enumerate(texts[:_TRACED_SAMPLE]):
        extract_article(text, source_id=f"a{index}", published=published)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    print(f"articles:      {count:,} ({size / 1e6:.1f} MB, mean {size / count / 1024:.1f} KiB; {claims:,} claims)")
    print(f"time:          {cpu:.1f} s CPU ({wall:.1f} s wall)")
    print(f"throughput:    {count / cpu:,.0f} articles/s, {size / 1e6 / cpu:.2f} MB/s")
    print(f"peak memory:   {peak / 1e6:.1f} MB traced while extracting ({_TRACED_SAMPLE} articles); max RSS {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
