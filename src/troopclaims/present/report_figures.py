"""The figures of a numeric dispute over time, drawn as SVG: one mark per claim, coloured by source.

The date runs across, the figure up. An exact figure is a dot; a hedged one ("about 1,000") a dot on the
bar of the values it allows; a range or a vague amount ("hundreds") a bar; "more than 700" a bar that
starts at 701 and is left open at the top, because it has no upper bound. Claims on the same day stand
side by side rather than on top of each other.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from xml.sax.saxutils import escape, quoteattr

from .report_axis import BrokenAxis, Mark, gap_words, segment_caption, segment_ticks

WIDTH = 640
HEIGHT = 230
LEFT = 58
RIGHT = 120  # room for the labels of the rightmost marks
TOP = 14
BOTTOM = 34
BAR_W = 9
DODGE = 13
#: The widest a crowd of same-day marks may spread.
MAX_SPREAD = 260
#: Colours are CSS classes c0..c7 (a palette told apart by colour-blind readers too); more sources repeat them.
PALETTE_SIZE = 8


@dataclass(frozen=True)
class Figure:
    claim: str
    source: str
    colour: int
    start: date
    end: date  # inclusive
    label: str  # the figure as written: "more than 700"
    value: int | None  # the dot; None for a range or a vague amount
    low: int
    high: int | None  # None: no upper bound
    tooltip: str


def _nice(top: float) -> tuple[float, list[float]]:
    """An axis maximum at or above top and 4–6 round ticks up to it."""
    if top <= 0:
        return 1.0, [0.0, 1.0]
    raw = top / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    count = math.ceil(top / step)
    return step * count, [step * i for i in range(count + 1)]


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def figures_svg(figures: Sequence[Figure], caption: str) -> str:
    """The chart as one <svg> element; every mark has data-claim, data-source and a <title>.

    The date axis is the timeline's broken axis: claims a year apart do not squash the weeks that matter.
    """
    if not figures:
        return ""
    axis = BrokenAxis([_as_mark(f) for f in figures], LEFT + 8, WIDTH - RIGHT)
    finite = [v for f in figures for v in (f.value, f.low, f.high) if v is not None]
    top, ticks = _nice(max(finite, default=1) * 1.12)
    plot_h = HEIGHT - TOP - BOTTOM
    base = TOP + plot_h

    def y_of(value: float) -> float:
        return TOP + plot_h * (1 - min(value, top) / top)

    def x_of(day: date) -> float:
        return axis.x(day.toordinal())

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="figures" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f"aria-label={quoteattr(caption)}><title>{escape(caption)}</title>",
        '<g class="fig-axis">',
    ]
    for tick in ticks:
        y = y_of(tick)
        parts.append(f'<line class="fig-grid" x1="{LEFT}" y1="{_n(y)}" x2="{WIDTH - RIGHT}" y2="{_n(y)}"/>')
        parts.append(f'<text class="fig-tick" x="{LEFT - 6}" y="{_n(y + 3.5)}" text-anchor="end">{int(tick):,}</text>')
    for segment in axis.segments:
        parts.append(f'<line class="fig-base" x1="{_n(segment.x0)}" y1="{base}" x2="{_n(segment.x1)}" y2="{base}"/>')
        shown = 0
        for day, label in segment_ticks(segment):
            x = axis.x(day)
            if segment.x0 + 14 <= x <= segment.x1 - 14:
                shown += 1
                parts.append(f'<line class="fig-grid" x1="{_n(x)}" y1="{base}" x2="{_n(x)}" y2="{base + 4}"/>')
                parts.append(f'<text class="fig-tick" x="{_n(x)}" y="{base + 15}" text-anchor="middle">{escape(label)}</text>')
        # A segment too narrow for its own ticks still says when it is.
        caption_y = base + (28 if shown else 15)
        parts.append(
            f'<text class="fig-tick" x="{_n((segment.x0 + segment.x1) / 2)}" y="{caption_y}" text-anchor="middle">'
            f"{escape(segment_caption(segment))}</text>"
        )
    for gap in axis.breaks:
        parts.append(f'<rect class="fig-break" x="{_n(gap.x0 + 3)}" y="{TOP}" width="{_n(gap.x1 - gap.x0 - 6)}" height="{plot_h}"/>')
        parts.append(
            f'<text class="fig-tick" x="{_n((gap.x0 + gap.x1) / 2)}" y="{base + 15}" text-anchor="middle">'
            f"⋯ {escape(gap_words(gap.end - gap.start))} ⋯</text>"
        )
    parts.append("</g>")
    # Claims on the same day stand side by side; a label is left out where it would cover another.
    middles = [(x_of(f.start) + x_of(f.end + timedelta(days=1))) / 2 for f in figures]
    slots: dict[int, list[int]] = {}
    for index, middle in enumerate(middles):
        slots.setdefault(round(middle / DODGE), []).append(index)
    centres = list(middles)
    for members in slots.values():
        # Centred on their date, closer together when there are many, and never out of the picture.
        step = min(DODGE, MAX_SPREAD / len(members))
        for nth, index in enumerate(members):
            x = middles[index] + (nth - (len(members) - 1) / 2) * step
            centres[index] = min(max(x, LEFT + BAR_W), WIDTH - BAR_W)
    # Every mark's own box is taken first, so that no label is written over a mark.
    boxes = [(cx - 6, _level(f, y_of) - 6, cx + 6, _level(f, y_of) + 6) for f, cx in zip(figures, centres)]
    for figure, cx in zip(figures, centres):
        spot = _label_spot(figure.label, cx, _level(figure, y_of), boxes)
        if spot is not None:
            x, y, anchor = spot
            boxes.append(_box(figure.label, x, y, anchor))
        parts.append(_figure(figure, cx, x_of, y_of, top, spot))
    parts.append("</svg>")
    return "".join(parts)


def legend_html(entries: Sequence[tuple[int, str]]) -> str:
    """Which colour is which source, as an HTML list (colours come from classes: the page allows no inline style)."""
    items = "".join(
        f'<li><span class="sw c{colour % PALETTE_SIZE}"></span>{escape(name if len(name) <= 48 else name[:47].rstrip() + "…")}</li>'
        for colour, name in entries
    )
    return f'<ul class="fig-legend" aria-label="Sources by colour">{items}</ul>'


Box = tuple[float, float, float, float]


def _level(figure: Figure, y_of: Callable[[float], float]) -> float:
    return y_of(figure.value if figure.value is not None else figure.low)


def _box(label: str, x: float, y: float, anchor: str) -> Box:
    width = 6.2 * len(label)
    left = x if anchor == "start" else (x - width if anchor == "end" else x - width / 2)
    return (left, y - 9, left + width, y + 3)


def _label_spot(label: str, cx: float, level: float, taken: list[Box]) -> tuple[float, float, str] | None:
    """Right of the mark, else left, else above, else below; None when every place covers something."""
    for x, y, anchor in ((cx + 8, level + 3.5, "start"), (cx - 8, level + 3.5, "end"), (cx, level - 9, "middle"), (cx, level + 16, "middle")):
        box = _box(label, x, y, anchor)
        if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            if box[0] >= 0 and box[2] <= WIDTH:
                return x, y, anchor
    return None


def _as_mark(figure: Figure) -> Mark:
    """The figure as the timeline's axis sees a claim: only its dates matter there."""
    return Mark(figure.claim, figure.source, figure.start, figure.end, "day", "point", "", "", "", "")


