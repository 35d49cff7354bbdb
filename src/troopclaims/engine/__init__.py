"""The comparison engine: which claims contradict each other, why, and the timeline.

Takes a Dataset; gives Conflicts (typed, with explanations and scope notes) and timeline rows.
facets.py reduces a claim to comparable facets, rules.py holds the pair rules, compare.py finds
and groups conflicts ("why are these two claims a conflict?"), explain.py explains one pair,
timeline.py orders the claims in time.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .compare import Conflict, conflicts_among, find_conflicts
    from .explain import explain_pair, explanation_lines
    from .timeline import TimelineRow, build_timeline, summary

__all__ = [
    "Conflict",
    "TimelineRow",
    "build_timeline",
    "conflicts_among",
    "explain_pair",
    "explanation_lines",
    "find_conflicts",
    "summary",
]

# Each public name is imported from its module on first use (PEP 562), so that importing one module of
# this stage, or the CLI's --help, does not load the whole stage and its libraries (pydantic, yaml, rich).
_HOME = {
    "Conflict": "compare",
    "conflicts_among": "compare",
    "find_conflicts": "compare",
    "explain_pair": "explain",
    "explanation_lines": "explain",
    "TimelineRow": "timeline",
    "build_timeline": "timeline",
    "summary": "timeline",
}


def __getattr__(name: str) -> object:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_HOME[name]}", __name__), name)
    globals()[name] = value
    return value
