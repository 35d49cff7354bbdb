"""Renderers: one View of rows, written to a stream as a table, JSON, CSV or Markdown.

Commands build a View and pick a renderer by name from RENDERERS; no command formats output itself.
Tables are laid out by table.py for the terminal's width; rich only adds bold on a terminal. Machine
formats bypass both, so nothing is wrapped, coloured or read as markup.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from ..errors import one_line

@dataclass(frozen=True)
class Column:
    key: str
    header: str
    wide: bool = False  # long text (quotes, explanations): wraps, and is cut after a few lines in tables
    drop: int = 0  # 0: always in tables; else left out, lowest first, when the terminal is too narrow
    heading: bool = False  # in a grouped table too narrow for it, shown before its group's heading instead


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
    """Plain text (no colour, ASCII rules) when not writing to a terminal, when NO_COLOR is set or TERM is dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return True
    return not (hasattr(stream, "isatty") and stream.isatty())


def _can_encode(stream: TextIO, text: str) -> bool:
    try:
        text.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def render_table(view: View, stream: TextIO) -> None:
    """A table laid out for the terminal's width (or COLUMNS): ids whole, long text wrapped and cut."""
    from .table import ASCII_BOX, BOLD, UNICODE_BOX, Spec, plan, table_lines, terminal_width, wrap

    plain = _plain(stream)
    width = terminal_width(stream)
    box = UNICODE_BOX if not plain and _can_encode(stream, "╭─│") else ASCII_BOX
    # The grouping column is shown once, as a heading row over its group, rather than on every row.
    columns = [c for c in view.columns if c.key != view.group_by]
    moved: list[Column] = []
    if view.group_by and any(c.heading for c in columns):
        every = [Spec(c.header, c.wide, c.drop) for c in columns]
        if plan(every, [[_cell(row.get(c.key, "")) for c in columns] for row in view.rows], width) is None:
            # Too narrow for the table with this column: its value leads the heading of its rows instead.
            moved = [c for c in columns if c.heading]
            columns = [c for c in columns if not c.heading]
    specs = [Spec(c.header, c.wide, c.drop) for c in columns]
    cells = [[_cell(row.get(c.key, "")) for c in columns] for row in view.rows]
    groups: list[str | None] = []
    group: str | None = None
    for index, row in enumerate(view.rows):
        heading = row.get(view.group_by) if view.group_by else None
        lead = " · ".join(value for value in (row.get(c.key, "") for c in moved) if value)
        starts = bool(view.group_by) and (index == 0 or heading != group or bool(lead))
        groups.append(_cell(f"{lead}: {heading}" if lead else heading or "") if starts else None)
        group = heading
    lines, dropped = table_lines(_cell(view.title), specs, cells, groups, width, box)
    notes = [_cell(note) for note in view.notes]
    if dropped:
        names = ", ".join(columns[i].header for i in dropped)
        notes.append(f"Not shown at {width} columns: {names} (use a wider terminal or --format json).")
    if plain:
        for line in lines:
            stream.write(line.removeprefix(BOLD) + "\n")
    else:
        from rich.console import Console
        from rich.text import Text

        # rich only styles here: the lines are already laid out, so it must not wrap or crop them.
        console = Console(file=stream, width=10_000, highlight=False, soft_wrap=True)
        for line in lines:
            console.print(Text(line.removeprefix(BOLD), style="bold" if line.startswith(BOLD) else ""))
    for note in notes:
        for line in wrap(note, width):
            stream.write(line + "\n")


Renderer = Callable[[View, TextIO], None]

RENDERERS: dict[str, Renderer] = {
    "table": render_table,
    "json": render_json,
    "jsonl": render_jsonl,
    "csv": render_csv,
    "markdown": render_markdown,
}
