"""Matching reported conflicts to the dispute readings, and the reason for each miss.

Kept apart from conflicts_score.py so that tests can check the rules on made-up inputs, without the
article texts or a run of the command line. Everything here works on what the public command line
prints (`conflicts`, `list` and `events` with `--format json`) and on the readings; never on wording.

A conflict matches a dispute when its kind can answer the dispute's question (ANSWERED_BY) and two of
its sides match two different sides of the dispute: counts by their numbers, places by their names,
and yes/no, date and duration sides by the articles whose claims stand on them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import permutations
from typing import Any

from devset_format import (
    ANSWER_DISPUTES,
    COUNT_DISPUTES,
    PLACE_DISPUTES,
    PLACE_FIELDS,
    bound,
    date_text,
    same_place,
)

Json = dict[str, Any]

# The conflict kinds of `troopclaims conflicts` that can answer each kind of dispute. A completion
# may come as a status ("did they leave") or a question of its own; its date may come as timing.
ANSWERED_BY: dict[str, set[str]] = {
    "count": {"numeric"}, "force-size": {"numeric", "force-size", "size"},
    "destination": {"destination"}, "origin": {"origin"}, "location": {"location"},
    "completion": {"completion", "status"}, "occurred": {"status", "occurred"},
    "permission": {"permission"}, "timing": {"timing", "completion"}, "duration": {"duration", "timing"},
}
# The kind whose absence from the command line's --kind choices means the engine has no such question.
ASKED_AS: dict[str, str] = {
    "count": "numeric", "force-size": "numeric", "destination": "destination", "origin": "origin",
    "location": "location", "completion": "completion", "occurred": "status", "permission": "permission",
    "timing": "timing", "duration": "duration",
}
REASONS = ("no claim", "wrong field", "no such question", "split event", "judged compatible", "merged")


def count_fits(reading: Mapping[str, Any], given: Mapping[str, Any] | None) -> bool:
    """Whether a count the tool gives is the reading's answer.

    A range or vague reading holds every number of the count; any other reading must have the same
    number, and a bound ("more than", "fewer than") must point the same way as the reading's.
    """
    if not given or given.get("type", "count") != "count":
        return False
    if reading.get("qualifier") in {"range", "vague"}:
        numbers = [given.get(key) for key in ("value", "low", "high") if given.get(key) is not None]
        return bool(numbers) and all(reading["low"] <= number <= reading["high"] for number in numbers)
    if given.get("value") != reading.get("value"):
        return False
    return bound(reading) == "at" or bound(given) == bound(reading)


def place_fits(reading: object, given: Mapping[str, Any] | None) -> bool:
    if not given or given.get("type", "place") != "place" or not given.get("name"):
        return False
    return same_place(reading, {"name": given["name"], "country": given.get("country")})


def _articles_of(claims: Iterable[Json], article_of: Mapping[str, str]) -> set[str]:
    return {article_of[c["source"]] for c in claims if c.get("source") in article_of}


def side_fits(kind: str, side: Json, conflict_side: Json, article_of: Mapping[str, str]) -> bool:
    """Whether one side of a reported conflict gives one side of the dispute."""
    if kind in COUNT_DISPUTES:
        return count_fits(side["value"], conflict_side.get("value"))
    if kind in PLACE_DISPUTES:
        return place_fits(side["value"], conflict_side.get("value"))
    return bool(_articles_of(conflict_side.get("claims", []), article_of) & set(side["articles"]))


def matches(dispute: Json, conflict: Json, article_of: Mapping[str, str]) -> bool:
    """Whether a reported conflict is this dispute: its kind answers it and two of its sides are two of the dispute's."""
    kind = dispute["kind"]
    if conflict.get("kind") not in ANSWERED_BY[kind]:
        return False
    sides = conflict.get("sides", [])
    return any(
        side_fits(kind, first, a, article_of) and side_fits(kind, second, b, article_of)
        for first, second in permutations(dispute["sides"], 2) for a, b in permutations(sides, 2)
    )


def known_look_alike(pair: Json, conflict: Json, article_of: Mapping[str, str]) -> bool:
    """Whether a reported conflict sets two articles of a not-dispute against each other."""
    if conflict.get("kind") not in ANSWERED_BY[pair["kind"]]:
        return False
    named = [_articles_of(s.get("claims", []), article_of) & set(pair["articles"]) for s in conflict.get("sides", [])]
    return any(x != y for a, b in permutations(named, 2) for x in a for y in b)


def one_each(hits: Mapping[str, list[Json]]) -> dict[str, str]:
    """Conflicts credited to disputes, at most one dispute a conflict, as many disputes found as can be.

    One reported conflict cannot answer two of a reader's questions; where a dispute has several
    matching conflicts they all count for it (repeats are not invented), once it holds one of its own.
    """
    owner: dict[str, str] = {}

    def claim(dispute: str, seen: set[str]) -> bool:
        for conflict in (c["id"] for c in hits[dispute]):
            if conflict in seen:
                continue
            seen.add(conflict)
            if conflict not in owner or claim(owner[conflict], seen):
                owner[conflict] = dispute
                return True
        return False

    for dispute in hits:
        claim(dispute, set())
    for dispute, found in hits.items():  # a dispute's further matches, free of any other, count for it too
        if dispute in owner.values():
            owner.update({c["id"]: dispute for c in found if c["id"] not in owner})
    return owner


