"""Finding article files, reading them, and the publication dates they state."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..datafile import DateValue, parse_value
from ..errors import UsageError

# A dateline near the top of an article: "date 2019-10-22", "Published: 2019-10-22", "Posted on 2019-10-22".
_STATED = re.compile(
    r"^\W*(?:date|dated|published|posted|updated)(?:\s+on)?\s*:?\s*(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE | re.MULTILINE
)
_HEAD_LINES = 5



def article_files(paths: Iterable[Path]) -> list[Path]:
    """The articles named: files as given, folders by their *.txt files in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.glob("*.txt") if p.is_file()))
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    if not found:
        raise UsageError("no article files (*.txt) found in the paths given")
    return found


def stated_date(text: str) -> DateValue | None:
    """The publication date an article states in its first lines, if it states one."""
    head = "\n".join(text.splitlines()[:_HEAD_LINES])
    match = _STATED.search(head)
    if match is None:
        return None
    try:
        return parse_value(match[1])
    except ValueError:
        return None


def source_id_for(path: Path) -> str:
    """An identifier from the file name: letters, digits, '.', '_' and '-' only."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-._")
    return stem or "article"

