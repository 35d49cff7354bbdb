"""Counts in a clause: amounts with their unit, and whether they count forces, the dead, the displaced or the trained.

Numbers that measure something else (money, shares, time, distance, years, days of a month) and
counts of people who are neither forces nor victims are left out: they are never troop counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..datafile import Amount, find_amounts, has_amount_hint
from .measures import measure_of
from .units import Unit, unit_after

# --- counts ---------------------------------------------------------------------------------------------------

_CASUALTY_RE = re.compile(
    r"\b(?:killed|killing|kills|dead|died|die|deaths?|wounded|wounding|injured|injuring|injuries|casualties|"
    r"lost\s+their\s+lives|slain|executed|massacred|bodies|fatalities)\b",
    re.IGNORECASE,
)
_DISPLACED_RE = re.compile(
    r"\b(?:displaced|displacing|displacement|fled|fleeing|refugees|uprooted|homeless|evacuated|"
    r"forced\s+(?:from|out\s+of)\s+their\s+homes)\b",
    re.IGNORECASE,
)
_TRAINED_RE = re.compile(r"\b(?:train(?:ed|ing|s)?|graduated)\b", re.IGNORECASE)
_NUMBER_OF_RE = re.compile(
    r"\bnumber\s+of\s+(?P<unit>[A-Za-z-]+(?:\s+(?:and\s+)?[A-Za-z-]+){0,3}?)\s+(?:that|who|which|in|at|has|have|had|to)\b"
    r"[^.;]{0,160}?\b(?:to|at|reached|reach|of)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CountMention:
    amount: Amount
    unit: str
    unit_start: int
    unit_end: int
    unit_class: str
    kind: str


def _kind_of(text: str, clause: tuple[int, int], amount: Amount, unit: Unit | None, unit_end: int) -> str | None:
    before = text[max(clause[0], amount.start - 30):amount.start]
    after = text[unit_end:min(clause[1], unit_end + 60)]
    if _TRAINED_RE.search(before):
        return "trained"
    if _CASUALTY_RE.search(after) or re.search(r"\b(?:killing|killed|wounding|injuring)\s+$", before, re.I):
        return "casualties"
    if _DISPLACED_RE.search(after) or re.search(r"\b(?:displacing|displaced)\s+$", before, re.I):
        return "displaced"
    if unit is not None and unit.unit_class == "other":
        return None  # people who are neither forces nor victims: not a claim about forces
    return "force"


def counts_in(text: str, clause: tuple[int, int]) -> list[CountMention]:
    found: list[CountMention] = []
    start, end = clause
    if not has_amount_hint(text, start, end):
        return found
    for amount in find_amounts(text, start, end):
        if measure_of(text, amount) is not None:
            continue
        unit = unit_after(text, amount.end, end)
        if unit is not None:
            kind = _kind_of(text, clause, amount, unit, unit.end)
            if kind is not None:
                found.append(CountMention(amount, unit.text, unit.start, unit.end, unit.unit_class, kind))
            continue
        # "bringing the number of trucks and vehicles that have arrived ... to 150"
        number_of = _NUMBER_OF_RE.search(text, max(start, amount.start - 220), amount.number_start)
        if number_of is not None:
            words = number_of["unit"]
            head = unit_after(" " + words.split()[-1], 0)
            if head is not None and head.unit_class != "other":
                found.append(CountMention(amount, words, number_of.start("unit"), number_of.end("unit"),
                                           head.unit_class, "force"))
    return found