@dataclass
class StoryResult:
    """One story's disputes found and missed, and its reported conflicts that match none."""

    story: str
    disputes: int = 0
    found: list[Json] = field(default_factory=list)
    missed: list[Json] = field(default_factory=list)
    invented: list[Json] = field(default_factory=list)

    def as_json(self) -> Json:
        return {"story": self.story, "disputes": self.disputes, "found": self.found, "missed": self.missed,
                "invented": self.invented}


def supporting(kind: str, side: Json, claims: list[Json], article_of: Mapping[str, str]) -> tuple[list[str], str]:
    """The claims of a side's articles that give its value, or ([], "no claim" / "wrong field")."""
    mine = [c for c in claims if article_of.get(c.get("source", "")) in set(side["articles"])]
    value = side["value"]
    if kind in COUNT_DISPUTES:
        right = [c for c in mine if count_fits(value, c.get("count"))]
        return [c["id"] for c in right], "no claim"
    if kind in PLACE_DISPUTES:
        right = [c for c in mine if c.get(kind) and same_place(value, c[kind])]
        elsewhere = any(c.get(name) and same_place(value, c[name]) for c in mine for name in PLACE_FIELDS)
        return [c["id"] for c in right], "wrong field" if elsewhere else "no claim"
    if kind == "timing":
        day = date_text(value)
        right = [c for c in mine if _date_of(c).startswith(day) or (_date_of(c) and day.startswith(_date_of(c)))]
        return [c["id"] for c in right], "wrong field" if mine else "no claim"
    if kind == "duration":
        return [c["id"] for c in mine if c.get("duration")], "wrong field" if mine else "no claim"
    assert kind in ANSWER_DISPUTES
    return [c["id"] for c in mine if c.get("kind", "force") == "force"], "no claim"


def _date_of(claim: Json) -> str:
    return str((claim.get("when") or {}).get("value") or "")


def why_missed(dispute: Json, claims: list[Json], events: list[Json], asked: set[str],
               article_of: Mapping[str, str]) -> Json:
    """The first reason, in REASONS order, that the tool did not report a dispute, with what it rests on."""
    kind = dispute["kind"]
    backing: list[list[str]] = []
    for number, side in enumerate(dispute["sides"], 1):
        ids, reason = supporting(kind, side, claims, article_of)
        if not ids:
            return {"reason": reason, "detail": f"side {number} ({_shown(side['value'])}, "
                    f"{', '.join(side['articles'])}): no claim gives it" + (" in that field" if reason == "wrong field" else "")}
        backing.append(ids)
    if ASKED_AS[kind] not in asked:
        return {"reason": "no such question", "detail": f"the tool asks no {ASKED_AS[kind]} question"}
    event_of = {m["claim"]: e["id"] for e in events for m in e.get("claims", [])}
    homes = [{event_of[i] for i in ids if i in event_of} for ids in backing]
    shared = [(a, b) for a, b in permutations(range(len(homes)), 2) if homes[a] & homes[b]]
    if not shared:
        return {"reason": "split event", "detail": "; ".join(
            f"side {n}: {', '.join(sorted(h)) or 'no event'}" for n, h in enumerate(homes, 1))}
    a, b = shared[0]
    return {"reason": "judged compatible", "detail": f"sides {a + 1} and {b + 1} meet in "
            f"{', '.join(sorted(homes[a] & homes[b]))} and are not reported against each other"}


def _shown(value: object) -> str:
    if isinstance(value, Mapping):
        if value.get("qualifier") in {"range", "vague"}:
            return f"{value.get('low')}-{value.get('high')}"
        return f"{value.get('qualifier')} {value.get('value')}"
    return date_text(value) if not isinstance(value, bool) else ("yes" if value else "no")


def score_story(story: Json, conflicts: list[Json], claims: list[Json], events: list[Json], asked: set[str],
                article_of: Mapping[str, str]) -> StoryResult:
    """A story's disputes found (with the conflicts that match them), missed (with why) and invented conflicts."""
    disputes = story.get("disputes") or []
    result = StoryResult(story=story["story"], disputes=len(disputes))
    hits = {d["id"]: [c for c in conflicts if matches(d, c, article_of)] for d in disputes}
    credited = one_each(hits)
    matched = {c["id"] for found in hits.values() for c in found}
    for dispute in disputes:
        head = {"dispute": dispute["id"], "kind": dispute["kind"], "severity": dispute["severity"]}
        mine = [c for c in hits[dispute["id"]] if credited.get(c["id"]) == dispute["id"]]
        if mine:
            result.found.append({**head, "conflicts": [c["id"] for c in mine],
                                 "reported_severity": sorted({c.get("severity", "") for c in mine})})
        elif hits[dispute["id"]]:
            taken = hits[dispute["id"]][0]["id"]
            result.missed.append({**head, "reason": "merged", "detail": f"its one conflict, {taken}, "
                                  f"is credited to {credited.get(taken)}: one answer for two questions"})
        else:
            result.missed.append({**head, **why_missed(dispute, claims, events, asked, article_of)})
    for conflict in conflicts:
        if conflict["id"] in matched:
            continue
        looks = [p["reason"] for p in story.get("not_disputes") or [] if known_look_alike(p, conflict, article_of)]
        result.invented.append({"conflict": conflict["id"], "kind": conflict.get("kind"),
                                "severity": conflict.get("severity"),
                                "sides": [s.get("label") for s in conflict.get("sides", [])],
                                "not_dispute": looks[0] if looks else None})
    return result
