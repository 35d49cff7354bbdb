"""The conflicts table against the JSON output of the same conflicts, on a generated story of about 2,500 claims.

    python benchmarks/table_scale.py [--claims 2500] [--rounds 3]

The story comes from make_dataset.py. Each format runs as a whole process with --no-cache, in turn, for
--rounds rounds; the figures are medians of the process's CPU time (user + system), with the wall time beside.
The table is laid out for a terminal of COLUMNS=160.
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


def run(command: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "COLUMNS": "160"})
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=2500)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, str(Path(__file__).parent / "make_dataset.py"), folder, "--claims", str(options.claims)],
                       check=True, stdout=subprocess.DEVNULL)
        data = Path(folder) / "claims.yaml"
        tool = [sys.executable, "-m", "troopclaims", "conflicts", "--data", str(data), "--no-cache", "--quiet", "--format"]
        cpu: dict[str, list[float]] = {"json": [], "table": []}
        wall: dict[str, list[float]] = {"json": [], "table": []}
        for _ in range(options.rounds):
            for name in cpu:
                used, seconds = run([*tool, name])
                cpu[name].append(used)
                wall[name].append(seconds)
        claims = data.read_text(encoding="utf-8").count("quote:")
        print(f"conflicts on {claims:,} claims, median of {options.rounds}")
        print("| format | CPU | x JSON | wall |")
        print("|---|---|---|---|")
        for name in cpu:
            ratio = statistics.median(cpu[name]) / statistics.median(cpu["json"])
            print(f"| {name} | {statistics.median(cpu[name]):.2f} s | {ratio:.2f} | {statistics.median(wall[name]):.2f} s |")


if __name__ == "__main__":
    main()
