"""A manifest: what a person knows about each article of a folder, one row an article.

CSV with a header row, or YAML (a list of mappings), with the columns file, url, outlet, published,
and optionally title and author. file is relative to the manifest's folder. published is YYYY,
YYYY-MM, YYYY-MM-DD, or a day with a time ("2024-02-14T09:30", "2024-02-14 09:30Z").
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..datafile import DateValue, parse_publication
from ..errors import TroopclaimsError
from ..files import MAX_DATA_BYTES, YamlProblem, load_located, path_kind, read_text

#: File names a folder's manifest may have, in the order they are looked for.
MANIFEST_NAMES = ("manifest.csv", "manifest.yaml", "manifest.yml")
COLUMNS = ("file", "url", "outlet", "published", "title", "author")
_DAY_TIME = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})[T ](?P<clock>\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(?P<zone>Z|[+-]\d{2}:?\d{2})?$")


@dataclass(frozen=True)
class Listing:
    """One manifest row; None where the row leaves a column empty."""

    file: Path  # as resolved against the manifest's folder
    url: str | None
    outlet: str | None
    published: DateValue | None
    time: str | None
    title: str | None
    author: str | None
    where: str  # "articles/manifest.csv:3", for messages
    manifest: Path  # the manifest file, resolved, and the row's line: the source's record of how it was dated
    line: int


def is_manifest(path: Path) -> bool:
    """A file named on the command line is a manifest when it is CSV or YAML: articles are text or HTML."""
    return path.suffix.lower() in (".csv", ".yaml", ".yml")


def folder_manifest(folder: Path) -> Path | None:
    """The folder's manifest, if it has one. A name that cannot even be looked up (no permission to search
    the folder) is given too: reading it then says why, rather than the manifest being silently passed over."""
    for name in MANIFEST_NAMES:
        try:
            if path_kind(folder / name) == "file":
                return folder / name
        except TroopclaimsError:
            return folder / name
    return None


def parse_published(value: str) -> tuple[DateValue, str | None]:
    """A date as a manifest or --published gives it: a year, month or day, or a day with a time.

    The date follows the data file's rule for publication dates, so whatever is accepted here is
    valid in the data file it is written to (a week, say, is refused here, not by a later check).
    """
    value = value.strip()
    match = _DAY_TIME.match(value)
    if match:
        return parse_publication(match["day"]), match["clock"] + (match["zone"] or "")
    return parse_publication(value), None


def read_manifest(path: Path) -> list[Listing]:
    """Every row of a manifest; TroopclaimsError naming the file and line of the first bad row."""
    text = read_text(path, limit=MAX_DATA_BYTES, what="manifest")
    rows = _csv_rows(path, text) if path.suffix.lower() == ".csv" else _yaml_rows(path, text)
    folder = path.parent
    listings: list[Listing] = []
    for line, row in rows:
        where = f"{path}:{line}"
        unknown = sorted(set(row) - set(COLUMNS))
        if unknown:
            raise TroopclaimsError(f"{where}: unknown column {unknown[0]!r}; the columns are {', '.join(COLUMNS)}")
        values = {key: _text(row.get(key)) for key in COLUMNS}
        if not values["file"]:
            url = f" for {values['url']}" if values["url"] else ""
            raise TroopclaimsError(
                f"{where}: no file{url}; troopclaims reads saved pages and never downloads: save the page and name it in 'file'"
            )
        published, time = None, None
        if values["published"]:
            try:
                published, time = parse_published(values["published"])
            except ValueError as exc:
                raise TroopclaimsError(f"{where}: published: {exc}") from None
        listings.append(
            Listing(
                folder / str(values["file"]), values["url"], values["outlet"], published, time, values["title"], values["author"],
                where, path.resolve(), line,
            )
        )
    return listings


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _csv_rows(path: Path, text: str) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise TroopclaimsError(f"{path}: empty manifest; its first line names the columns ({', '.join(COLUMNS)})")
    reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
    rows: list[tuple[int, dict[str, Any]]] = []
    try:
        for row in reader:
            if None in row:
                raise TroopclaimsError(f"{path}:{reader.line_num}: more values than columns")
            if any((value or "").strip() for value in row.values()):
                rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise TroopclaimsError(f"{path}:{reader.line_num}: {exc}") from None
    return rows


def _yaml_rows(path: Path, text: str) -> list[tuple[int, dict[str, Any]]]:
    try:
        located = load_located(text)
    except YamlProblem as exc:
        raise TroopclaimsError(f"{path}:{exc.line}:{exc.column}: {exc.message}") from None
    data = located.data
    if not isinstance(data, list):
        raise TroopclaimsError(f"{path}: a YAML manifest is a list of articles, each with {', '.join(COLUMNS)}")
    rows: list[tuple[int, dict[str, Any]]] = []
    for index, row in enumerate(data):
        line, _ = located.position((index,))
        if not isinstance(row, dict):
            raise TroopclaimsError(f"{path}:{line}: each article is a mapping with {', '.join(COLUMNS)}")
        rows.append((line, row))
    return rows
