"""Time: date expressions in text, resolved against a publication date, and each claim's place in time.

Takes sentences and a publication date (dates.py notation); gives expressions found ("last night",
"within four weeks"), their resolved values with a reason, and each claim's event date.
Modules: timex_vocab.py (words), expressions.py (finding), timex.py (resolving), chronology.py
(a claim's event date). Nothing here reads the clock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .chronology import EventDate, event_date, published_date
    from .expressions import Expression, find_expressions
    from .timex import Resolved, Tense, guess_tense, resolve
    from .window import within

__all__ = [
    "EventDate",
    "Expression",
    "Resolved",
    "Tense",
    "event_date",
    "find_expressions",
    "guess_tense",
    "published_date",
    "resolve",
    "within",
]

# Each public name is imported from its module on first use (troopclaims.lazy).
_HOME = {
    "EventDate": "chronology",
    "event_date": "chronology",
    "published_date": "chronology",
    "Expression": "expressions",
    "find_expressions": "expressions",
    "Resolved": "timex",
    "Tense": "timex",
    "guess_tense": "timex",
    "resolve": "timex",
    "within": "window",
}


__getattr__ = lazy_exports(__name__, _HOME)
