"""Start-up cost of the CLI as whole processes, beside the imports of its dependencies in the same run.

Each round runs every case once in turn, so machine noise hits all of them alike; the figures are medians
over the rounds (at least 7) of the process's CPU time (user + system: what a busy shared machine disturbs
least) and of its wall time, with the largest peak memory (max RSS) seen, and each is divided by its
baseline from the same rounds:
- `--help` against `python -c "import click"`;
- `list` and `conflicts` on the bundled data against `python -c "import click, pydantic, rich, yaml"`, with a
  warm analysis cache (an earlier run left its entry) and as a first run (an empty cache folder each time).
With --baseline PYTHON, the same commands also run under another interpreter (a venv with a baseline checkout
installed), interleaved in the same rounds. Each interpreter's troopclaims is byte-compiled first, as
`pip install` does for an installed package: with PYTHONDONTWRITEBYTECODE set (as on this project's machine)
an editable install would otherwise compile every module from source on every run. Run from the repository root:
    python benchmarks/startup.py [--rounds N] [--baseline /path/to/baseline/.venv/bin/python]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARTICLE = "seeds/003_79fed1301217ceeb.txt"
IMPORTS = "import click, pydantic, rich, yaml"


def cases(python: str) -> dict[str, tuple[list[str], str, str | None]]:
    """Each case: its command, the case it is compared with, and its cache ("warm", "cold" or None)."""
    tool = [python, "-m", "troopclaims"]
    return {
        "python -c pass": ([python, "-c", "pass"], "python -c pass", None),
        "import click": ([python, "-c", "import click"], "import click", None),
        IMPORTS: ([python, "-c", IMPORTS], IMPORTS, None),
        "troopclaims --help": ([*tool, "--help"], "import click", None),
        "list, warm cache": ([*tool, "list", "--format", "csv"], IMPORTS, "warm"),
        "conflicts, warm cache": ([*tool, "conflicts", "--format", "json"], IMPORTS, "warm"),
        "list, first run": ([*tool, "list", "--format", "csv"], IMPORTS, "cold"),
        "conflicts, first run": ([*tool, "conflicts", "--format", "json"], IMPORTS, "cold"),
        "extract (one article)": ([*tool, "extract", ARTICLE, "--format", "json"], "python -c pass", None),
    }


def _run(command: list[str], cache: str | None, warm: Path) -> tuple[float, float, float]:
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as cold:
        if cache is not None:
            env["TROOPCLAIMS_CACHE_DIR"] = str(warm if cache == "warm" else cold)
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return usage.ru_utime + usage.ru_stime, seconds, usage.ru_maxrss / 1024


def compile_package(python: str) -> None:
    """Write the package's .pyc files, which a user's installed copy has and an editable one may lack."""
    where = subprocess.run([python, "-c", "import os, troopclaims; print(os.path.dirname(troopclaims.__file__))"],
                           check=True, capture_output=True, text=True).stdout.strip()
    subprocess.run([python, "-m", "compileall", "-q", where], check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--baseline", metavar="PYTHON", help="An interpreter whose troopclaims is the baseline.")
    args = parser.parse_args()
    runs = {"this": cases(sys.executable)}
    if args.baseline:
        runs["baseline"] = cases(args.baseline)
    times: dict[tuple[str, str], list[float]] = {}
    walls: dict[tuple[str, str], list[float]] = {}
    memory: dict[tuple[str, str], float] = {}
    for commands in runs.values():
        compile_package(commands["python -c pass"][0][0])
    with tempfile.TemporaryDirectory() as folder:
        warm = {label: Path(folder) / label for label in runs}
        for label, commands in runs.items():  # fill each warm cache once, unmeasured
            for command, _, cache in commands.values():
                if cache == "warm":
                    _run(command, cache, warm[label])
        for _ in range(max(args.rounds, 7)):
            for label, commands in runs.items():
                for name, (command, _, cache) in commands.items():
                    cpu, seconds, rss = _run(command, cache, warm[label])
                    times.setdefault((label, name), []).append(cpu)
                    walls.setdefault((label, name), []).append(seconds)
                    memory[label, name] = max(memory.get((label, name), 0.0), rss)
    print(f"median of {max(args.rounds, 7)} interleaved rounds; 'x base' divides by the median of the case named beside it")
    header = f"{'case':<34} {'against':<36}" + "".join(
        f" {label + ' CPU ms':>12} {'x base':>7} {'wall ms':>8} {'x base':>7} {'MB':>5}" for label in runs)
    print(header)
    for name, (_, against, _) in runs["this"].items():
        line = f"{name:<34} {against:<36}"
        for label in runs:
            cpu, cpu_base = statistics.median(times[label, name]), statistics.median(times[label, against])
            wall, wall_base = statistics.median(walls[label, name]), statistics.median(walls[label, against])
            line += (f" {cpu * 1000:>12.0f} {cpu / cpu_base:>7.2f} {wall * 1000:>8.0f} {wall / wall_base:>7.2f}"
                     f" {memory[label, name]:>5.0f}")
        print(line)


if __name__ == "__main__":
    main()
