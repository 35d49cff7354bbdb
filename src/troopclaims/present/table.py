"""Text tables that fit the terminal: widths chosen here, words and ids never broken.

A table is laid out for a given width. Every column gets at least its longest word, so an id
(a word with no spaces) is never split; columns marked droppable are left out, least useful first,
when the table cannot fit otherwise; long text wraps at spaces and is cut with "…" after a few lines.
When even the essential columns do not fit, each row is written as a block of "name: value" lines.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

#: Lines a long text (quote, explanation) may take in a table cell before it is cut with "…".
MAX_LINES = 4
#: Narrowest a long-text column is allowed to become before columns are dropped instead.
WIDE_MIN = 24
#: A short column grows to its longest value up to this width; beyond it, it wraps.
SHORT_MAX = 32
#: Share of a table's width that long-text columns keep before short columns may grow.
WIDE_SHARE = 0.4
ELLIPSIS = "…"
#: Marks a line to be shown in bold on a terminal; the renderer removes it.
BOLD = "\x00"


@dataclass(frozen=True)
class Spec:
    header: str
    wide: bool
    drop: int  # 0: always shown; otherwise dropped in increasing order when the table does not fit


@dataclass(frozen=True)
class Layout:
    shown: tuple[int, ...]  # indexes of the columns kept
    widths: tuple[int, ...]  # text width of each kept column
    dropped: tuple[int, ...]


def cell_len(text: str) -> int:
    """Columns the text takes in a terminal: wide East Asian characters take two, combining marks none."""
    total = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def terminal_width(stream: TextIO) -> int:
    """COLUMNS when set, else the width of the terminal the output (or, when piped, the user) sees, else 80."""
    env = os.environ.get("COLUMNS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    candidates: list[int] = []
    try:
        candidates.append(stream.fileno())
    except (AttributeError, OSError, ValueError):
        pass
    for other in (sys.__stderr__, sys.__stdin__):
        try:
            if other is not None:
                candidates.append(other.fileno())
        except (AttributeError, OSError, ValueError):
            pass
    for fd in candidates:
        try:
            if os.isatty(fd):
                return os.get_terminal_size(fd).columns or 80
        except OSError:
            continue
    return 80


def _words(text: str) -> list[str]:
    return text.split()


def _longest_word(text: str) -> int:
    return max((cell_len(w) for w in _words(text)), default=0)


def _split_long(word: str, width: int) -> list[str]:
    # Only reached when a single word is wider than the whole space it has: a last resort.
    pieces, piece = [], ""
    for char in word:
        if piece and cell_len(piece + char) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return pieces + ([piece] if piece else [])


def wrap(text: str, width: int) -> list[str]:
    """Greedy wrapping at spaces; existing line breaks are kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in _words(paragraph):
            if cell_len(word) > width:
                if line:
                    lines.append(line)
                *whole, line = _split_long(word, width)
                lines.extend(whole)
            elif not line:
                line = word
            elif cell_len(line) + 1 + cell_len(word) <= width:
                line += " " + word
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def clip(lines: list[str], width: int, max_lines: int) -> list[str]:
    """At most max_lines lines; a cut is shown by "…" at the end of the last line kept."""
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    last = kept[-1]
    while last and cell_len(last) + 1 > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    kept[-1] = last + ELLIPSIS
    return kept


def overhead(columns: int) -> int:
    """Border and padding characters of a boxed table: '│ ' before each cell, ' │' after the last."""
    return 3 * columns + 1