def _figure(
    figure: Figure,
    cx: float,
    x_of: Callable[[date], float],
    y_of: Callable[[float], float],
    top: float,
    label_at: tuple[float, float, str] | None,
) -> str:
    shapes = []
    level = y_of(figure.value if figure.value is not None else figure.low)
    if figure.end > figure.start:  # a week or a month: how long the date could be, as a thin line
        x0, x1 = x_of(figure.start), x_of(figure.end + timedelta(days=1))
        shapes.append(f'<line class="when" x1="{_n(x0)}" y1="{_n(level)}" x2="{_n(x1)}" y2="{_n(level)}"/>')
    if figure.high != figure.low:
        y_low = y_of(figure.low)
        y_high = y_of(figure.high) if figure.high is not None else y_of(top)
        kind = "bar open" if figure.high is None else "bar"
        shapes.append(
            f'<rect class="{kind}" x="{_n(cx - BAR_W / 2)}" y="{_n(y_high)}" width="{BAR_W}" height="{_n(max(y_low - y_high, 2))}" rx="2"/>'
        )
        if figure.high is None:  # no upper bound: an arrow out of the top of the bar
            shapes.append(f'<path class="arrow" d="M{_n(cx - 5)},{_n(y_high + 6)} L{_n(cx)},{_n(y_high - 1)} L{_n(cx + 5)},{_n(y_high + 6)}"/>')
    if figure.value is not None:
        shapes.append(f'<circle cx="{_n(cx)}" cy="{_n(y_of(figure.value))}" r="4.5"/>')
    if label_at is not None:
        x, y, anchor = label_at
        shapes.append(f'<text class="fig-label" x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}">{escape(figure.label)}</text>')
    return (
        f'<g class="fig c{figure.colour % PALETTE_SIZE}" data-claim={quoteattr(figure.claim)} data-source={quoteattr(figure.source)} '
        f'tabindex="0" role="link"><title>{escape(figure.tooltip)}</title>{"".join(shapes)}</g>'
    )
