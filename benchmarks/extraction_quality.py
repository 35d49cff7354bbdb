"""Score the extractor against a reviewed data file and print a table.

    PYTHONPATH=src python benchmarks/extraction_quality.py [data/claims.yaml]
"""

from __future__ import annotations

import sys
from pathlib import Path

from troopclaims.extraction import evaluate


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "data" / "claims.yaml"
    scores = evaluate(path)
    header = f"{'field':40} {'reviewed':>8} {'found':>6} {'recall':>7} {'extracted':>9} {'correct':>7} {'precision':>9}"
    print(header)
    print("-" * len(header))
    for score in scores:
        print(
            f"{score.field:40} {score.reviewed:8} {score.found:6} {_percent(score.recall):>7} "
            f"{score.candidates:9} {score.correct:7} {_percent(score.precision):>9}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
