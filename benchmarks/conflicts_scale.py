"""Time and peak memory of the comparison engine over generated claim sets of growing size.

Claims come in stories, as news does: each story is one actor's movement on one route, told by
several outlets with a handful of rival figures, destinations and denials. Stories arrive at a
constant rate (four a day), so a larger set covers a longer period, as a growing archive does.
Each size runs in a fresh process so that its peak memory is its own.

Run: python benchmarks/conflicts_scale.py [SIZE ...]   (default 1000 10000 100000)
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta

ACTORS = ["US", "Russia", "Turkey", "Iran", "France", "United Kingdom", "Germany", "Iraq"]
PLACES = ["Syria", "Iraq", "Jordan", "Lebanon", "Kuwait", "Qatar", "Turkey", "Israel", "Saudi Arabia", "Egypt"]
STORIES_PER_DAY = 4


def generate(size: int, seed: int = 7) -> tuple[list[object], dict[str, object]]:
    from troopclaims.datafile import Claim, Source

    rng = random.Random(seed)
    claims: list[Claim] = []
    sources: dict[str, Source] = {}
    start = date(2000, 1, 1)
    story = 0
    while len(claims) < size:
        day = start + timedelta(days=story // STORIES_PER_DAY)
        actor = rng.choice(ACTORS)
        origin, destination = rng.sample(PLACES, 2)
        figures = [rng.choice([50, 300, 700, 1000, 2500]) for _ in range(3)]
        for outlet in range(rng.randint(2, 5)):
            sid = f"s{story}-{outlet}"
            sources[sid] = Source.model_validate(
                {"id": sid, "file": f"{sid}.txt", "outlet": f"Outlet {outlet}", "title": "t",
                 "published": {"date": (day + timedelta(days=outlet)).isoformat(), "basis": "stated"}}
            )
            for n in range(rng.randint(2, 4)):
                kind = rng.random()
                fields: dict[str, object] = {"id": f"{sid}-{n}", "source": sid, "quote": "q", "actor": actor, "unit": "troops"}
                if kind < 0.5:
                    fields.update(movement="move", origin=origin, destination=destination,
                                  count={"qualifier": rng.choice(["exact", "about", "more_than"]), "value": rng.choice(figures)})
                elif kind < 0.7:
                    fields.update(movement="move", origin=origin, destination=rng.choice([destination, "home"]))
                elif kind < 0.85:
                    fields.update(movement="withdraw", origin=origin, polarity=rng.choice(["asserted", "denied"]))
                else:
                    fields.update(movement="stay", location=destination, modality=rng.choice(["plan", "permission"]),
                                  polarity=rng.choice(["asserted", "denied"]))
                claims.append(Claim.model_validate(fields))
        story += 1
    return claims[:size], sources  # type: ignore[return-value]


def measure(size: int) -> None:
    from troopclaims.engine import conflicts_among
    from troopclaims.engine.facets import build_facets
    from troopclaims.world import load_gazetteer

    claims, sources = generate(size)
    gazetteer = load_gazetteer()
    began = time.perf_counter()
    facets = build_facets(claims, sources, gazetteer)  # type: ignore[arg-type]
    found = conflicts_among(facets, gazetteer)
    elapsed = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{size:>8,} claims  {elapsed:8.2f} s  {elapsed / size * 1e6:7.1f} µs/claim  "
          f"peak RSS {peak_mb:7.1f} MB  {len(found):>7,} conflicts")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        measure(int(sys.argv[2]))
        return
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000, 100000]
    print("engine time (facets + conflicts) on generated claims; peak RSS includes generation")
    for size in sizes:
        subprocess.run([sys.executable, __file__, "--one", str(size)], check=True)


if __name__ == "__main__":
    main()
