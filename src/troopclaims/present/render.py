"""Renderers: one View of rows, written to a stream as a table, JSON, CSV or Markdown.

Commands build a View and pick a renderer by name from RENDERERS; no command formats output itself.
Machine formats bypass rich entirely so nothing is wrapped, coloured or read as markup.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from ..errors import one_line

#: Below this many characters a column shows a few letters per line; a table that cannot give each of
#: its columns this much is shown as records (one "header: value" line per cell) instead.
MIN_CELL = 10


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    wide: bool = False  # long text (quotes, explanations): allowed to wrap in tables


@dataclass
class View:
    """What a command shows: flat rows for tables, and full records for JSON."""

    title: str
    columns: list[Column]
    rows: list[dict[str, str]]
    records: list[Any]
    group_by: str | None = None
    notes: list[str] = field(default_factory=list)
    # Machine rows for CSV when they differ from the table's (tidy data rather than display cells).
    csv_columns: list[str] | None = None
    csv_rows: list[dict[str, str]] | None = None


def ascii_only(stream: TextIO) -> bool:
    """True when the stream cannot take every character (a console that is not UTF-8).

    JSON then escapes every non-ASCII character (\\u2192), which any JSON reader turns back: data is
    never replaced by a stand-in.
    """
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    return encoding not in ("utf8", "utf8sig", "utf16", "utf32")


def render_json(view: View, stream: TextIO) -> None:
    json.dump(view.records, stream, indent=2, ensure_ascii=ascii_only(stream), default=str)
    stream.write("\n")


def render_jsonl(view: View, stream: TextIO) -> None:
    for record in view.records:
        stream.write(json.dumps(record, ensure_ascii=ascii_only(stream), default=str))
        stream.write("\n")


def render_csv(view: View, stream: TextIO) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    keys = view.csv_columns if view.csv_columns is not None else [column.key for column in view.columns]
    writer.writerow(keys)
    for row in view.csv_rows if view.csv_rows is not None else view.rows:
        writer.writerow([row.get(key, "") for key in keys])


def _md_cell(value: str) -> str:
    return one_line(value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>"))


def _cell(value: str) -> str:
    """A value as a terminal may show it: line breaks as spaces, other control characters escaped."""
    return one_line(value.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))


def render_markdown(view: View, stream: TextIO) -> None:
    stream.write(f"## {view.title}\n\n")
    columns = [c for c in view.columns if c.key != view.group_by]
    group: str | None = None
    for index, row in enumerate(view.rows):
        if index == 0 or (view.group_by and row.get(view.group_by) != group):
            group = row.get(view.group_by or "", "")
            if view.group_by:
                stream.write(f"{'' if index == 0 else chr(10)}### {_md_cell(group)}\n\n")
            stream.write("| " + " | ".join(c.header for c in columns) + " |\n")
            stream.write("|" + "|".join("---" for _ in columns) + "|\n")
        stream.write("| " + " | ".join(_md_cell(row.get(c.key, "")) for c in columns) + " |\n")
    if not view.rows:
        stream.write("_Nothing to show._\n")
    for note in view.notes:
        stream.write(f"\n{note}\n")


def _plain(stream: TextIO) -> bool:
    """Plain text (no colour, ASCII rules) when not writing to a terminal or when NO_COLOR is set."""
    return bool(os.environ.get("NO_COLOR")) or not (hasattr(stream, "isatty") and stream.isatty())


def render_table(view: View, stream: TextIO) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    plain = _plain(stream)
    width = int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else (160 if plain else None)
    console = Console(
        file=stream, no_color=plain, color_system=None if plain else "auto", width=width, highlight=False, soft_wrap=False
    )
    # The grouping column is shown once, as a heading row over its group, rather than on every row.
    columns = [c for c in view.columns if c.key != view.group_by]
    if console.width < len(columns) * (MIN_CELL + 3) + 1:
        _render_records(view, columns, console)
        return
    table = Table(title=view.title, box=box.ASCII2 if plain else box.ROUNDED, show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(column.header, overflow="fold", ratio=1 if column.wide else None, max_width=None if column.wide else 30)
    group: str | None = None
    for row in view.rows:
        if view.group_by and row.get(view.group_by) != group:
            group = row.get(view.group_by)
            if table.row_count:
                table.add_section()
            table.add_row(Text(_cell(group or ""), style="bold"), *("" for _ in columns[1:]))
        table.add_row(*(Text(_cell(row.get(column.key, ""))) for column in columns))
    console.print(table)
    for note in view.notes:
        console.print(Text(_cell(note)))


def _render_records(view: View, columns: list[Column], console: Any) -> None:
    """A table too wide for the terminal, as records: each row a block of "header: value" lines, wrapped."""
    from rich.text import Text

    console.print(Text(_cell(view.title), style="bold"), overflow="fold")
    group: str | None = None
    for row in view.rows:
        if view.group_by and row.get(view.group_by) != group:
            group = row.get(view.group_by)
            console.print(Text(f"== {_cell(group or '')}", style="bold"), overflow="fold")
        console.print()
        for column in columns:
            value = row.get(column.key, "")
            if value:
                console.print(Text(f"{column.header}: {_cell(value)}"), overflow="fold")
    for note in view.notes:
        console.print()
        console.print(Text(_cell(note)), overflow="fold")


Renderer = Callable[[View, TextIO], None]

RENDERERS: dict[str, Renderer] = {
    "table": render_table,
    "json": render_json,
    "jsonl": render_jsonl,
    "csv": render_csv,
    "markdown": render_markdown,
}
