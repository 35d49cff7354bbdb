"""World knowledge: places and actors, what a name in an article refers to and what contains what.

Takes the built-in gazetteer.yaml (and a user's file of the same format); gives a Gazetteer that finds
places and actors in running text and answers containment ("is Nineveh in Iraq?").
Modules: matching.py (normalised name keys, longest match), gazetteer.py (the Gazetteer, TextIndex),
loading.py (reading and checking a gazetteer file).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .gazetteer import Gazetteer, Place, TextIndex
    from .loading import load_gazetteer

__all__ = [
    "Gazetteer",
    "Place",
    "TextIndex",
    "load_gazetteer",
]

# Each public name is imported from its module on first use (PEP 562), so that importing one module of
# this stage, or the CLI's --help, does not load the whole stage and its libraries (pydantic, yaml, rich).
_HOME = {
    "Gazetteer": "gazetteer",
    "Place": "gazetteer",
    "TextIndex": "gazetteer",
    "load_gazetteer": "loading",
}


def __getattr__(name: str) -> object:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_HOME[name]}", __name__), name)
    globals()[name] = value
    return value
