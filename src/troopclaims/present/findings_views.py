"""Views of the engine's findings: conflicts and events, as tables for readers and as data for machines.

JSON and JSONL carry the engine's records whole. CSV is tidy: one row per side and claim, each part of a
value in its own column, and every cell filled. NA marks a value that does not exist: the columns of
another type of value (a count has no place), an open bound ("more than 700" has no high), a speaker or
cited source the claim does not name, the event of an attribution dispute across events.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .render import Column, View
from .tidy import NA, cell
from .wording import humanize_dates

if TYPE_CHECKING:
    from ..datafile import Dataset
    from ..engine import Conflict, Event, Side
    from ..world import Gazetteer
    from .views import Places

CONFLICT_CSV = (
    "conflict", "event", "kind", "severity", "side", "value_type",
    "claim", "source", "published", "reviewed", "speaker", "cited", "claim_date", "claim_date_start", "claim_date_end", "claim_date_precision",
    "qualifier", "figure", "low", "high",
    "date_value", "date_start", "date_end", "date_precision", "date_kind",
    "place", "place_id", "place_kind", "country",
    "answer", "review",
)
EVENT_CSV = ("event", "actor", "start", "end", "claim", "source", "reviewed", "how")


#: How a claim nobody has reviewed yet is marked where it is listed.
CANDIDATE = "[candidate]"
#: What a conflict's heading adds when candidates carry it, wholly or in part.
REVIEW_MARKS = {"reviewed": "", "partly reviewed": " [partly on candidates]", "unreviewed": " [unreviewed: rests on candidates]"}


def resting_on_candidates(conflicts: list[Conflict]) -> str:
    """The summary's words on how many findings rest on claims nobody has reviewed ('' when none do)."""
    unreviewed = sum(c.review == "unreviewed" for c in conflicts)
    partly = sum(c.review == "partly reviewed" for c in conflicts)
    if not unreviewed and not partly:
        return ""
    return f"; {unreviewed} rest on unreviewed candidates, {partly} partly (--reviewed-only leaves candidates out)"


def place_ids(record: dict[str, Any], gazetteer: Gazetteer | None) -> dict[str, Any]:
    """A side's value with a place named the one way every output names places: the gazetteer's id
    (ISO 3166 code, geonames:N, compass:CC:x), its kind, and its country's code."""
    if record.get("type") != "place" or gazetteer is None:
        return record
    found = gazetteer.lookup(record["name"]) if record.get("id") is not None else None
    described = gazetteer.describe(found) if found is not None else {}
    return {**record, "id": described.get("id"), "kind": described.get("kind"), "country": described.get("country")}


def _value_cells(side: Side, gazetteer: Gazetteer | None) -> dict[str, Any]:
    from ..engine import value_record

    record = place_ids(value_record(side.value), gazetteer)
    cells: dict[str, Any] = {"value_type": record["type"]}
    if record["type"] == "count":
        cells.update(qualifier=record["qualifier"], figure=record["value"], low=record["low"], high=record["high"])
    date = record if record["type"] == "date" else record.get("deadline")
    if date is not None:
        cells.update(date_value=date["value"], date_start=date["start"], date_end=date["end"],
                     date_precision=date["precision"], date_kind=date["date_kind"])
    if record["type"] == "place":
        cells.update(place=record["name"], place_id=record["id"], place_kind=record.get("kind"), country=record["country"])
    if record["type"] == "answer":
        cells.update(answer=record["answer"])
    return cells


def conflict_csv_rows(conflicts: list[Conflict], dataset: Dataset | None = None) -> list[dict[str, str]]:
    gazetteer = dataset.gazetteer() if dataset is not None else None
    reviewed = {claim.id: claim.reviewed for claim in dataset.claims} if dataset is not None else {}
    rows = []
    for conflict in conflicts:
        for index, side in enumerate(conflict.sides, start=1):
            values = _value_cells(side, gazetteer)
            for ref in side.refs:
                row: dict[str, Any] = {
                    "conflict": conflict.id, "event": conflict.event, "kind": conflict.kind, "severity": conflict.severity,
                    "side": index, "claim": ref.claim, "source": ref.source, "published": ref.published, "reviewed": reviewed.get(ref.claim),
                    "speaker": ref.speaker, "cited": ref.cited, "claim_date": ref.date, "claim_date_start": ref.date_start,
                    "claim_date_end": ref.date_end, "claim_date_precision": ref.precision, **values,
                    "review": conflict.review,
                }
                rows.append({column: cell(row.get(column)) for column in CONFLICT_CSV})
    return rows