def plan(specs: Sequence[Spec], cells: Sequence[Sequence[str]], width: int) -> Layout | None:
    """Column widths for the table, or None when even the essential columns cannot fit in width."""
    count = len(specs)
    natural = [cell_len(s.header) for s in specs]
    least = [_longest_word(s.header) for s in specs]
    for row in cells:
        for i, value in enumerate(row):
            natural[i] = max(natural[i], max((cell_len(line) for line in value.split("\n")), default=0))
            least[i] = max(least[i], _longest_word(value))
    for i, spec in enumerate(specs):
        if spec.wide:
            least[i] = max(least[i], min(natural[i], WIDE_MIN))
    shown = list(range(count))
    droppable = sorted((i for i in range(count) if specs[i].drop), key=lambda i: specs[i].drop)
    while sum(least[i] for i in shown) + overhead(len(shown)) > width:
        if not droppable:
            return None
        shown.remove(droppable.pop(0))
    room = width - overhead(len(shown))
    widths = {i: least[i] for i in shown}
    spare = room - sum(widths.values())
    wide = [i for i in shown if specs[i].wide]
    # Short columns grow towards their longest value (capped), so counts and names sit on one line, but
    # long text keeps at least WIDE_SHARE of the room: it is what the table is read for.
    keep = sum(max(widths[i], min(natural[i], int(room * WIDE_SHARE / len(wide)))) for i in wide) if wide else 0
    spare = room - keep - sum(widths[i] for i in shown if not specs[i].wide)
    for i in sorted((i for i in shown if not specs[i].wide), key=lambda i: natural[i]):
        grow = min(max(0, min(natural[i], SHORT_MAX) - widths[i]), max(0, spare))
        widths[i] += grow
        spare -= grow
    spare = room - sum(widths.values())
    for n, i in enumerate(wide):
        grow = min(max(0, natural[i] - widths[i]), spare // (len(wide) - n))
        widths[i] += grow
        spare -= grow
    dropped = tuple(i for i in range(count) if i not in shown)
    return Layout(tuple(shown), tuple(widths[i] for i in shown), dropped)


@dataclass(frozen=True)
class Box:
    h: str
    v: str
    top: tuple[str, str, str]
    mid: tuple[str, str, str]
    bottom: tuple[str, str, str]


UNICODE_BOX = Box("─", "│", ("╭", "┬", "╮"), ("├", "┼", "┤"), ("╰", "┴", "╯"))
ASCII_BOX = Box("-", "|", ("+", "+", "+"), ("+", "+", "+"), ("+", "+", "+"))


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_len(text))


def _rule(box: Box, widths: Sequence[int], ends: tuple[str, str, str]) -> str:
    return ends[0] + ends[1].join(box.h * (w + 2) for w in widths) + ends[2]


def table_lines(
    title: str,
    specs: Sequence[Spec],
    rows: Sequence[Sequence[str]],
    groups: Sequence[str | None],
    width: int,
    box: Box,
) -> tuple[list[str], tuple[int, ...]]:
    """The lines of the table, and the indexes of the columns left out. groups[i] is a heading shown above row i.

    Header and heading lines start with BOLD.
    """
    layout = plan(specs, rows, width)
    if layout is None:
        return stacked_lines(title, specs, rows, groups, width), ()
    widths = layout.widths
    inner = sum(widths) + overhead(len(widths)) - 4
    total = sum(widths) + overhead(len(widths))
    lines = [title.center(total).rstrip()] if cell_len(title) <= total else wrap(title, total)
    lines.append(_rule(box, widths, box.top))
    header = [wrap(specs[i].header, w) for i, w in zip(layout.shown, widths)]
    lines += [BOLD + line for line in _row_lines(box, header, widths)]
    lines.append(_rule(box, widths, box.mid))
    for n, (row, group) in enumerate(zip(rows, groups)):
        if group is not None:
            if n:
                lines.append(_rule(box, widths, box.mid))
            for text in clip(wrap(group, inner), inner, MAX_LINES):
                lines.append(f"{BOLD}{box.v} {_pad(text, inner)} {box.v}")
        cells = []
        for i, w in zip(layout.shown, widths):
            wrapped = wrap(row[i], w)
            cells.append(clip(wrapped, w, MAX_LINES) if specs[i].wide else wrapped)
        lines += _row_lines(box, cells, widths)
    lines.append(_rule(box, widths, box.bottom))
    return lines, layout.dropped


def _row_lines(box: Box, cells: list[list[str]], widths: Sequence[int]) -> list[str]:
    height = max((len(c) for c in cells), default=1)
    out = []
    for n in range(height):
        parts = [_pad(c[n] if n < len(c) else "", w) for c, w in zip(cells, widths)]
        out.append(f"{box.v} " + f" {box.v} ".join(parts) + f" {box.v}")
    return out


def stacked_lines(
    title: str, specs: Sequence[Spec], rows: Sequence[Sequence[str]], groups: Sequence[str | None], width: int
) -> list[str]:
    """Each row as a block of 'header: value' lines, for terminals too narrow for the table."""
    lines = wrap(title, width) if title else []
    for row, group in zip(rows, groups):
        if group is not None:
            lines += ["", *(BOLD + line for line in wrap(group, width))]
        lines.append("")
        for spec, value in zip(specs, row):
            if not value:
                continue
            text = wrap(f"{spec.header}: {value}", width)
            lines += clip(text, width, MAX_LINES) if spec.wide else text
    return lines
