"""Extraction: candidate claims from an article's text.

Takes an article's text, its publication date and the world (gazetteer); gives Claims, each anchored
to a verbatim quote. text.py cuts sentences and clauses; counts.py, units.py and measures.py read
what a number counts ("why was this number not read as troops?"); motion.py reads movements and
places; people.py and speech.py read who says it, attributing.py which attribution a clause takes;
actors.py whose forces; extract.py puts a claim together; run.py runs it over files; coverage.py and
evaluate.py measure it against reviewed claims.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .cluster import CorpusRun, partition_name, run_on_cluster
    from .coverage import coverage_warnings
    from .evaluate import evaluate
    from .extract import extract_article
    from .run import extract_file, extract_files
    from .units import unit_class

__all__ = [
    "CorpusRun",
    "partition_name",
    "run_on_cluster",
    "coverage_warnings",
    "evaluate",
    "extract_article",
    "extract_file",
    "extract_files",
    "unit_class",
]

# Each public name is imported from its module on first use (troopclaims.lazy).
_HOME = {
    "CorpusRun": "cluster",
    "partition_name": "cluster",
    "run_on_cluster": "cluster",
    "coverage_warnings": "coverage",
    "evaluate": "evaluate",
    "extract_article": "extract",
    "extract_file": "run",
    "extract_files": "run",
    "unit_class": "units",
}


__getattr__ = lazy_exports(__name__, _HOME)
