"""Time of one review decision in a story of 2,500 claims: review's claim-by-claim writes against the whole-file edit before them.

Each decision writes one changed claim (a note set, so that every decision really changes the file) and is
timed whole: the check of the claim, the lock, the comparison with the file on disk, the write and the rename.
The baseline, in the same run on the same file, is `update_claim` as review called it before (the module
read from git at BASELINE_REV): it parsed the whole file, rewrote the claim and parsed both texts again to
verify the change, for every decision.

Run: python benchmarks/review_speed.py [--claims 2500] [--decisions 15] [--baseline-rev REV]
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from make_dataset import write_dataset

from troopclaims.datafile import ReviewFile, load_dataset

REPO = Path(__file__).resolve().parent.parent
#: The last commit whose review wrote each decision through the whole-file edit.
BASELINE_REV = "5b8d1fd"


def baseline_module(rev: str, scratch: Path) -> ModuleType:
    """datafile/edit.py as it was at rev, imported inside the installed package so its relative imports resolve."""
    source = subprocess.run(["git", "-C", str(REPO), "show", f"{rev}:src/troopclaims/datafile/edit.py"],
                            capture_output=True, text=True, check=True).stdout
    path = scratch / "edit_before.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("troopclaims.datafile._edit_before", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(decide: Callable[[int], None], decisions: int) -> list[float]:
    times = []
    for number in range(decisions):
        began = time.perf_counter()
        decide(number)
        times.append(time.perf_counter() - began)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=2500)
    parser.add_argument("--decisions", type=int, default=15)
    parser.add_argument("--baseline-rev", default=BASELINE_REV)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        data = write_dataset(scratch / "story", 50, 7, args.claims)
        pristine = data.read_bytes()
        before = baseline_module(args.baseline_rev, scratch)

        began = time.perf_counter()
        dataset = load_dataset(data)
        loaded = time.perf_counter() - began
        claims = dataset.claims[:: max(1, len(dataset.claims) // args.decisions)][: args.decisions]
        size = len(pristine) / 1e6
        print(f"{len(dataset.claims):,} claims, {size:.1f} MB; {len(claims)} decisions each, one claim changed per decision")

        def old(number: int) -> None:
            before.update_claim(data, claims[number].model_copy(update={"note": f"decision {number}"}))

        old_times = timed(old, len(claims))

        data.write_bytes(pristine)
        began = time.perf_counter()
        review = ReviewFile(data)
        opened = time.perf_counter() - began
        current = {claim.id: claim for claim in review.claims()}

        def new(number: int) -> None:
            shown = current[claims[number].id]
            changed = shown.model_copy(update={"note": f"decision {number}"})
            review.write([(shown, changed)])
            current[changed.id] = changed

        new_times = timed(new, len(claims))
        assert load_dataset(data).claims  # the file is whole after every decision
        for name, start, times in (("before (whole-file edit)", loaded, old_times), ("now (ReviewFile)", opened, new_times)):
            print(f"{name:26} open {start:6.2f} s   per decision: median {statistics.median(times):.3f} s, "
                  f"max {max(times):.3f} s")
        print(f"median speed-up: {statistics.median(old_times) / statistics.median(new_times):.0f}x")
    shutil.rmtree(scratch_name, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
