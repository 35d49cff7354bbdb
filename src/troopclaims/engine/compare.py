"""The comparison engine: which claims contradict each other, how badly, and why.

find_conflicts(dataset) groups claims by what makes them comparable (whose forces, what kind of
movement, the countries of the route, dates within reach) and runs the pair rules of rules.py only
inside those groups. Pair findings about the same question are gathered into one Conflict per
pair of rival values, with every claim that holds each value.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

from ..datafile import Dataset, fold_quote
from ..world import Gazetteer, load_gazetteer
from .facets import SAME_EVENT_DAYS, Facet, build_facets, candidate_pairs, country_key
from .rules import PAIR_RULES, Finding, stance

KINDS = ("numeric", "destination", "location", "status", "permission", "attribution")
_KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Side:
    value: str
    claims: tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    kind: str
    severity: str
    topic: str
    sides: tuple[Side, ...]
    explanation: str
    notes: tuple[str, ...]
    sources: tuple[str, ...]
    speakers: tuple[str, ...]

    @property
    def claims(self) -> tuple[str, ...]:
        return tuple(claim for side in self.sides for claim in side.claims)


@dataclass
class _Gathered:
    kind: str
    topic: str
    severity: str = "soft"
    sides: dict[str, dict[str, Facet]] = field(default_factory=dict)  # value -> claim id -> facet
    explanations: dict[str, str] = field(default_factory=dict)  # explanation -> its finding's severity
    notes: list[str] = field(default_factory=list)


def find_conflicts(dataset: Dataset, gazetteer: Gazetteer | None = None) -> list[Conflict]:
    gazetteer = gazetteer or load_gazetteer(dataset.gazetteer_path)
    facets = build_facets(dataset.claims, dataset.sources, gazetteer)
    return conflicts_among(facets, gazetteer)


def conflicts_among(facets: list[Facet], gazetteer: Gazetteer) -> list[Conflict]:
    gathered: dict[tuple[Hashable, ...], _Gathered] = {}
    by_actor: dict[str, list[Facet]] = defaultdict(list)
    for facet in facets:
        if facet.actor is not None and facet.claim.kind == "force":
            by_actor[facet.actor].append(facet)

    def place(f: Facet) -> tuple[Hashable, ...]:
        return (f.group, country_key(gazetteer, f.origin), country_key(gazetteer, f.destination or f.location))

    def family(f: Facet) -> tuple[Hashable, ...]:
        return (f.family, country_key(gazetteer, f.origin), country_key(gazetteer, f.destination or f.location))

    def origin_only(f: Facet) -> tuple[Hashable, ...]:
        return (f.group, country_key(gazetteer, f.origin))

    def where(f: Facet) -> tuple[Hashable, ...]:
        return (country_key(gazetteer, f.where or f.origin),)

    plans = (("numeric", place), ("status", family), ("destination", origin_only), ("permission", where))
    for members in by_actor.values():
        for rule_name, route in plans:
            rule = PAIR_RULES[rule_name]
            for a, b in candidate_pairs(members, route):
                verdict = rule(a, b, gazetteer)
                if isinstance(verdict, Finding):
                    _gather(gathered, verdict, a, b)
    for finding, a, b in _attribution(facets):
        _gather(gathered, finding, a, b)
    return sorted((_freeze(g) for g in gathered.values()), key=_order)


def _counted(f: Facet) -> bool:
    return f.claim.count is not None and f.units == "personnel" and f.claim.polarity == "asserted"


def _moved(f: Facet) -> bool:
    return f.family in ("departure", "relocation")


def _bound(f: Facet) -> bool:
    return f.group == "movement" and f.destination is not None and f.claim.polarity == "asserted"


def _stance_taken(f: Facet) -> bool:
    return stance(f) is not None


def _gather(gathered: dict[tuple[Hashable, ...], _Gathered], finding: Finding, a: Facet, b: Facet) -> None:
    """Findings about one question (kind and topic) make one conflict, with a side per rival value."""
    entry = gathered.setdefault((finding.kind, finding.topic), _Gathered(finding.kind, finding.topic))
    if finding.severity == "hard":
        entry.severity = "hard"
    if entry.explanations.get(finding.explanation) != "hard":
        entry.explanations[finding.explanation] = finding.severity
    for value, facet in zip(finding.values, (a, b)):
        entry.sides.setdefault(value, {})[facet.claim.id] = facet
    notes = list(finding.notes)
    if a.source.id == b.source.id and finding.severity == "hard":
        notes.append(f"{a.source.id} contradicts itself")
    for note in notes:
        if note not in entry.notes:
            entry.notes.append(note)


def _freeze(entry: _Gathered) -> Conflict:
    groups = [list(side.values()) for side in entry.sides.values()]
    notes = scope_notes(groups) + entry.notes + _independence_notes(groups)
    sides = tuple(Side(value, tuple(sorted(side))) for value, side in sorted(entry.sides.items()))
    facets = [f for group in groups for f in group]
    hard_first = sorted(entry.explanations, key=lambda e: entry.explanations[e] != "hard")
    more = len(hard_first) - 1
    return Conflict(
        kind=entry.kind,
        severity=entry.severity,
        topic=entry.topic,
        sides=sides,
        explanation=hard_first[0] + (f" (and {more} more pair{'s' if more > 1 else ''} like it)" if more else ""),
        notes=tuple(notes),
        sources=tuple(sorted({f.source.id for f in facets})),
        speakers=tuple(sorted({f.claim.speaker for f in facets if f.claim.speaker})),
    )


def scope_notes(sides: list[list[Facet]]) -> list[str]:
    """How far apart in time the claims of a conflict lie: far apart, they may be different events."""
    notes = []
    facets = [f for side in sides for f in side]
    first = min(facets, key=lambda f: f.date.end)
    last = max(facets, key=lambda f: f.date.start)
    gap = first.date.gap_days(last.date)
    if gap > SAME_EVENT_DAYS:
        months = round(gap / 30.4)
        notes.append(
            f"possibly different events: the claims are up to {months} months apart ({first.date.value} to {last.date.value})"
        )
    return notes


def _independence_notes(sides: Iterable[list[Facet]]) -> list[str]:
    """One wire report or monitor repeated by two outlets is one confirmation, not two."""
    notes = []
    for side in sides:
        by_origin: dict[str, set[str]] = defaultdict(set)
        written: dict[str, str] = {}
        for facet in side:
            for via in (facet.claim.cited, facet.claim.speaker):
                if via:
                    by_origin[via.casefold()].add(facet.source.id)
                    written.setdefault(via.casefold(), via)
        for via, sources in sorted(by_origin.items()):
            if len(sources) > 1:
                names = ", ".join(sorted(sources))
                notes.append(f"not independent: {names} all rely on {written[via]}: one confirmation, not {len(sources)}")
    return notes


def _order(conflict: Conflict) -> tuple[int, int, str, tuple[str, ...]]:
    return (conflict.severity != "hard", _KIND_ORDER[conflict.kind], conflict.topic, conflict.claims)


# --- attribution: the same words credited to different people ----------------------------------------------

_QUOTED = re.compile(r'"([^"]{12,})"')
_MIN_WORDS = 4


def _spoken(text: str) -> list[str]:
    """The passages of a quote that stand inside quotation marks, folded for comparison."""
    passages = []
    for passage in _QUOTED.findall(fold_quote(text)):
        words = re.findall(r"[\w']+", passage.casefold())
        if len(words) >= _MIN_WORDS:
            passages.append(" ".join(words))
    return passages


def same_person(a: str, b: str) -> bool:
    """'Ana Ruiz' and 'Ruiz' are one person; different surnames are not."""
    x, y = a.casefold().split(), b.casefold().split()
    return bool(x and y) and (x[-1] == y[-1] or set(x) <= set(y) or set(y) <= set(x))


def _attribution(facets: list[Facet]) -> Iterable[tuple[Finding, Facet, Facet]]:
    by_words: dict[str, list[Facet]] = defaultdict(list)
    for facet in facets:
        if facet.claim.speaker:
            for words in _spoken(facet.claim.quote):
                by_words[words].append(facet)
    for words, members in by_words.items():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                finding = attribution(a, b, words)
                if isinstance(finding, Finding):
                    yield finding, a, b


def attribution(a: Facet, b: Facet, words: str | None = None) -> Finding | str:
    shared = [w for w in _spoken(a.claim.quote) if w in _spoken(b.claim.quote)] if words is None else [words]
    if not shared:
        return "no quoted words in common"
    if not a.claim.speaker or not b.claim.speaker:
        return "one claim names no speaker"
    if same_person(a.claim.speaker, b.claim.speaker):
        return f"the same speaker ({a.claim.speaker} / {b.claim.speaker})"
    excerpt = " ".join(shared[0].split()[:12])
    topic = f'Who said "{excerpt}{"…" if len(shared[0].split()) > 12 else ""}"'
    explanation = f"the same words are credited to {a.claim.speaker} and to {b.claim.speaker}"
    notes = (f"the source {a.source.id} contradicts itself",) if a.source.id == b.source.id else ()
    return Finding("attribution", "hard", topic, (a.claim.speaker, b.claim.speaker), explanation, notes)
