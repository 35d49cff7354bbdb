"""What a count in a claim measures, read from the claim's fields and the words around its figure.

"moving" (forces leaving or going), "present" (a force there, or a size with no movement: "the mission numbers 4,500"),
"staying" (those left behind), "earlier" (a size said of the past: "at its peak"), "over years" (a size held for
decades), "added" (forces added to those already sent: "another 3,000") or None for a part named beside its whole
("4,500 troops, including 600 from X"),
which is no rival answer to how many.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .facets import Facet

_ROLE = {"departure": "moving", "relocation": "moving", "presence": "present"}
ROLE_WORD = {"moving": "moving", "present": "there", "staying": "staying", "earlier": "there before", "added": "more", "over years": "there over the years"}
#: A size said of the past: "at its peak", "had 5,100 troops", "once numbered". Not the size at the claim's date.
_PAST = re.compile(
    r"\b(?:at\s+(?:its|their|the)\s+(?:peak|height|largest)|once|previously|formerly|used\s+to|had\s+(?:had\s+)?"
    r"(?:(?:about|around|some|nearly|almost|more\s+than|over|up\s+to|as\s+many\s+as)\s+)?[\d,.]+|had\s+(?:numbered|totall?ed|peaked)|"
    r"until\s+then)",
    re.IGNORECASE,
)
#: A size held over a long time: "its garrison there has numbered in the thousands for generations". A history of no
#: one moment: it is shown, but set against no other figure.
_YEARS = re.compile(r"\bfor\s+(?:decades|generations|many\s+years|years)\b", re.IGNORECASE)
#: Forces "already stationed there", "already on the ground": present before the movement spoken of, not a part of it.
_ALREADY_AFTER = r"\s+(?:[\w.-]+\s+){0,3}?already\s+(?:in|there|stationed|deployed|based|present|on\s+the\s+ground)\b"
#: A figure given as a part of another in the same words: "4,500 troops, including some 600 from X", "of whom 200".
_PART_BEFORE = r"(?:including|of\s+(?:which|whom|them)|among\s+(?:them|whom))\s+(?:[\w-]+\s+){0,2}?"
#: A figure added to those already there: "another 3,000", "3,000 additional troops", "a couple of thousand more".
_ADDED_BEFORE = r"(?:another|additional|further|extra)\s+(?:[\w-]+\s+){0,1}?"
_ADDED_AFTER = r"\s+(?:[\w-]+\s+){0,1}?(?:more|additional|extra|further|new)\b"


def role_of(f: Facet) -> str | None:
    count = f.claim.count
    written = count.text if count is not None and count.text else (f"{count.value:,}" if count is not None and count.value is not None else "")
    return _role(f.claim.quote, written, f.claim.movement, f.family)


@lru_cache(maxsize=8192)
def _role(quote: str, written: str, movement: str | None, family: str | None) -> str | None:
    """Read once per distinct quote and figure: every question asks, and a large file repeats them."""
    if movement == "stay":
        return "staying"
    if written and _marked(quote, written, _PART_BEFORE):
        return None
    if written and _marked(quote, written, _ADDED_BEFORE, _ADDED_AFTER):
        return "added"
    role = _ROLE.get(family, "present") if family else "present"
    if role == "moving" and written and _marked(quote, written, r"(?!)", _ALREADY_AFTER):
        role = "present"
    if role == "present" and _YEARS.search(quote):
        return "over years"
    return "earlier" if role == "present" and _PAST.search(quote) else role


def _marked(quote: str, written: str, before: str, after: str | None = None) -> bool:
    figure = re.escape(written)
    return bool(re.search(rf"\b{before}{figure}", quote, re.IGNORECASE)
                or (after is not None and re.search(rf"{figure}{after}", quote, re.IGNORECASE)))
