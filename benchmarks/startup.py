"""Start-up cost of the CLI, as a ratio to a bare `python -c pass`, measured side by side.

Each round runs every command once in turn, so machine noise hits all of them alike; the
figures are medians over the rounds. Run: python benchmarks/startup.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

CASES = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "troopclaims --help": [sys.executable, "-m", "troopclaims", "--help"],
    "troopclaims list": [sys.executable, "-m", "troopclaims", "list", "--format", "csv"],
    "troopclaims check": [sys.executable, "-m", "troopclaims", "check"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    times: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(rounds):
        for name, command in CASES.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times["python -c pass"])
    print(f"{'command':<22} {'median ms':>10} {'x python':>9}")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"{name:<22} {median * 1000:>10.1f} {median / base:>9.2f}")


if __name__ == "__main__":
    main()
