"""What the engine finds, as data: conflicts with typed sides, and their records for machine formats.

A Conflict is one question inside one event ("how many US personnel left Syria?") whose answers disagree.
Each Side is one answer: its value as data (a Figure, a Span, a PlacePoint or an Answer), a label for
readers, and the claims that give it. Records (conflict_record, event_record) hold numbers, ISO dates and
ids only; the labels and explanations are the one place for prose.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .events import Event
from .values import Figure, Span

Kind = Literal["numeric", "destination", "location", "origin", "status", "permission", "timing", "attribution"]
KINDS: tuple[str, ...] = ("numeric", "destination", "location", "origin", "status", "permission", "timing", "attribution")


@dataclass(frozen=True)
class PlacePoint:
    """A place as data: the name as the gazetteer knows it (or as written), its id, and its country (None: unknown)."""

    name: str
    id: str | None
    country: str | None
    home: bool = False


@dataclass(frozen=True)
class Answer:
    """A yes/no or a stance ("stay", "may not stay", "must leave", "transit only"), with its deadline if any."""

    answer: str
    deadline: Span | None = None


Value = Figure | Span | PlacePoint | Answer


@dataclass(frozen=True)
class ClaimRef:
    """One claim on a side: where it comes from and when it is dated."""

    claim: str
    source: str
    published: str
    speaker: str | None
    cited: str | None
    date: str  # the claim's event date, in the data file's notation
    date_start: str  # ISO day
    date_end: str  # ISO day
    precision: str
    reviewed: bool = True  # False: a candidate of the extractor that nobody has reviewed yet


@dataclass(frozen=True)
class Side:
    label: str
    value: Value
    refs: tuple[ClaimRef, ...]

    @property
    def claims(self) -> tuple[str, ...]:
        return tuple(r.claim for r in self.refs)

    @property
    def reviewed(self) -> bool:
        return all(r.reviewed for r in self.refs)


@dataclass(frozen=True)
class Conflict:
    """id: stable ("<event id>.<kind>.<scope>"); event: its event's id (None for attribution, which is about speakers)."""

    id: str
    event: str | None
    kind: str
    severity: str  # "soft" or "hard"; compatible answers make no conflict
    topic: str
    sides: tuple[Side, ...]
    explanation: str
    notes: tuple[str, ...]

    @property
    def claims(self) -> tuple[str, ...]:
        return tuple(claim for side in self.sides for claim in side.claims)

    @property
    def review(self) -> str:
        """'reviewed'; 'unreviewed' when fewer than two sides have a reviewed claim (the candidates carry it); else 'partly reviewed'."""
        if all(side.reviewed for side in self.sides):
            return "reviewed"
        backed = sum(any(r.reviewed for r in side.refs) for side in self.sides)
        return "unreviewed" if backed < 2 else "partly reviewed"

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({r.source for side in self.sides for r in side.refs}))

    @property
    def speakers(self) -> tuple[str, ...]:
        return tuple(sorted({r.speaker for side in self.sides for r in side.refs if r.speaker}))


def value_record(value: Value) -> dict[str, Any]:
    """A side's value as data: numbers, ISO dates and ids."""
    if isinstance(value, Figure):
        return {"type": "count", "qualifier": value.qualifier, "value": value.value, "low": value.low, "high": value.high, "text": value.text}
    if isinstance(value, Span):
        return {
            "type": "date", "value": value.value, "start": value.start.isoformat() if value.start else None,
            "end": value.end.isoformat() if value.end else None, "precision": value.precision, "date_kind": value.kind,
        }
    if isinstance(value, PlacePoint):
        return {"type": "place", "name": value.name, "id": value.id, "country": value.country, "home": value.home}
    record: dict[str, Any] = {"type": "answer", "answer": value.answer}
    if value.deadline is not None:
        record["deadline"] = value_record(value.deadline)
    return record


def conflict_record(conflict: Conflict) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "event": conflict.event,
        "kind": conflict.kind,
        "severity": conflict.severity,
        "review": conflict.review,
        "topic": conflict.topic,
        "sides": [
            {
                "label": side.label,
                "reviewed": side.reviewed,
                "value": value_record(side.value),
                "claims": [
                    {
                        "claim": r.claim, "source": r.source, "published": r.published, "speaker": r.speaker, "cited": r.cited,
                        "date": {"value": r.date, "start": r.date_start, "end": r.date_end, "precision": r.precision},
                        "reviewed": r.reviewed,
                    }
                    for r in side.refs
                ],
            }
            for side in conflict.sides
        ],
        "claims": list(conflict.claims),
        "sources": list(conflict.sources),
        "speakers": list(conflict.speakers),
        "explanation": conflict.explanation,
        "notes": list(conflict.notes),
    }


def event_record(event: Event, conflicts: list[Conflict], notes: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "id": event.id,
        "actor": event.actor,
        "label": event.label,
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
        "places": list(event.places),
        "claims": [{"claim": m.claim, "how": m.how, "reason": m.reason} for m in event.members],
        "conflicts": [c.id for c in conflicts if c.event == event.id],
        "notes": list(notes),
    }
