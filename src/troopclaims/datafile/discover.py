"""Finding data files: the story a command runs in, and the data files a change touches.

A command given no --data runs on the story it stands in: the nearest `claims.yaml` of a story
(`troopclaims init`'s layout) in the current folder or one above it (find_story).

For the pre-commit hook, which is handed the files a commit changes: a changed data file is checked,
whatever its name; so is every data file under the folder searched that names a changed article as a
source (or the saved page that article's text was read from).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from ..files import MAX_DATA_BYTES, YamlProblem, load_located, read_text
from ..errors import TroopclaimsError

_SKIPPED_FOLDERS = {".git", ".hg", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache", "build", "dist"}
_DATA_SUFFIXES = (".yaml", ".yml")
# A data file has top-level 'version:' and 'sources:' keys; a sniff that reads no more than the file's start.
_SOURCES_KEY = re.compile(r"^sources\s*:", re.MULTILINE)
_VERSION_KEY = re.compile(r"^version\s*:", re.MULTILINE)
_PAGE_SUFFIXES = (".html", ".htm")


#: The data file a story folder holds, as `troopclaims init` makes it.
STORY_DATA = "claims.yaml"


def find_story(start: Path) -> Path | None:
    """The nearest story data file in start or a folder above it, or None when start is in no story."""
    here = start.absolute()
    for folder in (here, *here.parents):
        candidate = folder / STORY_DATA
        if looks_like_data_file(candidate):
            return candidate
    return None


def looks_like_data_file(path: Path) -> bool:
    if path.suffix.lower() not in _DATA_SUFFIXES or not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(256 * 1024).decode("utf-8", "replace")
    except OSError:
        return False
    return bool(_SOURCES_KEY.search(head) and _VERSION_KEY.search(head))


def data_files_in(folder: Path) -> list[Path]:
    found: list[Path] = []
    for here, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if name not in _SKIPPED_FOLDERS and not name.startswith("."))
        found.extend(Path(here) / name for name in sorted(files) if looks_like_data_file(Path(here) / name))
    return found


def data_files_touched(changed: Iterable[Path], search: Path) -> list[Path]:
    """The data files a change touches, in a stable order: changed ones, then those naming a changed article."""
    changed = list(changed)
    touched = [path for path in changed if looks_like_data_file(path)]
    articles = {path.resolve() for path in changed if not looks_like_data_file(path)}
    # A saved page's text is the .txt beside it: a changed page touches the data files that name that text.
    articles |= {path.with_suffix(".txt") for path in articles if path.suffix.lower() in _PAGE_SUFFIXES}
    if articles:
        seen = {path.resolve() for path in touched}
        for data in data_files_in(search):
            if data.resolve() not in seen and articles & _named_articles(data):
                touched.append(data)
                seen.add(data.resolve())
    return touched


def _named_articles(data: Path) -> set[Path]:
    """The resolved article files a data file's sources name; nothing when it cannot be read (check says why)."""
    try:
        content = load_located(read_text(data, limit=MAX_DATA_BYTES, what="data")).data
    except (TroopclaimsError, YamlProblem):
        return set()
    if not isinstance(content, dict):
        return set()
    root = data.parent / str(content.get("root") or ".")
    sources = content.get("sources")
    named: set[Path] = set()
    for source in sources if isinstance(sources, list) else []:
        if isinstance(source, dict) and isinstance(source.get("file"), str):
            named.add((root / source["file"]).resolve())
    return named
