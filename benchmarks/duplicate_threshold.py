"""How much text distinct articles share, against copies of one article: where add's NEAR_COPY threshold sits.

For every pair of development-set articles it measures the share of the shorter one's five-word runs found in
the other (engine/textsim.py's measure), then makes a near-copy of each article, as a re-saved or renamed copy
differs: a new header, lines rewrapped, curly quotes straightened, one paragraph cut (not the first), and
measures the copy against its original. The threshold must sit above every distinct pair and below the copies.

Run: TROOPCLAIMS_DEVSET=/path/to/articles python benchmarks/duplicate_threshold.py
"""

from __future__ import annotations

import itertools
import os
import random
import sys
from pathlib import Path

from troopclaims.engine import NEAR_COPY
from troopclaims.engine.textsim import shingles


def share(one: frozenset[str], other: frozenset[str]) -> float:
    small = min(len(one), len(other))
    return len(one & other) / small if small else 0.0


def near_copy(text: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) > 3:
        paragraphs.pop(rng.randrange(1, len(paragraphs)))
    copy = "Saved copy\nJan 1, 2024 | Other\n\n" + "\n\n".join(" ".join(p.split()) for p in paragraphs)
    return copy.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")


def main() -> int:
    folder = os.environ.get("TROOPCLAIMS_DEVSET")
    if not folder:
        print("set TROOPCLAIMS_DEVSET to the folder of development-set articles", file=sys.stderr)
        return 2
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))}
    sets = {name: shingles(text) for name, text in texts.items()}
    pairs = sorted(((share(sets[a], sets[b]), a, b) for a, b in itertools.combinations(sets, 2)), reverse=True)
    print(f"{len(texts)} articles, {len(pairs)} pairs of distinct articles; the most text shared:")
    for value, a, b in pairs[:5]:
        print(f"  {value:.3f}  {a}  {b}")
    rng = random.Random(1)
    copies = sorted(share(sets[name], shingles(near_copy(text, rng))) for name, text in texts.items())
    print(f"near-copies: lowest {copies[0]:.3f}, 5th percentile {copies[len(copies) // 20]:.3f}, median {copies[len(copies) // 2]:.3f}")
    print(f"NEAR_COPY = {NEAR_COPY}: {sum(v >= NEAR_COPY for v, _, _ in pairs)} distinct pairs above it, "
          f"{sum(v < NEAR_COPY for v in copies)} copies below it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
