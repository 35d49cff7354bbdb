"""Whether a movement happened: claims that the forces left (or went somewhere) against denials that they did.

The same modality on both sides (a fact against a fact, a plan against a plan) is hard; a plan against a fact
is soft. "Moved to Iraq rather than go home" says no to going home, as a denial would.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .facets import Facet
from .findings import Answer, Conflict
from .questions import Context, Question, claims_said


#: "Moved to Iraq rather than go home": an answer elsewhere that says no to going home.
_NOT_HOME = re.compile(
    r"\b(?:rather\s+than|instead\s+of)\s+(?:being\s+(?:sent|brought|flown)\s+|(?:to\s+)?(?:go|going|return|returning|head|heading|fly|flying)\s+)"
    r"(?:back\s+)?home\b",
    re.IGNORECASE,
)


def status(ctx: Context) -> list[Conflict]:
    groups: dict[tuple[str, str], list[Facet]] = defaultdict(list)
    not_home: list[Facet] = []
    for f in ctx.facets:
        if f.family not in ("departure", "relocation") or f.claim.modality in ("permission", "demand"):
            continue
        if f.family == "relocation" and f.claim.polarity == "asserted" and _NOT_HOME.search(f.claim.quote):
            not_home.append(f)
        if f.family == "departure":
            place = ctx.leaving(f)
            if place is None:
                continue
            groups[("departure", place)].append(f)
        else:
            going = ctx.going(f)
            if going is not None:
                groups[("relocation", going[0])].append(f)
    found = []
    for (family, place), members in sorted(groups.items()):
        yes = [f for f in members if f.claim.polarity == "asserted"]
        no = [f for f in members if f.claim.polarity == "denied"]
        if family == "relocation" and place.startswith("home"):
            no += [f for f in not_home if f not in no]
        if not yes or not no:
            continue
        question = f"withdrew from {place}" if family == "departure" else ("went home" if place.startswith("home") else f"moved to {place}")
        q = Question("status", f"{family}-{place}", f"Whether {ctx.people} forces {question}", {})
        for f in yes:
            q.add("yes", "yes", Answer("yes"), f)
        for f in no:
            q.add("no", "no", Answer("no"), f)
        same = {f.claim.modality for f in yes} & {f.claim.modality for f in no}
        severity = "hard" if same else "soft"
        explanation = f"{claims_said(len(yes))} {'say' if len(yes) > 1 else 'says'} the forces {question}, {len(no)} den{'y' if len(no) > 1 else 'ies'} it"
        if same:
            explanation += f" ({' and '.join(sorted(same))} on both sides)"
        else:
            explanation += f" (a {'/'.join(sorted({f.claim.modality for f in yes}))} against a {'/'.join(sorted({f.claim.modality for f in no}))})"
        found.append(q.conflict(ctx.event, severity, explanation, []))
    return found
