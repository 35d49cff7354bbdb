"""What loading the world costs a command that needs it, and reading one article with it.

Measured in a fresh process after the imports such a command has already paid for (YAML, pydantic,
the data model): the time and the memory (max RSS) that `load_gazetteer()` adds, the world index file's
size, and the time to index one article (every place and actor, ambiguity resolved). Median of N fresh
processes. Run: python benchmarks/world_load.py [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from importlib import resources

_PROBE = """
import json, resource, time
import yaml, pydantic
import troopclaims.datafile
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
from troopclaims.world import load_gazetteer
world = load_gazetteer()
loaded = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
text = open("seeds/003_79fed1301217ceeb.txt", encoding="utf-8").read()
start = time.perf_counter()
index = world.index(text)
indexed = time.perf_counter() - start
print(json.dumps({"load": loaded, "rss": (after - before) / 1024, "index": indexed, "chars": len(text),
                  "places": len(index.places_in(0, len(text))), "total": after / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11)
    rounds = parser.parse_args().rounds
    samples = [json.loads(subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True).stdout)
               for _ in range(rounds)]
    size = len(resources.files("troopclaims.world").joinpath("world.idx").read_bytes()) / 1e6
    median = {key: statistics.median(s[key] for s in samples) for key in ("load", "rss", "index", "total")}
    print(f"world index file: {size:.1f} MB")
    print(f"load_gazetteer(): {median['load'] * 1000:.0f} ms, +{median['rss']:.0f} MB max RSS "
          f"(process total {median['total']:.0f} MB), median of {rounds} processes")
    print(f"index one article ({samples[0]['chars']:,} characters, {samples[0]['places']} places): "
          f"{median['index'] * 1000:.1f} ms")


if __name__ == "__main__":
    main()
