"""Extraction throughput on a Dask LocalCluster of 1 and of 2 workers, beside one process without Dask, same run.

    python benchmarks/cluster_throughput.py [ARTICLES] [--partition-size N]

The corpus is made by make_corpus.py (synthetic wire copy). Each case extracts the whole corpus into a fresh
folder of partitions; the cluster's start-up (and each worker's loading of the parser) counts, as a user
waits for it. Wall time is what a cluster is for, so it is the figure; on a machine shared with other jobs,
run it when the machine is quiet, and compare the rows of one run only.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int, nargs="?", default=400)
    parser.add_argument("--partition-size", type=int, default=25)
    options = parser.parse_args()
    tool = [sys.executable, "-m", "troopclaims", "extract"]
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        subprocess.run([sys.executable, str(Path(__file__).parent / "make_corpus.py"), str(corpus), str(options.articles)],
                       check=True, stdout=subprocess.DEVNULL)
        size = sum(path.stat().st_size for path in corpus.iterdir()) / 1e6
        print(f"{options.articles} articles, {size:.2f} MB, partitions of {options.partition_size}")
        print("| case | wall | articles/s | x 1 worker |")
        print("|---|---|---|---|")
        cases = {
            "one process, no Dask": [*tool, str(corpus), "--format", "jsonl", "--quiet"],
            "Dask, 1 worker": [*tool, str(corpus), "--scheduler", "local:1", "--partitions", f"{folder}/one", "--quiet"],
            "Dask, 2 workers": [*tool, str(corpus), "--scheduler", "local:2", "--partitions", f"{folder}/two", "--quiet"],
        }
        seconds = {name: timed(command) for name, command in cases.items()}
        for name, wall in seconds.items():
            print(f"| {name} | {wall:.1f} s | {options.articles / wall:.1f} | {seconds['Dask, 1 worker'] / wall:.2f} |")


if __name__ == "__main__":
    main()
