"""Whether a movement happened: claims that the forces left (or went somewhere) against denials that they did.

The same modality on both sides (a fact against a fact, a plan against a plan) is hard; a plan against a fact
is soft. "Moved to Iraq rather than go home" says no to going home, as a denial would.

Whether the forces are there at all: "3,000 of its soldiers are operating in X" (or forces pouring into X)
against "it has never admitted having soldiers in X". Hard only when both sides name the place
and lie within a week of each other; a side placed by its event, or days further apart, leaves it soft.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .facets import Facet
from .findings import Answer, Conflict
from .questions import UNNAMED, Context, Question, claims_said
from .timing import STAGE_DAYS


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
        unnamed = place == UNNAMED  # both sides placed by their forces and time alone: not certain they are one place
        severity = "hard" if same and not unnamed else "soft"
        explanation = f"{claims_said(len(yes))} {'say' if len(yes) > 1 else 'says'} the forces {question}, {len(no)} den{'y' if len(no) > 1 else 'ies'} it"
        if same:
            explanation += f" ({' and '.join(sorted(same))} on both sides)"
        else:
            explanation += f" (a {'/'.join(sorted({f.claim.modality for f in yes}))} against a {'/'.join(sorted({f.claim.modality for f in no}))})"
        notes = ["soft: no claim names the place; the sides are tied by their forces and their time alone"] if unnamed else []
        found.append(q.conflict(ctx.event, severity, explanation, notes))
    return found


#: A clause that states a condition: "Should the soldiers not be withdrawn by spring ...", "Unless the forces leave ...".
_CONDITION = re.compile(r"\W*(?:if|unless|should|were|in\s+case)\b", re.IGNORECASE)


def presence(ctx: Context) -> list[Conflict]:
    if not any(f.family == "presence" and f.claim.polarity == "denied" for f in ctx.facets):
        return []  # most events deny nothing: no need to gather who says the forces are there
    groups: dict[str, tuple[list[Facet], list[Facet]]] = defaultdict(lambda: ([], []))
    for f in ctx.facets:
        if f.claim.modality != "fact":
            continue  # leave to stay, a demand to go, a plan: questions of their own
        if f.family == "presence":
            if f.claim.polarity == "denied" and _CONDITION.match(f.claim.quote):
                continue  # "should the soldiers not be withdrawn ...": a condition, no denial that they are there
            place = ctx.where(f)
            if place is not None:
                groups[place][f.claim.polarity == "denied"].append(f)
        elif f.family == "relocation" and f.claim.polarity == "asserted" and f.claim.movement != "return":
            going = ctx.going(f)  # forces that went to X are there
            if going is not None and not going[1].home:
                groups[going[0]][0].append(f)
    found = []
    for place, (yes, no) in sorted(groups.items()):
        # an article that reports a denial beside the evidence against it tells of a dispute; it is no side of one alone
        if not yes or not no or not {f.source.id for f in yes} - {f.source.id for f in no}:
            continue
        q = Question("status", f"presence-{place}", f"Whether {ctx.people} forces were in {place}", {})
        for f in yes:
            q.add("yes", "yes", Answer("yes"), f)
        for f in no:
            q.add("no", "no", Answer("no"), f)
        named = [f for f in yes + no if _names(ctx, f, place)]
        close = any(abs((a.date.start - b.date.start).days) <= STAGE_DAYS for a in named if a in yes for b in named if b in no)
        notes = [] if close else ["soft: a side is placed by its event rather than by its own words, or the sides lie more than a week apart"]
        explanation = (
            f"{claims_said(len(yes))} {'say' if len(yes) > 1 else 'says'} {ctx.people} forces were in {place}, "
            f"{len(no)} den{'y' if len(no) > 1 else 'ies'} it"
        )
        found.append(q.conflict(ctx.event, "hard" if close else "soft", explanation, notes))
    return found


def _names(ctx: Context, f: Facet, place: str) -> bool:
    """Whether a claim names the place itself (not only its event)."""
    return any(spot is not None and spot.place is not None and ctx.country(spot) == place for spot in (f.location, f.destination))