def conflicts_view(conflicts: list[Conflict], places: Places | None = None, dataset: Dataset | None = None) -> View:
    """places: what claim_places resolved, for JSON: each conflict gets its claims' places; dataset: the claims'
    data file, for place ids and reviewed marks in JSON and CSV."""
    from ..engine import conflict_record

    # The id has a column of its own, the one the timeline and `list` refer to; the question heads its rows.
    # On a terminal too narrow for the id's column, the id leads that heading instead.
    columns = [
        Column("heading", "conflict"),
        Column("id", "id", heading=True),
        Column("kind", "kind", drop=2),
        # Always shown, hard or soft being the first thing a reader weighs: on a narrow terminal it leads the heading.
        Column("severity", "severity", heading=True),
        Column("value", "value"),
        Column("claims", "claims"),
        Column("explanation", "why", wide=True),
    ]
    rows = []
    for conflict in conflicts:
        for index, side in enumerate(conflict.sides):
            first = index == 0
            rows.append(
                {
                    "heading": conflict.topic + REVIEW_MARKS[conflict.review],
                    "id": conflict.id if first else "",
                    "kind": conflict.kind if first else "",
                    "severity": conflict.severity if first else "",
                    "value": humanize_dates(side.label),
                    "claims": ", ".join(r.claim if r.reviewed else f"{r.claim} {CANDIDATE}" for r in side.refs),
                    "explanation": humanize_dates("; ".join((conflict.explanation, *conflict.notes))) if first else "",
                }
            )
    hard = sum(c.severity == "hard" for c in conflicts)
    notes = [f"{len(conflicts)} conflicts: {hard} hard, {len(conflicts) - hard} soft{resting_on_candidates(conflicts)}."]
    records = [conflict_record(c) for c in conflicts]
    gazetteer = dataset.gazetteer() if dataset is not None else None
    reviewed = {claim.id: claim.reviewed for claim in dataset.claims} if dataset is not None else {}
    for record in records:
        for side in record["sides"]:
            side["value"] = place_ids(side["value"], gazetteer)
            for ref in side["claims"]:
                ref["reviewed"] = reviewed.get(ref["claim"])
    if places is not None:
        for record, conflict in zip(records, conflicts):
            record["places"] = {claim: places.get(claim, {}) for claim in dict.fromkeys(conflict.claims)}
    return View("Conflicts", columns, rows, records, group_by="heading", notes=notes,
                csv_columns=list(CONFLICT_CSV), csv_rows=conflict_csv_rows(conflicts, dataset))


def place_key_record(key: str, gazetteer: Gazetteer | None) -> dict[str, Any]:
    """An event's place key ("from Syria", "to Iraq") as data: its role and the place, by gazetteer id."""
    role, _, name = key.partition(" ")
    found = gazetteer.lookup(name) if gazetteer is not None else None
    described = gazetteer.describe(found) if gazetteer is not None and found is not None else {}
    return {"role": role, "name": name, "id": described.get("id"), "kind": described.get("kind"), "country": described.get("country")}


def events_view(
    events: list[Event], conflicts: list[Conflict], sources: dict[str, str], notes: Mapping[str, tuple[str, ...]] | None = None,
    reviewed: Mapping[str, bool] | None = None, gazetteer: Gazetteer | None = None,
) -> View:
    """sources: claim id -> source id; notes: event id -> the notes no conflict carries; reviewed: claim id -> mark;
    gazetteer: to give the places that tie each event together by id, as every output names places."""
    reviewed = reviewed or {}
    notes = notes or {}
    from ..engine import event_record

    columns = [
        Column("id", "event"),
        Column("label", "what"),
        Column("claims", "claims"),
        Column("conflicts", "conflicts", wide=True),
        Column("why", "how its claims were joined", wide=True),
    ]
    rows = []
    csv_rows = []
    for event in events:
        ids = [c.id for c in conflicts if c.event == event.id]
        hows: dict[str, int] = {}
        for member in event.members:
            hows[member.how] = hows.get(member.how, 0) + 1
            csv_rows.append({"event": event.id, "actor": event.actor, "start": event.start.isoformat(), "end": event.end.isoformat(),
                             "claim": member.claim, "how": member.how})
        rows.append(
            {
                "id": event.id,
                "label": event.label,
                "claims": str(len(event.members)),
                "conflicts": ", ".join(ids) or "none",
                "why": f"tied by {', '.join(event.places) or 'time alone'}; "
                + ", ".join(f"{n} {how}" for how, n in sorted(hows.items()))
                + "".join(f"; {note}" for note in notes.get(event.id, ())),
            }
        )
    for row in csv_rows:
        row["source"] = sources.get(row["claim"], NA)
        row["reviewed"] = cell(reviewed.get(row["claim"]))
    records = [event_record(e, conflicts, notes.get(e.id, ())) for e in events]
    for record in records:
        record["place_refs"] = [place_key_record(key, gazetteer) for key in record["places"]]
        for member in record["claims"]:
            member["reviewed"] = reviewed.get(member["claim"])
    legend = [f"{len(events)} events; a claim's 'how': first, place (linked through a place it names), no place, vague date, alone."]
    return View("Events", columns, rows, records, notes=legend, csv_columns=list(EVENT_CSV), csv_rows=csv_rows)
