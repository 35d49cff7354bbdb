"""Start-up cost of the CLI, as a ratio to a bare `python -c pass`, measured side by side.

Each round runs every command once in turn, so machine noise hits all of them alike; the figures are
medians over the rounds, with the largest peak memory (max RSS) seen. With --baseline PYTHON, the same
commands also run under another interpreter (a venv with a baseline checkout installed), interleaved in
the same rounds. Run from the repository root:
    python benchmarks/startup.py [--rounds N] [--baseline /path/to/baseline/.venv/bin/python]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

ARTICLE = "seeds/003_79fed1301217ceeb.txt"


def cases(python: str) -> dict[str, list[str]]:
    tool = [python, "-m", "troopclaims"]
    return {
        "python -c pass": [python, "-c", "pass"],
        "troopclaims --help": [*tool, "--help"],
        "troopclaims list": [*tool, "list", "--format", "csv"],
        "troopclaims conflicts": [*tool, "conflicts", "--format", "json"],
        "troopclaims extract (one article)": [*tool, "extract", ARTICLE, "--format", "json"],
    }


def _run(command: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--baseline", metavar="PYTHON", help="An interpreter whose troopclaims is the baseline.")
    args = parser.parse_args()
    runs = {"this": cases(sys.executable)}
    if args.baseline:
        runs["baseline"] = cases(args.baseline)
    times: dict[tuple[str, str], list[float]] = {}
    memory: dict[tuple[str, str], float] = {}
    for _ in range(args.rounds):
        for label, commands in runs.items():
            for name, command in commands.items():
                seconds, rss = _run(command)
                times.setdefault((label, name), []).append(seconds)
                memory[label, name] = max(memory.get((label, name), 0.0), rss)
    header = f"{'command':<34}" + "".join(f" {label + ' ms':>12} {'x python':>9} {'max RSS MB':>11}" for label in runs)
    print(header)
    for name in runs["this"]:
        line = f"{name:<34}"
        for label in runs:
            median = statistics.median(times[label, name])
            base = statistics.median(times[label, "python -c pass"])
            line += f" {median * 1000:>12.0f} {median / base:>9.1f} {memory[label, name]:>11.0f}"
        print(line)


if __name__ == "__main__":
    main()
