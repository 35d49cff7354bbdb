"""Public names of a stage imported on first use (PEP 562).

A stage's ``__init__.py`` lists where each public name lives and sets ``__getattr__ = lazy_exports(__name__, HOME)``.
Importing one module of a stage, or the CLI for ``--help``, then loads nothing else of the stage and none of
its libraries (pydantic, yaml, rich).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module


def lazy_exports(package: str, home: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` for package that imports ``name`` from ``package.home[name]`` once."""

    def __getattr__(name: str) -> object:
        if name not in home:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f".{home[name]}", package), name)
        setattr(sys.modules[package], name, value)  # later lookups skip this function
        return value

    return __getattr__
