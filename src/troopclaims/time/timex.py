"""Normalise time expressions against the publication date (expressions.py finds them in news text).

TIMEX3/HeidelTime style: the publication date (the document creation time) anchors every
relative expression. It may be a day, a month or a year: a relative expression is worked
out for both the first and the last day the anchor allows, and resolved only when the two
agree. So "on Tuesday" stays unresolved under a month-precision anchor while "last year"
does not. Nothing here guesses, and nothing reads the system clock.

Conventions (each result's reason says which one applied):
- a weekday in a past-tense sentence, or one without tense, is the latest such day on or
  before publication (the publication day itself included); in a future-tense sentence it
  is the first such day after it. "last" and "next" set the direction and never mean the
  publication day itself.
- a day named without its year ("on 6 February") is the tense's choice as above, unless that lies over
  half a year from publication while the other choice lies within two months: then the nearer one.
- "the weekend" is the ISO week holding its Saturday and Sunday (precision week): a single
  day would claim more than the text says, and dates.py has no two-day value.
- vague recent spans ("in recent days", "in the past few days", "in recent weeks") are
  points in the publication's week (days), month (weeks) or year (months); counted spans ("over the past
  three days") are the smallest week, month or year holding the whole span.
- deadlines ("within four weeks", "by November 20") carry the end of the period; "since X"
  is an open interval carrying X.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from ..datafile import DateValue, Precision, day_value, month_value, parse_value, week_value
from . import timex_vocab as vocab
from .expressions import PATTERNS, words_of

WhenKind = Literal["point", "open_interval", "deadline"]  # as model.WhenKind, without pydantic
Tense = Literal["past", "future"]


@dataclass(frozen=True)
class Resolved:
    value: str | None  # in dates.py notation; None when it cannot be resolved
    precision: Precision | None
    kind: WhenKind
    reason: str




# --- calendar arithmetic -------------------------------------------------------------------


def _month_end(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1) - timedelta(days=1)


def _shift(day: date, unit: vocab.Unit, n: int) -> date:
    if unit in ("month", "year"):
        year, month = divmod(day.year * 12 + day.month - 1 + (n if unit == "month" else 12 * n), 12)
        first = date(year, month + 1, 1)
        return first.replace(day=min(day.day, _month_end(first).day))  # 31 March + 1 month: 30 April
    if unit == "hour":  # dates have no hours: a part of a day counts as the day
        n = -(-abs(n) // 24) * (1 if n >= 0 else -1)
    return day + timedelta(days=7 * n if unit == "week" else n)


def _unit_value(day: date, unit: vocab.Unit) -> str:
    if unit == "week":
        return week_value(day)
    if unit == "month":
        return month_value(day)
    return f"{day.year:04d}" if unit == "year" else day_value(day)


_GROWING: tuple[vocab.Unit, ...] = ("day", "week", "month", "year")


def _smallest_containing(first: date, last: date) -> str | None:
    """The finest day, ISO week, month or year value holding both days; None past a year."""
    return next((_unit_value(first, u) for u in _GROWING if _unit_value(first, u) == _unit_value(last, u)), None)


def _pick_year(day: date, future: bool, bounds: Callable[[int], tuple[date, date]]) -> int:
    """Year of the latest occurrence begun by `day` or, looking ahead, of the first not over by it."""
    for offset in range(9):  # 29 February recurs within 8 years
        year = day.year + offset if future else day.year - offset
        try:
            first, last = bounds(year)
        except ValueError:
            continue
        if (last >= day) if future else (first <= day):
            return year
    raise ValueError("no such day in any nearby year")


# --- resolving -----------------------------------------------------------------------------

_Result = tuple[str | None, str]  # a value (None: unresolved) and the reason
_OnDay = Callable[[date], _Result]


@dataclass(frozen=True)
class _Context:
    anchor: DateValue | None
    tense: Tense | None  # after the operator's say: "since" looks back, "by" ahead
    op: str  # "" when none
    label: str  # the expression without its operator, for reasons

    @property
    def op_kind(self) -> WhenKind:
        return vocab.OPERATORS.get(self.op, "point")

    @property
    def future(self) -> bool:
        return self.tense == "future"


def _relative(ctx: _Context, on_day: _OnDay, *, coarsen: bool = False) -> _Result:
    """Work out on_day for the anchor's first and last possible day; resolve when they agree.

    Each on_day answer moves forward with the day or holds all of a span ending on it, so an
    answer shared by both ends also holds for every day between. Deadlines may instead widen
    to the smallest unit holding both answers.
    """
    if ctx.anchor is None:
        return None, f"{ctx.label}: relative to the publication date, which is unknown"
    early, late = on_day(ctx.anchor.start), on_day(ctx.anchor.end)
    if early[0] is None:
        return early
    if late[0] is None or early[0] == late[0]:
        return late
    if coarsen:
        value = _smallest_containing(parse_value(early[0]).start, parse_value(late[0]).end)
        if value is not None:
            return value, f"{late[1]}, widened to {value} for publication date {ctx.anchor.value}"
    return None, f"{ctx.label}: publication date {ctx.anchor.value} is too coarse ({early[0]} or {late[0]})"


def _edge(value: str, m: re.Match[str], ctx: _Context, why: str) -> _Result:
    # A deadline at "the end of X" is X's last day; "since the start of X" begins on its first.
    edge, span = words_of(m["edge"]), parse_value(value)
    if "end" in edge and ctx.op_kind == "deadline":
        return day_value(span.end), f"{ctx.label}: the last day of {value}"
    if ("start" in edge or "beginning" in edge) and ctx.op_kind == "open_interval":
        return day_value(span.start), f"{ctx.label}: the first day of {value}"
    return value, f"{ctx.label}: {why} ({value})"


def _iso(m: re.Match[str], ctx: _Context) -> _Result:
    value = day_value(date(int(m["y"]), int(m["m"]), int(m["d"])))
    return value, f"ISO date {value}"


def _which(ctx: _Context) -> str:
    return "the first such not over before publication" if ctx.future else "the latest such begun by publication"


# A day named without its year is the tense's choice, unless that lies over half a year from publication while
# the other side's lies within two months: an outlet names the year of a day so far off, and the tense of a
# sentence read from its nearest verb is sometimes wrong ("expected to run until 20 February, and troops came").
FAR_DAYS, NEAR_DAYS = 183, 61


def _month_day(m: re.Match[str], ctx: _Context) -> _Result:
    month, day = vocab.month_number(m["mon"]), int(m["d"])
    if m["y"]:
        value = day_value(date(int(m["y"]), month, day))
        return value, f"stated date {value}"

    def on_day(anchor: date) -> _Result:
        def occurrence(future: bool) -> date:
            return date(_pick_year(anchor, future, lambda y: (date(y, month, day), date(y, month, day))), month, day)

        chosen, other = occurrence(ctx.future), occurrence(not ctx.future)
        if abs((chosen - anchor).days) > FAR_DAYS and abs((other - anchor).days) <= NEAR_DAYS:
            return day_value(other), f"{ctx.label}: the nearest such day ({other}); {_which(ctx)} is {chosen}"
        return day_value(chosen), f"{ctx.label}: {_which(ctx)} ({chosen})"

    return _relative(ctx, on_day, coarsen=ctx.op_kind == "deadline")


def _month(m: re.Match[str], ctx: _Context) -> _Result:
    month = vocab.month_number(m["mon"])
    if m.groupdict().get("y"):
        return _edge(month_value(date(int(m["y"]), month, 1)), m, ctx, "stated month")

    def on_day(anchor: date) -> _Result:
        year = _pick_year(anchor, ctx.future, lambda y: (date(y, month, 1), _month_end(date(y, month, 1))))
        return _edge(month_value(date(year, month, 1)), m, ctx, _which(ctx))

    return _relative(ctx, on_day, coarsen=ctx.op_kind == "deadline")


def _year(m: re.Match[str], ctx: _Context) -> _Result:
    return _edge(m["y"], m, ctx, "stated year")


def _weekday(m: re.Match[str], ctx: _Context) -> _Result:
    target, rel = vocab.WEEKDAYS[m["wd"].lower()], words_of(m["rel"])
    future = rel in ("next", "coming") or (ctx.future and rel not in ("last", "past"))
    part = f"T{vocab.PARTS_OF_DAY[m['part'].lower()]}" if m["part"] else ""
    name = m["wd"].capitalize()

    def on_day(anchor: date) -> _Result:
        if future:
            day = anchor + timedelta(days=(target - anchor.weekday() - 1) % 7 + 1)
            return day_value(day) + part, f"the {name} after publication ({day_value(day)})"
        strictly = rel in ("last", "past")
        day = anchor - timedelta(days=(anchor.weekday() - target) % 7 or (7 if strictly else 0))
        where = "before" if strictly else "on or before"
        return day_value(day) + part, f"the {name} {where} publication ({day_value(day)})"

    return _relative(ctx, on_day)


def _day_word(m: re.Match[str], ctx: _Context) -> _Result:
    word = words_of(m["dw"] or m["night"] or "today")
    offsets = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "tomorrow": 1}
    offset = 2 if word.endswith("after tomorrow") else offsets.get(word, 0)
    part = words_of(m["part"] or m["this"]) or ("night" if word in ("tonight", "last night") else "")
    code = f"T{vocab.PARTS_OF_DAY[part]}" if part else ""

    def on_day(anchor: date) -> _Result:
        day = day_value(anchor + timedelta(days=offset))
        return day + code, f"{ctx.label}: publication day {offset:+d} ({day}{' ' + part if part else ''})"

    return _relative(ctx, on_day)


def _unit(m: re.Match[str], ctx: _Context) -> _Result:
    unit, rel = vocab.UNITS[m["unit"].lower()], words_of(m["rel"] or m["erel"])
    step = {"last": -1, "next": 1}.get(rel, 0)
    why = {-1: f"the {unit} before publication's", 0: f"the {unit} of publication", 1: f"the {unit} after it"}
    return _relative(ctx, lambda anchor: _edge(_unit_value(_shift(anchor, unit, step), unit), m, ctx, why[step]))


def _weekend(m: re.Match[str], ctx: _Context) -> _Result:
    rel = m["rel"].lower()
    future = rel == "next" or (ctx.future and rel != "last")

    def on_day(anchor: date) -> _Result:
        saturday = anchor + timedelta(days=5 - anchor.weekday())  # of the anchor's own week
        if rel == "last":
            saturday -= timedelta(days=7)
        elif future and rel == "next" and anchor.weekday() >= 5:
            saturday += timedelta(days=7)  # the weekend under way is not the next one
        elif not future and saturday > anchor:
            saturday -= timedelta(days=7)  # only a weekend already begun can lie in the past
        value = week_value(saturday)
        return value, f"{ctx.label}: Saturday {saturday.isoformat()} and Sunday, as their ISO week {value}"

    return _relative(ctx, on_day)


def _span(m: re.Match[str], ctx: _Context) -> _Result:
    unit = vocab.UNITS[m["unit"].lower()]
    n = vocab.count_value(m["count"] or ("few" if m["unit"].lower().endswith("s") else None))
    if m["dir"].lower() in ("next", "coming"):
        return _ahead(n, unit, ctx)
    return _behind(n, unit, ctx)


_VAGUE_SPAN: dict[vocab.Unit, vocab.Unit] = {"hour": "day", "day": "week", "week": "month", "month": "year"}


def _behind(n: int | None, unit: vocab.Unit, ctx: _Context) -> _Result:
    if n is None:  # a vague recent span: by convention, the publication's day/week/month/year
        wider = _VAGUE_SPAN.get(unit)
        if wider is None:
            return None, f"{ctx.label}: spans an unknown number of years"
        why = f"{ctx.label}: vague recent span, taken as the {wider} of publication"
        return _relative(ctx, lambda anchor: (_unit_value(anchor, wider), why))

    def on_day(anchor: date) -> _Result:
        first = _shift(anchor, unit, -n)
        value = _smallest_containing(first, anchor)
        holding = "the smallest unit holding" if value else "no single year holds"
        return value, f"{ctx.label}: {holding} {first.isoformat()}..{anchor.isoformat()}"

    return _relative(ctx, on_day)


def _ahead(n: int | None, unit: vocab.Unit, ctx: _Context, *, earliest: bool = False) -> _Result:
    """Publication + n units: a deadline ("within ten days"), or with earliest the first day it can be done
    ("(take) at least ten days"), the start of an interval open after."""
    what, says = ("the earliest day", "not before") if earliest else ("the deadline", "deadline")
    if n is None:
        return None, f"{ctx.label}: names no number, so {what} is unknown"

    def on_day(anchor: date) -> _Result:
        day = day_value(_shift(anchor, unit, n))
        return day, f"{says}: anchor + {_amount(n, unit)} ({day})"

    return _relative(ctx, on_day, coarsen=True)


def _amount(n: int, unit: vocab.Unit) -> str:
    return f"{n} {unit}{'s' if n != 1 else ''}"


def _duration(m: re.Match[str], ctx: _Context) -> _Result:
    unit = vocab.UNITS[m["unit"].lower()]
    n = vocab.count_value(m["count"] or ("few" if m["unit"].lower().endswith("s") else None))
    if ctx.op == "within":
        return _ahead(n, unit, ctx)
    if ctx.op == "at least":
        return _ahead(n, unit, ctx, earliest=True)
    if m["ago"] and n is None:
        return _behind(None, unit, ctx)
    if n is not None and (m["ago"] or (ctx.op == "in" and ctx.future)):
        step = -n if m["ago"] else n

        def on_day(anchor: date) -> _Result:
            value = _unit_value(_shift(anchor, unit, step), unit)
            return value, f"{ctx.label}: publication {'-' if step < 0 else '+'} {_amount(abs(step), unit)} ({value})"

        return _relative(ctx, on_day)
    return None, f"{ctx.label}: a duration, not a date (only 'in ...' in a future-tense sentence is a date)"


_HANDLERS: dict[str, Callable[[re.Match[str], _Context], _Result]] = {
    "iso": _iso, "month_day": _month_day, "day_month": _month_day, "month_year": _month,
    "month": _month, "year": _year, "weekday": _weekday, "day_word": _day_word, "unit": _unit,
    "weekend": _weekend, "span": _span, "duration": _duration,
}  # fmt: skip


def _effective_tense(op: str, tense: Tense | None) -> Tense | None:
    kind = vocab.OPERATORS.get(op)
    if kind == "open_interval":
        return "past"  # "since X": X has begun
    if kind == "deadline" and op != "before":
        return tense or "future"  # a deadline looks ahead unless the sentence says otherwise
    return tense


def resolve(expression: str, anchor: DateValue | None, *, tense: Tense | None = None) -> Resolved:
    """Normalise one time expression against the publication date (anchor)."""
    text = re.sub(r"['’]s$", "", expression.strip().rstrip(",;:!?").strip())
    for name, pattern in PATTERNS.items():
        m = pattern.fullmatch(text) or pattern.fullmatch(text.rstrip("."))
        if m is None:
            continue
        op = words_of(m["op"])
        ctx = _Context(anchor, _effective_tense(op, tense), op, " ".join(m["core"].split()))
        kind: WhenKind = "deadline" if name == "span" and m["dir"].lower() in ("next", "coming") else ctx.op_kind
        try:
            value, reason = _HANDLERS[name](m, ctx)
            return Resolved(value, parse_value(value).precision if value else None, kind, reason)
        except (ValueError, OverflowError) as error:  # "February 30", or past year 9999
            return Resolved(None, None, kind, f"{ctx.label}: not on the calendar ({error})")
    return Resolved(None, None, "point", f"not a time expression: {expression!r}")


def guess_tense(sentence: str, at: int | None = None) -> Tense | None:
    """The tense of a sentence from its verbs; None when it has no markers or they disagree.

    `at`, the offset of a time expression in the sentence, settles a mixed sentence by the
    nearest marker: in "said on Tuesday that troops will leave", "on Tuesday" sits by
    "said"; in "troops will leave on Tuesday, officials said" it sits by "will".
    """
    future = [m.start() for m in vocab.FUTURE_MARKERS.finditer(sentence)]
    masked = vocab.FUTURE_MARKERS.sub(lambda m: " " * len(m[0]), sentence)  # "expected to" is not past
    past = [m.start() for m in vocab.PAST_MARKERS.finditer(masked)]
    if not (future and past):
        return "future" if future else "past" if past else None
    if at is None:
        return None
    to_future, to_past = min(abs(p - at) for p in future), min(abs(p - at) for p in past)
    return None if to_future == to_past else "future" if to_future < to_past else "past"
