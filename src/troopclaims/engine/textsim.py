"""Articles that share most of their text: one wire story run by several outlets, lightly edited.

Texts are cut into shingles (runs of SHINGLE words, case and punctuation folded). Two articles are wire
copies when the shingles they share make up at least WIRE_SHARE of the shorter one's. Which pairs are
measured comes from one of two finders; the share is then counted exactly either way:
- an index of shingles to articles, skipping shingles that most articles use. Measured up to 10,000
  articles it is faster than LSH and no heavier, so it is the default;
- from LSH_FROM articles on, when the optional `datasketch` package is installed, MinHash signatures in an
  LSH index, which need not hold every article's shingles at once (see README, "Why these libraries").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

#: Words per shingle: long enough that shared shingles mean shared sentences, not shared phrases.
SHINGLE = 5
#: Share of the shorter article's shingles found in the other that makes two articles one text.
WIRE_SHARE = 0.5
#: From this many articles on, candidate pairs come from datasketch's LSH index when it is installed: past the
#: sizes measured, where the index's shingles (about 50 kB an article) would pass 1 GB.
LSH_FROM = 20_000
#: The LSH index proposes pairs whose estimated Jaccard similarity reaches this (below WIRE_SHARE:
#: an article wholly inside one twice its length has a Jaccard similarity of 0.5).
LSH_THRESHOLD = 0.3
#: Hash functions per MinHash signature (datasketch's default).
PERMUTATIONS = 128
#: A shingle in more than this many articles is boilerplate, not a sign of shared copy.
COMMON = 50

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Shared:
    """Two articles (ids in order) and the share of the shorter one's text found in the other."""

    first: str
    second: str
    share: float


def shingles(text: str) -> frozenset[str]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return frozenset((" ".join(words),)) if words else frozenset()
    return frozenset(" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def shared_text(texts: Mapping[str, str], *, use_lsh: bool | None = None) -> list[Shared]:
    """Every pair of articles sharing at least WIRE_SHARE of the shorter one's text, in id order."""
    if use_lsh is None:
        use_lsh = len(texts) >= LSH_FROM and _has_datasketch()
    if use_lsh:
        # Signatures are made one article at a time; shingles are kept only for the articles of candidate pairs.
        pairs = _lsh_pairs(texts)
        sets = {sid: shingles(texts[sid]) for sid in sorted({sid for pair in pairs for sid in pair})}
    else:
        sets = {sid: shingles(text) for sid, text in sorted(texts.items()) if text}
        pairs = _index_pairs(sets)
    found = []
    for a, b in sorted(pairs):
        small = min(len(sets[a]), len(sets[b]))
        share = len(sets[a] & sets[b]) / small if small else 0.0
        if share >= WIRE_SHARE:
            found.append(Shared(a, b, round(share, 3)))
    return found


def _index_pairs(sets: Mapping[str, frozenset[str]]) -> set[tuple[str, str]]:
    postings: dict[str, list[str]] = defaultdict(list)
    for sid, items in sets.items():
        for item in items:
            postings[item].append(sid)
    together: Counter[tuple[str, str]] = Counter()
    indexed: Counter[str] = Counter()
    for ids in postings.values():
        if len(ids) <= COMMON:
            indexed.update(ids)
            if len(ids) > 1:
                together.update(combinations(ids, 2))
    # Shingles that most articles use are left out of the count (they would make it quadratic), so the bar is
    # half the share of what was counted: a copy shares its rare shingles as much as its common ones.
    return {pair for pair, n in together.items() if n >= WIRE_SHARE / 2 * min(indexed[pair[0]], indexed[pair[1]])}


def _has_datasketch() -> bool:
    from importlib.util import find_spec

    return find_spec("datasketch") is not None


def _lsh_pairs(texts: Mapping[str, str]) -> set[tuple[str, str]]:
    from datasketch import MinHash, MinHashLSH  # optional and slow to import: only for large corpora

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=PERMUTATIONS)
    # Copies of one empty MinHash share its permutations: drawing them is most of the cost of a new one.
    empty = MinHash(num_perm=PERMUTATIONS, seed=1)
    pairs: set[tuple[str, str]] = set()
    for sid, text in sorted(texts.items()):
        if not text:
            continue
        signature = empty.copy()
        signature.update_batch([item.encode("utf-8") for item in shingles(text)])
        # Each article is looked up among those before it, then added: no signature is kept but the index's.
        pairs.update((min(sid, other), max(sid, other)) for other in lsh.query(signature))
        lsh.insert(sid, signature)
    return pairs


#: Share of a new article's shingles found in an article already in the story that makes it the same article
#: again (renamed, re-saved, its header or a paragraph changed). Measured by benchmarks/duplicate_threshold.py on
#: the development set: distinct articles share at most 0.43 (a wire story run by two sites), while copies with a
#: new header, rewrapped lines, straightened quotes and one paragraph cut keep at least 0.89 (5th percentile 0.94).
NEAR_COPY = 0.8


def near_copy(text: str, known: Mapping[str, str]) -> Shared | None:
    """The article of known (id -> text) that text is a copy of, with the share, or None."""
    mine = shingles(text)
    best: Shared | None = None
    for sid, other in known.items():
        theirs = shingles(other)
        small = min(len(mine), len(theirs))
        share = len(mine & theirs) / small if small else 0.0
        if share >= NEAR_COPY and (best is None or share > best.share):
            best = Shared("", sid, round(share, 3))
    return best
