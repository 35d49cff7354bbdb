"""The data file and the engine's findings as one SQLite database, for Datasette, sqlite-utils or SQL.

Tables: sources, claims (each with its event), events, conflicts, and sides, one row per claim on a
side of a conflict, which links conflicts to claims. Keys are declared (primary and foreign), counts
keep their qualifier and bounds as numbers, dates their ISO start and end, places their names and, where
the engine resolved them, gazetteer ids and countries. The view conflict_quotes joins them for reading.

The database is built in a temporary folder and returned as bytes, so the command can write it through
the same atomic write as every other file.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..datafile import Claim, Dataset, Source
from ..errors import TroopclaimsError
from ..time import event_date
from ..world import Gazetteer

SCHEMA = """
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    outlet TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT,
    published TEXT NOT NULL,              -- YYYY, YYYY-MM or YYYY-MM-DD as the data file gives it
    published_precision TEXT NOT NULL,
    published_basis TEXT NOT NULL,        -- stated or inferred
    published_reason TEXT,
    language TEXT NOT NULL,
    translated INTEGER NOT NULL,
    original_language TEXT,
    file TEXT NOT NULL
);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    actor TEXT,
    label TEXT NOT NULL,
    date_start TEXT,                      -- ISO day of its first claim
    date_end TEXT,                        -- ISO day of its last
    places TEXT                           -- JSON list
);
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    source_id TEXT NOT NULL REFERENCES sources(id),
    event_id TEXT REFERENCES events(id),
    event_how TEXT,
    quote TEXT NOT NULL,                  -- the words as they stand in the article
    quote_start INTEGER NOT NULL,         -- offsets in the article, in code points
    quote_end INTEGER NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_role TEXT,
    cited TEXT,
    actor TEXT,
    count_qualifier TEXT,
    count_value INTEGER,
    count_low INTEGER,                    -- the bounds the count implies (about 1,000: 850..1150)
    count_high INTEGER,                   -- NULL: no upper bound (more than 700)
    count_text TEXT,
    unit TEXT,
    movement TEXT,
    origin TEXT,
    destination TEXT,
    location TEXT,
    polarity TEXT NOT NULL,
    modality TEXT NOT NULL,
    duration TEXT,
    when_text TEXT,
    date_value TEXT NOT NULL,             -- when it happened, in the data file's notation
    date_start TEXT NOT NULL,             -- ISO day
    date_end TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    date_kind TEXT NOT NULL,              -- point, open_interval or deadline
    date_basis TEXT NOT NULL,             -- data file, resolved text, or publication
    reviewed INTEGER NOT NULL,
    note TEXT
);
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    event_id TEXT REFERENCES events(id),
    kind TEXT NOT NULL,
    severity TEXT NOT NULL,
    topic TEXT NOT NULL,
    explanation TEXT NOT NULL,
    notes TEXT NOT NULL,                  -- JSON list
    review TEXT NOT NULL                  -- reviewed, partly reviewed, or unreviewed (resting on candidates)
);
CREATE TABLE sides (
    conflict_id TEXT NOT NULL REFERENCES conflicts(id),
    side INTEGER NOT NULL,                -- 1, 2, ...: the rival answers of the conflict
    claim_id TEXT NOT NULL REFERENCES claims(id),
    label TEXT NOT NULL,
    value_type TEXT,                      -- count, date, place or answer
    count_qualifier TEXT,
    count_value INTEGER,
    count_low INTEGER,
    count_high INTEGER,
    date_start TEXT,
    date_end TEXT,
    date_precision TEXT,
    place_name TEXT,
    place_id TEXT,
    place_country TEXT,
    answer TEXT,
    PRIMARY KEY (conflict_id, side, claim_id)
);
CREATE INDEX claims_source ON claims(source_id);
CREATE INDEX claims_event ON claims(event_id);
CREATE INDEX conflicts_event ON conflicts(event_id);
CREATE INDEX sides_claim ON sides(claim_id);
CREATE VIEW conflict_quotes AS
    SELECT conflicts.id AS conflict_id, conflicts.severity, conflicts.topic, sides.side, sides.label,
           claims.id AS claim_id, sources.outlet, claims.speaker, claims.quote, claims.date_start
    FROM conflicts
    JOIN sides ON sides.conflict_id = conflicts.id
    JOIN claims ON claims.id = sides.claim_id
    JOIN sources ON sources.id = claims.source_id
    ORDER BY conflicts.id, sides.side, claims.date_start;
