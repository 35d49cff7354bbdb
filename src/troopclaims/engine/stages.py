"""The stage of a movement a claim speaks of: begun, under way, a part, complete, a forecast, one base left, or the whole.

"Began leaving on Saturday" and "the last left on Sunday" are two stages of one withdrawal, not rival dates;
"the last left on the 12th" against "still under way on the 14th" is a dispute about whether it was complete.
The stage is read from the claim's own fields (modality, where from) and the words of its quote that mark a
stage ("began", "the last", "still under way"); nothing names an outlet, a story or a particular sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from .facets import POINT_KINDS, Facet

Stage = Literal["forecast", "begun", "under way", "partial", "complete", "one place", "whole"]

_BEGUN = re.compile(
    r"\b(?:began|begun|begin|begins|beginning|started|starts|start|starting|kicked\s+off|first\s+(?:[\w,.-]+\s+){0,2}?(?:troops|soldiers|"
    r"convoys?|batch|group|units?|wave|contingent|forces))\b",
    re.IGNORECASE,
)
_UNDER_WAY = re.compile(
    # "continued to withdraw", "the continuing pull-out"; not "their continued presence", which is no stage of a movement
    r"\b(?:under\s*way|ongoing|in\s+progress|continu(?:e|es|ed|ing)\s+(?:to\s+|their\s+|its\s+)?(?:leav|withdr|pull|mov|depart|redeploy|drawdown|exit)\w*|"
    r"(?:withdrawal|pull-?out|pullback|departure|drawdown|redeployment)s?\s+(?:has\s+|have\s+|is\s+|was\s+)?continu\w*|"
    r"still\s+(?:leaving|withdrawing|pulling|moving|being|in\s+the\s+process)|"
    r"(?:is|are|(?:has|have)\s+been)\s+(?:leaving|withdrawing|pulling\s+out))\b",
    re.IGNORECASE,
)
#: "Last month the troops left", "over the last week": a time, not the last of the forces.
_TIME = r"(?:week|weekend|month|year|night|time|days?|weeks|months|years|few|several)\b"
_COMPLETE = re.compile(
    r"\b(?:complet(?:e|ed|es|ing|ion)|finish(?:ed|es)?|concluded|the\s+last(?!\s+" + _TIME + r")(?:\s+of\s+the)?|last\s+(?!" + _TIME + r")"
    r"(?:[\w,.-]+\s+){0,2}?(?:troops|soldiers|"
    r"forces|convoys?|contingent|units?)|all\s+(?:of\s+(?:the|its|their)\s+)?(?:[\w,.-]+\s+){0,3}?(?:troops|soldiers|forces|personnel)|"
    r"fully|entirely|no\s+(?:more|longer\s+any)\s+(?:troops|soldiers|forces))\b",
    re.IGNORECASE,
)
#: Only a part of the forces moved: "most of its troops", "some of its ground forces", "a partial withdrawal".
#: It narrows an "all" in the same words ("most, but not all, of its troops"), so it is read before complete.
_PARTIAL = re.compile(
    r"\b(?:partial(?:ly)?|(?:most|some|part|half)\s+of\s+(?:the|its|their)\s+(?:[\w,.-]+\s+){0,2}?(?:troops|soldiers|forces|personnel|units))\b",
    re.IGNORECASE,
)
_MARKS: tuple[tuple[Stage, re.Pattern[str]], ...] = (
    ("partial", _PARTIAL), ("complete", _COMPLETE), ("begun", _BEGUN), ("under way", _UNDER_WAY),
)
_MOVING = frozenset({"withdraw", "leave", "move", "deploy", "arrive", "return"})


def stage_of(facet: Facet) -> Stage:
    """The stage a movement claim speaks of; "whole" when nothing marks one (it may be any stage)."""
    claim = facet.claim
    origin = facet.origin
    point = origin is not None and origin.place is not None and origin.place.kind in POINT_KINDS
    return _stage(claim.quote, claim.modality, claim.movement, point)


@lru_cache(maxsize=4096)
def _stage(quote: str, modality: str, movement: str | None, point: bool) -> Stage:
    """Read once per distinct quote and fields: a large file repeats them, and every question asks."""
    if modality in ("plan", "possibility", "demand", "permission"):
        return "forecast"
    if movement not in _MOVING:
        return "whole"
    if movement in ("withdraw", "leave") and point:
        return "one place"  # "left the base at X": one step of leaving the country
    marks: list[Stage] = [stage for stage, words in _MARKS if words.search(quote)]
    if "begun" in marks and "complete" in marks:
        return "whole"  # "began on the 1st and finished on the 9th": two stages in one quote, neither alone
    return marks[0] if marks else "whole"
