"""Time and peak memory of the comparison engine over generated claim sets of growing size.

Claims come in stories, as news does: each story is one actor's movement on one route, told by
several outlets with a handful of rival figures, destinations and denials. Stories arrive at a
constant rate (four a day), so a larger set covers a longer period, as a growing archive does.
Each size runs in a fresh process so that its peak memory is its own.

Run: python benchmarks/conflicts_scale.py [--baseline SRC] [SIZE ...]   (default 1000 10000 100000)

--baseline SRC runs the same sizes, in the same run, on another checkout's source folder (its
`src`), e.g. the engine before events: `git worktree add /tmp/before <commit>` then
`--baseline /tmp/before/src`. Both the flat layout of old checkouts and the staged one are understood.
CPU is the process's own time on its one core (the figure to compare: wall time also counts other work on a
shared machine). Peak RSS is the whole process's (generation included); "engine +" is how much the engine's run
raised it.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from measured import measure as measure_call

ACTORS = ["US", "Russia", "Turkey", "Iran", "France", "United Kingdom", "Germany", "Iraq"]
PLACES = ["Syria", "Iraq", "Jordan", "Lebanon", "Kuwait", "Qatar", "Turkey", "Israel", "Saudi Arabia", "Egypt"]
STORIES_PER_DAY = 4


def _imports() -> tuple[Any, Any, Any, Any, Any]:
    """Claim, Source, build_facets, conflicts_among, load_gazetteer from whichever layout is on the path."""
    try:
        from troopclaims.datafile import Claim, Source
        from troopclaims.engine import conflicts_among
        from troopclaims.engine.facets import build_facets
        from troopclaims.world import load_gazetteer
    except ImportError:  # a checkout from before the stage folders
        from troopclaims.compare import conflicts_among  # type: ignore[no-redef]
        from troopclaims.facets import build_facets  # type: ignore[no-redef]
        from troopclaims.gazetteer import load_gazetteer  # type: ignore[no-redef]
        from troopclaims.model import Claim, Source  # type: ignore[no-redef]
    return Claim, Source, build_facets, conflicts_among, load_gazetteer


def generate(size: int, seed: int = 7) -> tuple[list[Any], dict[str, Any]]:
    Claim, Source = _imports()[:2]

    rng = random.Random(seed)
    claims: list[Any] = []
    sources: dict[str, Any] = {}
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
    return claims[:size], sources


def measure(size: int, label: str) -> None:
    build_facets, conflicts_among, load_gazetteer = _imports()[2:]
    claims, sources = generate(size)
    gazetteer = load_gazetteer()
    run = measure_call(lambda: conflicts_among(build_facets(claims, sources, gazetteer), gazetteer))
    print(f"{label:<9}{size:>8,} claims  {run.line()}  {run.cpu / size * 1e6:6.1f} µs/claim CPU  {len(run.result):>7,} conflicts", flush=True)


def main() -> None:
    args = sys.argv[1:]
    if len(args) > 2 and args[0] == "--one":
        measure(int(args[1]), args[2])
        return
    baseline = None
    if args[:1] == ["--baseline"]:
        baseline, args = args[1], args[2:]
    sizes = [int(a) for a in args] or [1000, 10000, 100000]
    print("engine time (facets + conflicts) on generated claims, one process per run")
    here = str(Path(__file__).resolve().parent.parent / "src")
    for size in sizes:
        for label, src in (("baseline", baseline), ("this", here)):
            if src is None:
                continue
            env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
            subprocess.run([sys.executable, __file__, "--one", str(size), label], check=True, env=env)


if __name__ == "__main__":
    main()
