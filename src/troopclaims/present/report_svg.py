"""The report's timeline, drawn as SVG by hand: a lane per source, a mark per dated claim.

News about one redeployment clusters in a few weeks, while the same data file may hold a claim
about a year long past. A single linear axis would squash those weeks into a pixel, so the axis
is broken: dense periods become segments with their own linear scale, and the stretches between
them shrink to a fixed-width break labelled with how long it really is. The scale stays one
monotonic piecewise-linear function, so a year-long bar may run across a break and still read
as "sometime that year".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from .report_axis import GAP_W, BrokenAxis, Lane, Link, Mark, gap_words, segment_caption, segment_ticks

WIDTH = 1120
LABEL_W = 220
RIGHT_PAD = 18
# The header rows, top down: segment captions, tick labels, the axis, the break labels; lanes start at TOP.
CAPTION_Y = 14
TICK_Y = 32
AXIS_Y = 40
PILL_Y = 45
TOP = 64
BOTTOM = 14
ROW_H = 10
LANE_MIN_H = 26
DOT_R = 4.2
BAR_H = 6.0
#: A link per pair of rival claims would be a thicket on a big conflict; this many show the shape of it.
MAX_LINKS_PER_CONFLICT = 8
#: Past this many links they are drawn fainter, and come forward when a mark or a conflict is hovered.
MANY_LINKS = 60
POINT_PRECISIONS = ("day", "part_of_day")
#: Claims with no date of their own all sit at their article's publication: a small grid of this many a row,
#: rather than a tower of full-size marks that would look like a dozen events on one day.
UNDATED_COLUMNS = 8
UNDATED_R = 3.0
UNDATED_STEP = 8


# --- drawing -----------------------------------------------------------------------------------------------


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _pack(extents: list[tuple[float, float, int]]) -> dict[int, int]:
    """Greedy rows inside a lane so that marks on the same days do not hide each other."""
    ends: list[float] = []
    rows: dict[int, int] = {}
    for x0, x1, index in sorted(extents):
        for row, end in enumerate(ends):
            if end + 2 <= x0:
                ends[row] = x1
                rows[index] = row
                break
        else:
            ends.append(x1)
            rows[index] = len(ends) - 1
    return rows


def timeline_svg(
    lanes: Sequence[Lane], marks: Sequence[Mark], links: Sequence[Link], focus: tuple[date, date] | None = None
) -> str:
    """The whole <svg> element; every mark carries data-claim and a <title>.

    focus is the densest period: its x range is kept on the element, so a narrow screen can open on it.
    """
    left, right = LABEL_W, WIDTH - RIGHT_PAD
    axis = BrokenAxis(marks, left, right)
    placed: dict[str, tuple[float, float, float]] = {}  # claim -> (x0, x1, y) in page coordinates
    lane_parts: list[str] = []
    y = float(TOP)
    by_lane: dict[str, list[Mark]] = {lane.id: [] for lane in lanes}
    for mark in marks:
        by_lane.setdefault(mark.lane, []).append(mark)
    for number, lane in enumerate(lanes):
        members = [m for m in by_lane.get(lane.id, []) if m.basis != "publication"]
        undated = [m for m in by_lane.get(lane.id, []) if m.basis == "publication"]
        spans = [(axis.x(m.start.toordinal() + (0.5 if m.precision in POINT_PRECISIONS else 0)),
                  axis.x(m.end.toordinal() + (0.5 if m.precision in POINT_PRECISIONS else 1))) for m in members]
        extents = [(x0 - DOT_R - (16 if m.kind == "deadline" else 0), x1 + DOT_R + (16 if m.kind == "open_interval" else 0), i)
                   for i, ((x0, x1), m) in enumerate(zip(spans, members))]
        rows = _pack(extents)
        dated_rows = max(rows.values(), default=-1) + 1
        grid_rows = -(-len(undated) // UNDATED_COLUMNS)
        used = max(1, dated_rows) * ROW_H + grid_rows * UNDATED_STEP
        label = _label_lines(lane.label)
        height = max(LANE_MIN_H + 12 * (len(label) - 1), used + 12)
        first_y = height / 2 - 1 - 6 * (len(label) - 1)
        tspans = "".join(
            f'<tspan x="{LABEL_W - 10}" y="{_n(first_y + 12 * i)}">{escape(line)}</tspan>' for i, line in enumerate(label)
        )
        parts = [
            f'<rect class="lane-bg{" odd" if number % 2 else ""}" x="0" y="0" width="{WIDTH}" height="{height}"/>',
            # The name in a group of its own, over a backing: the page's script keeps it at the visible left edge
            # while the marks scroll sideways under it, so a phone always shows whose lane it is.
            f'<g class="lane-name"><rect class="lane-name-bg" x="0" y="0" width="{LABEL_W - 4}" height="{height}"/>'
            f'<text class="lane-label" text-anchor="end"><title>{escape(lane.title)}</title>{tspans}</text>'
            f'<text class="lane-sub" x="{LABEL_W - 10}" y="{_n(first_y + 12 * (len(label) - 1) + 11)}" text-anchor="end">'
            f"{escape(_clip(lane.sub, 40))}</text></g>",
        ]
        for index, (mark, (x0, x1)) in enumerate(zip(members, spans)):
            local_y = (height - used) / 2 + ROW_H / 2 + rows[index] * ROW_H
            placed[mark.claim] = (x0, x1, y + local_y)
            parts.append(_mark(mark, x0, x1, local_y))
        grid_top = (height - used) / 2 + dated_rows * ROW_H + UNDATED_STEP / 2
        for index, mark in enumerate(undated):
            # Centred on the publication day: a month-dated article's grid sits mid-month, as its bar would.
            centre = axis.x((mark.start.toordinal() + mark.end.toordinal() + 1) / 2)
            columns = min(len(undated), UNDATED_COLUMNS)
            row, column = divmod(index, UNDATED_COLUMNS)
            cx = centre + (column - (columns - 1) / 2) * UNDATED_STEP
            local_y = grid_top + row * UNDATED_STEP
            placed[mark.claim] = (cx, cx, y + local_y)
            parts.append(_mark(mark, cx, cx, local_y, radius=UNDATED_R))
        lane_parts.append(
            f'<g class="lane" data-filter-group="" data-source={quoteattr(lane.id)} data-h="{_n(height)}" '
            f'transform="translate(0,{_n(y)})">{"".join(parts)}</g>'
        )
        y += height
    bottom = y
    classes = "timeline many-links" if len(links) > MANY_LINKS else "timeline"
    focus_x = ""
    if focus is not None:
        focus_x = f' data-focus-x0="{_n(axis.x(focus[0].toordinal()))}" data-focus-x1="{_n(axis.x(focus[1].toordinal() + 1))}"'
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{classes}" viewBox="0 0 {WIDTH} {_n(bottom + BOTTOM)}" '
        f'data-top="{TOP}" data-bottom="{BOTTOM}" data-label-w="{LABEL_W}"{focus_x} role="img" aria-labelledby="timeline-title">',
        '<title id="timeline-title">Timeline of the claims: one lane per source, one mark per dated claim</title>',
        '<defs><pattern id="tc-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<line class="hatch" x1="0" y1="0" x2="0" y2="6"/></pattern></defs>',
        *_axis(axis, bottom),
        *lane_parts,
        '<g class="links">',
        *(_link(link, placed) for link in links if link.a in placed and link.b in placed),
        "</g></svg>",
    ]
    return "".join(out)


def _axis(axis: BrokenAxis, bottom: float) -> list[str]:
    parts = ['<g class="axis">']
    for span in axis.segments:
        parts.append(f'<line class="axis-line" x1="{_n(span.x0)}" y1="{AXIS_Y}" x2="{_n(span.x1)}" y2="{AXIS_Y}"/>')
        parts.append(
            f'<text class="segment-caption" x="{_n((span.x0 + span.x1) / 2)}" y="{CAPTION_Y}" text-anchor="middle">'
            f"{escape(segment_caption(span))}</text>"
        )
        for day, label in segment_ticks(span):
            x = axis.x(day)
            parts.append(f'<line class="grid span-h" x1="{_n(x)}" y1="{AXIS_Y - 4}" x2="{_n(x)}" y2="{_n(bottom)}"/>')
            # A label centred on a segment's edge would run into the break or off the picture.
            if span.x0 + 20 <= x <= span.x1 - 20:
                parts.append(f'<text class="tick" x="{_n(x)}" y="{TICK_Y}" text-anchor="middle">{escape(label)}</text>')
    for gap in axis.breaks:
        mid, words = (gap.x0 + gap.x1) / 2, escape(gap_words(gap.end - gap.start))
        parts.append(
            f'<rect class="break span-h" x="{_n(gap.x0 + 4)}" y="{AXIS_Y - 4}" width="{_n(gap.x1 - gap.x0 - 8)}" '
            f'height="{_n(bottom - AXIS_Y + 4)}"><title>{words} with no dated claim, not drawn to scale</title></rect>'
        )
        parts.append(f'<path class="break-mark" d="M{_n(gap.x0 + 1)},{AXIS_Y + 4} l6,-8 M{_n(gap.x1 - 7)},{AXIS_Y + 4} l6,-8"/>')
        # Under the axis, on its own row: the tick row above belongs to the segments.
        parts.append(f'<rect class="break-pill" x="{_n(mid - GAP_W / 2 + 4)}" y="{PILL_Y}" width="{GAP_W - 8}" height="14" rx="7"/>')
        parts.append(f'<text class="break-label" x="{_n(mid)}" y="{PILL_Y + 10.5}" text-anchor="middle">⋯ {words} ⋯</text>')
    parts.append("</g>")
    return parts


def _mark(mark: Mark, x0: float, x1: float, y: float, radius: float = 0.0) -> str:
    classes = ["mark", mark.severity or "clear", "point" if mark.precision in POINT_PRECISIONS or radius else "span"]
    if mark.basis == "publication":
        classes.append("undated")
    cx = (x0 + x1) / 2
    if radius:
        shape = f'<circle cx="{_n(cx)}" cy="{_n(y)}" r="{radius}"/>'
    elif mark.precision in POINT_PRECISIONS:
        shape = f'<circle cx="{_n(cx)}" cy="{_n(y)}" r="{DOT_R}"/>'
    else:
        width = max(x1 - x0, 2 * DOT_R)
        shape = f'<rect x="{_n(cx - width / 2)}" y="{_n(y - BAR_H / 2)}" width="{_n(width)}" height="{BAR_H}" rx="3"/>'
    if mark.kind == "open_interval":  # "since October 9": goes on after its date
        shape += f'<path class="tail" d="M{_n(x1 + DOT_R)},{_n(y)} h12 m-4,-3 l4,3 l-4,3"/>'
    elif mark.kind == "deadline":  # "within two weeks": by that date at the latest
        shape += f'<path class="tail" d="M{_n(x0 - DOT_R)},{_n(y)} h-12 m0,-3 v6"/>'
    return (
        f'<g class="{" ".join(classes)}" data-claim={quoteattr(mark.claim)} data-source={quoteattr(mark.lane)} '
        f'data-speaker={quoteattr(mark.speaker)} data-filter-item="" data-x="{_n(cx)}" data-y="{_n(y)}" '
        f'tabindex="0" role="link">'
        f"<title>{escape(mark.tooltip)}</title>{shape}</g>"
    )


def _link(link: Link, placed: dict[str, tuple[float, float, float]]) -> str:
    ax0, ax1, ay = placed[link.a]
    bx0, bx1, by = placed[link.b]
    return (
        f'<path class="link {link.severity}" data-a={quoteattr(link.a)} data-b={quoteattr(link.b)} '
        f'data-conflict="{link.conflict}" d="{arc((ax0 + ax1) / 2, ay, (bx0 + bx1) / 2, by)}">'
        f"<title>{escape(link.tooltip)}</title></path>"
    )


def arc(ax: float, ay: float, bx: float, by: float) -> str:
    """A quadratic curve bowed sideways, so links between stacked marks do not run over them."""
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length
    if ny > 0:  # bow upwards, into the gap between a lane's marks and the lane above
        nx, ny = -nx, -ny
    bow = min(40.0, 6 + length * 0.25)
    cx, cy = (ax + bx) / 2 + nx * bow, (ay + by) / 2 + ny * bow
    return f"M{_n(ax)},{_n(ay)} Q{_n(cx)},{_n(cy)} {_n(bx)},{_n(by)}"


def conflict_links(conflicts: Sequence[tuple[int, str, str, Sequence[Sequence[str]]]], lane_of: dict[str, str]) -> list[Link]:
    """Links between rival claims, given each conflict as (index, severity, topic, claim ids per side).

    One claim stands for all of its side's claims in the same lane: a source repeating a figure
    five times is one position, and five links to each rival would hide the marks under a rope.
    """
    links: dict[tuple[str, str], Link] = {}
    for index, severity, topic, sides in conflicts:
        heads = [list({lane_of[c]: c for c in reversed(side) if c in lane_of}.values()) for side in sides]
        count = 0
        for i, side in enumerate(heads):
            for other in heads[i + 1:]:
                for a in side:
                    for b in other:
                        key = (min(a, b), max(a, b))
                        if a == b or count >= MAX_LINKS_PER_CONFLICT or (key in links and links[key].severity == "hard"):
                            continue
                        links[key] = Link(a, b, index, severity, f"conflict {topic} ({severity})")
                        count += 1
    return list(links.values())


def _label_lines(text: str, width: int = 30, lines: int = 2) -> list[str]:
    """A lane's name on at most two lines, broken between words, the rest cut with "…"."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1] + " …" if len(out[-1]) + 2 <= width else out[-1][: width - 1].rstrip() + "…"
    return [_clip(line, width) for line in out] or [""]


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"
