"""Machine formats of the findings: JSON and JSONL carry every part of a conflict as data; the CSV is tidy and full.
Conflicts are referred to by one id in `conflicts`, `events`, `timeline` and `list`."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

import pytest

from troopclaims.present.findings_views import CONFLICT_CSV, NA

from .conftest import BUNDLED, TESTDATA, Invoke

DATA = [str(BUNDLED), *(str(TESTDATA / "engine" / name / "claims.yaml") for name in ("counts", "places", "timing", "wire"))]
KINDS = {"numeric", "destination", "location", "origin", "status", "permission", "timing", "attribution"}


def iso(text: str) -> bool:
    date.fromisoformat(text)
    return True


def check_value(value: dict[str, Any]) -> None:
    kind = value["type"]
    if kind == "count":
        assert value["qualifier"] in ("exact", "about", "more_than", "at_least", "up_to", "fewer_than", "range", "vague")
        assert isinstance(value["low"], int) and (value["high"] is None or isinstance(value["high"], int))
        assert value["value"] is None or isinstance(value["value"], int)
        assert value["high"] is None or value["low"] <= value["high"]
    elif kind == "date":
        assert value["start"] is None or iso(value["start"])
        assert value["end"] is None or iso(value["end"])
        assert value["precision"] in ("year", "month", "week", "day", "part_of_day")
        assert value["date_kind"] in ("point", "open_interval", "deadline")
    elif kind == "place":
        assert isinstance(value["name"], str) and isinstance(value["home"], bool)
        assert value["id"] is None or isinstance(value["id"], str)
        assert value["country"] is None or isinstance(value["country"], str)
    else:
        assert kind == "answer" and isinstance(value["answer"], str)
        if "deadline" in value:
            check_value(value["deadline"])


def check_conflict(record: dict[str, Any]) -> None:
    assert set(record) == {"id", "event", "kind", "severity", "review", "topic", "sides", "claims", "sources", "speakers", "explanation",
                           "notes", "places"}
    assert record["review"] in ("reviewed", "partly reviewed", "unreviewed")
    # Each claim's resolved places (world/): {"destination": {"name", "id", "kind", "country"}}.
    assert set(record["places"]) == set(record["claims"])
    for fields in record["places"].values():
        assert set(fields) <= {"origin", "destination", "location"}
        assert all(set(place) == {"name", "id", "kind", "country"} for place in fields.values())
    assert record["kind"] in KINDS and record["severity"] in ("soft", "hard")
    assert record["id"].startswith(f"{record['event']}.{record['kind']}.") or record["kind"] == "attribution"
    assert len(record["sides"]) >= 2
    for side in record["sides"]:
        assert set(side) == {"label", "reviewed", "value", "claims"}
        assert side["reviewed"] == all(ref["reviewed"] for ref in side["claims"])
        check_value(side["value"])
        for ref in side["claims"]:
            assert set(ref) == {"claim", "source", "published", "reviewed", "speaker", "cited", "date"}
            assert iso(ref["date"]["start"]) and iso(ref["date"]["end"]) and ref["date"]["precision"]
    assert record["claims"] == [ref["claim"] for side in record["sides"] for ref in side["claims"]]
    assert isinstance(record["explanation"], str) and all(isinstance(n, str) for n in record["notes"])


@pytest.mark.parametrize("data", DATA)
def test_json_and_jsonl_carry_the_same_full_records(run: Invoke, data: str) -> None:
    records = json.loads(run("conflicts", "--data", data, "--format", "json").stdout)
    lines = [json.loads(line) for line in run("conflicts", "--data", data, "--format", "jsonl").stdout.splitlines()]
    assert records and records == lines
    for record in records:
        check_conflict(record)
    assert len({r["id"] for r in records}) == len(records)


@pytest.mark.parametrize("data", DATA)
def test_csv_is_tidy_and_every_column_is_filled(run: Invoke, data: str) -> None:
    text = run("conflicts", "--data", data, "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and list(rows[0]) == list(CONFLICT_CSV)
    records = {r["id"]: r for r in json.loads(run("conflicts", "--data", data, "--format", "json").stdout)}
    assert len(rows) == sum(len(side["claims"]) for r in records.values() for side in r["sides"])
    typed = {
        "count": {"qualifier", "figure", "low", "high"},
        "date": {"date_value", "date_start", "date_end", "date_precision", "date_kind"},
        "place": {"place", "place_id", "country"},
        "answer": {"answer"},
    }
    for row in rows:
        assert all(cell != "" for cell in row.values()), row
        record = records[row["conflict"]]
        assert (row["kind"], row["severity"]) == (record["kind"], record["severity"])
        assert iso(row["published"][:4] + "-01-01") and iso(row["claim_date_start"])
        # NA only where a value does not exist: another type's columns, an open bound, a name not given
        for column in typed[row["value_type"]]:
            if column not in ("high", "figure", "place_id", "country", "date_start", "date_end"):
                assert row[column] != NA, (column, row)
        for other, columns in typed.items():
            if other != row["value_type"] and not (row["value_type"] == "answer" and other == "date"):
                assert all(row[c] == NA for c in columns), (other, row)
        if row["value_type"] == "count":
            assert int(row["low"]) >= 0 and (row["high"] == NA or int(row["high"]) >= int(row["low"]))


def test_csv_holds_no_display_text(run: Invoke) -> None:
    text = run("conflicts", "--format", "csv").stdout
    assert "→" not in text and "(narration)" not in text and "about 1,000" not in text


def test_one_id_in_conflicts_events_timeline_and_list(run: Invoke) -> None:
    ids = {r["id"] for r in json.loads(run("conflicts", "--format", "json").stdout)}
    in_events = {c for e in json.loads(run("events", "--format", "json").stdout) for c in e["conflicts"]}
    in_timeline = {c for row in json.loads(run("timeline", "--format", "json").stdout) for c in row["conflicts"]}
    in_list = {c for claim in json.loads(run("list", "--format", "json").stdout) for c in claim["conflicts"]}
    assert ids - {i for i in ids if i.startswith("attribution.")} == in_events
    assert ids == in_timeline == in_list
    shown = run("timeline", "--format", "markdown").stdout + run("list", "--format", "markdown").stdout
    assert all(i in shown for i in ids)


def test_events_csv_one_row_per_event_and_claim(run: Invoke) -> None:
    rows = list(csv.DictReader(io.StringIO(run("events", "--format", "csv").stdout)))
    events = json.loads(run("events", "--format", "json").stdout)
    assert len(rows) == sum(len(e["claims"]) for e in events)
    assert all(cell != "" for row in rows for cell in row.values())
    assert {row["how"] for row in rows} <= {"first", "place", "no place", "vague date", "alone"}