"""


def _source_row(source: Source) -> tuple[Any, ...]:
    published = source.published
    return (
        source.id, source.outlet, source.title, source.url, published.date, published.precision, published.basis,
        published.reason, source.language, int(source.translated), source.original_language, source.file,
    )  # fmt: skip


def _claim_row(dataset: Dataset, claim: Claim, event: tuple[str | None, str | None]) -> tuple[Any, ...]:
    source = dataset.source_of(claim)
    start, end = dataset.spans[claim.id]
    count = claim.count
    low, high = count.bounds() if count else (None, None)
    when = event_date(claim, source)
    return (
        claim.id, claim.source, event[0], event[1], dataset.texts[claim.source][start:end], start, end, claim.kind,
        claim.speaker, claim.speaker_role, claim.cited, claim.actor,
        count.qualifier if count else None, count.value if count else None, low, high, count.text if count else None,
        claim.unit, claim.movement, claim.origin, claim.destination, claim.location, claim.polarity, claim.modality,
        claim.duration, claim.when.text if claim.when else None,
        when.value, when.start.isoformat(), when.end.isoformat(), when.precision, when.kind, when.basis,
        int(claim.reviewed), claim.note,
    )  # fmt: skip


def _side_rows(conflict: Mapping[str, Any], gazetteer: Gazetteer) -> Iterable[tuple[Any, ...]]:
    from .findings_views import place_ids

    for number, side in enumerate(conflict["sides"], 1):
        # Places by gazetteer id, kind and country code, as every other output names them.
        value: Mapping[str, Any] = place_ids(dict(side.get("value") or {}), gazetteer)
        kind = value.get("type")
        deadline = value.get("deadline") or {}
        dated = value if kind == "date" else deadline
        for ref in side["claims"]:
            yield (
                conflict["id"], number, ref["claim"], side["label"], kind,
                value.get("qualifier") if kind == "count" else None,
                value.get("value") if kind == "count" else None,
                value.get("low") if kind == "count" else None,
                value.get("high") if kind == "count" else None,
                dated.get("start"), dated.get("end"), dated.get("precision"),
                value.get("name") if kind == "place" else None,
                value.get("id") if kind == "place" else None,
                value.get("country") if kind == "place" else None,
                value.get("answer") if kind == "answer" else None,
            )  # fmt: skip


def build_database(
    connection: sqlite3.Connection,
    dataset: Dataset,
    events: Sequence[Mapping[str, Any]],
    conflicts: Sequence[Mapping[str, Any]],
) -> None:
    """Fill an empty database. events and conflicts are the engine's machine records (ids, numbers, ISO dates)."""
    connection.executescript(SCHEMA)
    membership: dict[str, tuple[str | None, str | None]] = {}
    for event in events:
        for member in event.get("claims", ()):
            membership[member["claim"]] = (event["id"], member.get("how"))
    gazetteer = dataset.gazetteer()
    with connection:
        connection.executemany(f"INSERT INTO sources VALUES ({_marks(12)})", [_source_row(s) for s in dataset.sources.values()])
        connection.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)",
            [(e["id"], e.get("actor"), e["label"], e.get("start"), e.get("end"), json.dumps(e.get("places", []))) for e in events],
        )
        connection.executemany(
            f"INSERT INTO claims VALUES ({_marks(34)})",
            [_claim_row(dataset, claim, membership.get(claim.id, (None, None))) for claim in dataset.claims],
        )
        connection.executemany(
            "INSERT INTO conflicts VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (c["id"], c.get("event"), c["kind"], c["severity"], c["topic"], c["explanation"], json.dumps(c.get("notes", [])),
                 c.get("review", "reviewed"))
                for c in conflicts
            ],
        )
        connection.executemany(f"INSERT INTO sides VALUES ({_marks(16)})", [row for c in conflicts for row in _side_rows(c, gazetteer)])


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def database_bytes(dataset: Dataset, events: Sequence[Mapping[str, Any]], conflicts: Sequence[Mapping[str, Any]]) -> bytes:
    """The whole database as the bytes of a .sqlite file."""
    with tempfile.TemporaryDirectory(prefix="troopclaims-") as folder:
        path = Path(folder) / "export.sqlite"
        connection = sqlite3.connect(path)
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            build_database(connection, dataset, events, conflicts)
            problems = connection.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise TroopclaimsError(f"the export would break {len(problems)} foreign keys, first {problems[0]}")
        finally:
            connection.close()
        return path.read_bytes()
