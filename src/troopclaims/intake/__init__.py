"""Intake: finding article files, reading them, and the publication dates they state.

Takes paths given on the command line; gives the article files in order, each article's source id
and the date its dateline states, if any.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .articles import article_files, source_id_for, stated_date

__all__ = [
    "article_files",
    "source_id_for",
    "stated_date",
]

# Each public name is imported from its module on first use (PEP 562), so that importing one module of
# this stage, or the CLI's --help, does not load the whole stage and its libraries (pydantic, yaml, rich).
_HOME = {
    "article_files": "articles",
    "source_id_for": "articles",
    "stated_date": "articles",
}


def __getattr__(name: str) -> object:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_HOME[name]}", __name__), name)
    globals()[name] = value
    return value
