"""The comparison engine: events first, then the questions inside each event, then who confirms whom.

analyse(dataset) builds each claim's facets, gathers force claims into events (events.py), asks each
event its questions (questions.py, timing.py) and adds notes: a source that contradicts itself, and
claims on one side that are one confirmation, not several (a shared speaker or cited agency, or
articles that share most of their text: textsim.py). Attribution (the same words credited to different
people) is about speakers rather than forces, so it is looked for across the whole file.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from ..datafile import Dataset, fold_quote
from ..world import Gazetteer
from .across import sizes_across
from .completion import completion
from .events import Event, build_events
from .facets import Facet, build_facets, without_cycle_collection
from .findings import KINDS, Answer, Conflict, Side
from .questions import Context, numeric, ref, slug
from .routes import destination, origin
from .status import presence, status
from .textsim import Shared, shared_text
from .timing import permission, timing

#: The questions asked inside every event, in the order their conflicts are listed.
QUESTIONS = (numeric, destination, origin, status, presence, completion, permission, timing)

_KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Findings:
    """Everything the engine found in one data file."""

    events: tuple[Event, ...]
    conflicts: tuple[Conflict, ...]
    event_of: Mapping[str, str]  # claim id -> event id, for claims in an event
    shared: tuple[Shared, ...]  # pairs of articles that share most of their text
    notes: Mapping[str, tuple[str, ...]]  # event id -> notes no conflict carries ("a part of", scopes)


def analyse(dataset: Dataset, gazetteer: Gazetteer | None = None) -> Findings:
    gazetteer = gazetteer or dataset.gazetteer()
    facets = build_facets(dataset.claims, dataset.sources, gazetteer, dataset.texts)
    return findings_among(facets, gazetteer, dataset.texts)


def find_conflicts(dataset: Dataset, gazetteer: Gazetteer | None = None) -> list[Conflict]:
    return list(analyse(dataset, gazetteer).conflicts)


def conflicts_among(facets: list[Facet], gazetteer: Gazetteer, texts: Mapping[str, str] | None = None) -> list[Conflict]:
    return list(findings_among(facets, gazetteer, texts).conflicts)


def findings_among(facets: list[Facet], gazetteer: Gazetteer, texts: Mapping[str, str] | None = None) -> Findings:
    with without_cycle_collection():
        return _findings(facets, gazetteer, texts)


def _findings(facets: list[Facet], gazetteer: Gazetteer, texts: Mapping[str, str] | None) -> Findings:
    events, event_of = build_events(facets, gazetteer)
    members: dict[str, list[Facet]] = defaultdict(list)
    for facet in facets:
        if facet.claim.id in event_of:
            members[event_of[facet.claim.id]].append(facet)
    shared = tuple(shared_text(texts)) if texts else ()
    found: list[Conflict] = []
    notes: dict[str, tuple[str, ...]] = {}
    contexts = []
    for event in events:
        ctx = Context(event, members[event.id], gazetteer)
        contexts.append(ctx)
        found.extend(conflict for question in QUESTIONS for conflict in question(ctx))
        if ctx.notes:
            notes[event.id] = tuple(ctx.notes)
    found, linked = sizes_across(contexts, found)
    for event_id, extra in linked.items():
        notes[event_id] = notes.get(event_id, ()) + tuple(extra)
    found.extend(_attribution(facets, event_of, gazetteer))
    found = _unique_ids([_with_notes(c, shared) for c in found])
    starts = {e.id: e.start for e in events}
    found.sort(key=lambda c: (c.severity != "hard", _KIND_ORDER[c.kind], starts.get(c.event or ""), c.id))
    return Findings(tuple(events), tuple(found), event_of, shared, notes)


def _unique_ids(found: list[Conflict]) -> list[Conflict]:
    """Scopes are cut to 40 characters in ids: two long ones alike get "-2", "-3" in the order found."""
    seen: dict[str, int] = defaultdict(int)
    unique = []
    for conflict in found:
        seen[conflict.id] += 1
        unique.append(conflict if seen[conflict.id] == 1 else replace(conflict, id=f"{conflict.id}-{seen[conflict.id]}"))
    return unique


def ask(event: Event, facets: list[Facet], gazetteer: Gazetteer) -> list[Conflict]:
    """Every question of one event, on the given claims of it."""
    ctx = Context(event, facets, gazetteer)
    return [conflict for question in QUESTIONS for conflict in question(ctx)]


def _with_notes(conflict: Conflict, shared: tuple[Shared, ...]) -> Conflict:
    notes = list(conflict.notes)
    sides_of: dict[str, set[int]] = defaultdict(set)
    for index, side in enumerate(conflict.sides):
        for r in side.refs:
            sides_of[r.source].add(index)
    if conflict.severity == "hard":
        notes += [f"{source} contradicts itself" for source, sides in sorted(sides_of.items()) if len(sides) > 1]
    notes += independence_notes(conflict.sides, shared)
    return replace(conflict, notes=tuple(dict.fromkeys(notes)))


def independence_notes(sides: Iterable[Side], shared: tuple[Shared, ...]) -> list[str]:
    """One wire report, monitor or speaker repeated by several outlets is one confirmation, not several."""
    notes = []
    copies = {(s.first, s.second): s.share for s in shared}
    for side in sides:
        by_origin: dict[str, set[str]] = defaultdict(set)
        written: dict[str, str] = {}
        sources = sorted({r.source for r in side.refs})
        for r in side.refs:
            for via in (r.cited, r.speaker):
                if via:
                    by_origin[via.casefold()].add(r.source)
                    written.setdefault(via.casefold(), via)
        for via, ids in sorted(by_origin.items()):
            if len(ids) > 1:
                notes.append(f"not independent: {', '.join(sorted(ids))} all rely on {written[via]}: one confirmation, not {len(ids)}")
        for i, a in enumerate(sources):
            for b in sources[i + 1 :]:
                share = copies.get((a, b))
                if share is not None:
                    notes.append(
                        f"not independent: {a} and {b} share {share:.0%} of the shorter one's text (one story, lightly edited): "
                        f"on '{side.label}' they are one confirmation, not 2"
                    )
    return notes


# --- attribution: the same words credited to different people ----------------------------------------------

_QUOTED = re.compile(r'"([^"]{12,})"')
_MIN_WORDS = 4


def spoken(text: str) -> list[str]:
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


def body_of(f: Facet, gazetteer: Gazetteer) -> str | None:
    """The side a speaker that is a body, not a person, speaks for: None for a person ("Ana Ruiz").

    "The army" (a common noun, naming no one) speaks for the claim's own forces; "the IDF" or "the Israeli
    military" name a side the gazetteer knows. One statement of one side's forces is credited to "the army"
    by one outlet and to "the IDF" by another: that is one body named two ways, not a misattribution.
    """
    speaker = (f.claim.speaker or "").strip()
    if not speaker:
        return None
    if speaker[0].islower():
        return f.actor
    return gazetteer.actor_for(speaker)


def attribution_reason(a: Facet, b: Facet, gazetteer: Gazetteer) -> str | None:
    """Why two claims are no attribution conflict, or None when they are one."""
    shared = [w for w in spoken(a.claim.quote) if w in spoken(b.claim.quote)]
    if not shared:
        return "no quoted words in common"
    if not a.claim.speaker or not b.claim.speaker:
        return "one claim names no speaker"
    if same_person(a.claim.speaker, b.claim.speaker):
        return f"the same speaker ({a.claim.speaker} / {b.claim.speaker})"
    body = body_of(a, gazetteer)
    if body is not None and body == body_of(b, gazetteer):
        return f"one body of {body}'s side named two ways ({a.claim.speaker} / {b.claim.speaker})"
    return None


def _attribution(facets: list[Facet], event_of: Mapping[str, str], gazetteer: Gazetteer) -> list[Conflict]:
    by_words: dict[str, list[Facet]] = defaultdict(list)
    for facet in facets:
        if facet.claim.speaker:
            for words in spoken(facet.claim.quote):
                by_words[words].append(facet)
    found = []
    for words, members in sorted(by_words.items()):
        people: dict[str, list[Facet]] = {}
        bodies: dict[str, str] = {}  # a body's key -> the first name it was given, which labels its side
        for f in members:
            assert f.claim.speaker is not None
            body = body_of(f, gazetteer)
            if body is not None:
                key = bodies.setdefault(body, f.claim.speaker)
            else:
                key = next((p for p in people if p not in bodies.values() and same_person(p, f.claim.speaker)), f.claim.speaker)
            people.setdefault(key, []).append(f)
        if len(people) < 2:
            continue
        excerpt = " ".join(words.split()[:12]) + ("…" if len(words.split()) > 12 else "")
        sides = tuple(
            Side(person, Answer(person), tuple(ref(f) for f in sorted(group, key=lambda f: f.claim.id)))
            for person, group in sorted(people.items())
        )
        events = {event_of.get(f.claim.id) for f in members}
        event = events.pop() if len(events) == 1 else None
        names = " and ".join(sorted(people))
        found.append(
            Conflict(f"attribution.{slug(' '.join(words.split()[:8]))}", event, "attribution", "hard", f'Who said "{excerpt}"',
                     sides, f"the same words are credited to {names}", ())
        )
    return found
