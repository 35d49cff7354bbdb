"""Finding articles that share most of their text: the shingle index against datasketch's MinHash LSH.

Articles are generated: sentences drawn from a pool of invented news phrases with a figure in each, so that
articles share phrases but rarely whole sentences, as articles on one story do; one in ten is a lightly edited copy of another
(a wire story run twice). Each finder runs in a fresh process, so its peak memory is its own. The cost
of importing datasketch (numpy and scipy come with it) is measured apart: CPU time and memory, best of five.

Run: python benchmarks/textsim_scale.py [SIZE ...]   (default 500 2000 10000; needs the "corpus" extra)
"""

from __future__ import annotations

import random
import subprocess
import sys

from measured import measure as measure_call

SUBJECTS = ["Troops", "Soldiers", "A convoy", "Armoured vehicles", "Two battalions", "Marines", "Paratroopers", "Engineers"]
VERBS = ["left", "reached", "crossed into", "withdrew from", "returned to", "moved towards", "arrived near", "set up camp outside"]
PLACES = ["the northern base", "the border town", "the capital", "the river crossing", "the airfield", "the coastal road",
          "the provincial centre", "the old garrison", "the oil fields", "the mountain pass"]
TAILS = ["on Monday, officials said.", "overnight, residents reported.", "according to a local monitor.",
         "a spokesman told reporters.", "in a long column of trucks.", "before dawn, witnesses said.",
         "despite the ceasefire.", "as talks continued in the capital."]


def corpus(size: int, seed: int = 5) -> dict[str, str]:
    rng = random.Random(seed)
    texts: dict[str, str] = {}
    for i in range(size):
        if i % 10 == 9:  # a wire copy of an earlier article, with a sentence dropped and one changed
            sentences = texts[f"a{rng.randrange(i - 1):06d}"].split(". ")
            del sentences[rng.randrange(len(sentences))]
            sentences[0] = sentences[0].replace(" on Monday", " on Tuesday")
            texts[f"a{i:06d}"] = ". ".join(sentences)
        else:
            count = rng.randint(12, 30)
            texts[f"a{i:06d}"] = " ".join(
                f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(PLACES)} with {rng.randint(20, 5000)} men {rng.choice(TAILS)}"
                for _ in range(count)
            )
    return texts


def measure(size: int, finder: str) -> None:
    from troopclaims.engine import shared_text

    texts = corpus(size)
    mb = sum(len(t) for t in texts.values()) / 1e6
    run = measure_call(lambda: shared_text(texts, use_lsh=finder == "lsh"))
    print(f"{finder:<6}{size:>7,} articles ({mb:5.1f} MB)  {run.line()}  {len(run.result):>6,} pairs", flush=True)


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--one"]:
        measure(int(args[1]), args[2])
        return
    sizes = [int(a) for a in args] or [500, 2000, 10000]
    probe = ("import resource, time; r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; t = time.process_time(); "
             "import datasketch; print(time.process_time() - t, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - r) / 1024)")
    runs = [subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout.split() for _ in range(5)]
    cpu, mb = min(float(r[0]) for r in runs), min(float(r[1]) for r in runs)
    print(f"import datasketch (numpy, scipy): {cpu:.2f} s CPU, +{mb:.0f} MB RSS (best of five)")
    for size in sizes:
        for finder in ("index", "lsh"):
            subprocess.run([sys.executable, __file__, "--one", str(size), finder], check=True)


if __name__ == "__main__":
    main()
