"""Every machine output validates against its JSON Schema in docs/schemas/, and holds data, not display text."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from .conftest import BUNDLED, REPO, VALID, Invoke

SCHEMAS = REPO / "docs" / "schemas"
COMMANDS = {
    "list": ("list",),
    "timeline": ("timeline",),
    "timeline-reported": ("timeline", "--by", "reported"),
    "conflicts": ("conflicts",),
    "events": ("events",),
}


def _data_files() -> list[Path]:
    # The bundled data, the small test story, and the engine's test stories: every kind of value and conflict.
    return [BUNDLED, VALID, *sorted((REPO / "tests" / "data" / "engine").glob("*/claims.yaml"))]


def _validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _errors(validator: Draft202012Validator, instance: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)][:5]


def _out(run: Invoke, *args: str) -> str:
    result = run(*args, "-q")
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("data", _data_files(), ids=lambda p: p.parent.name)
@pytest.mark.parametrize("output", sorted(COMMANDS))
def test_json_jsonl_and_csv_validate(run: Invoke, output: str, data: Path) -> None:
    args = (*COMMANDS[output], "--data", str(data))
    name = COMMANDS[output][0]
    records = json.loads(_out(run, *args, "--format", "json"))
    assert not _errors(_validator(f"{name}.schema.json"), records)
    # JSONL is the same records, one a line: each is an item of the array just validated.
    assert [json.loads(line) for line in _out(run, *args, "--format", "jsonl").splitlines()] == records
    rows = list(csv.DictReader(io.StringIO(_out(run, *args, "--format", "csv"))))
    assert len(rows) >= (len(records) if name != "conflicts" else 0)
    row_validator = _validator(f"{name}.csv.schema.json")
    for row in rows:
        assert not _errors(row_validator, row), row


@pytest.mark.parametrize("data", [BUNDLED, VALID, REPO / "tests" / "data" / "invalid" / "quote-not-found.yaml"])
def test_check_json_validates(run: Invoke, data: Path) -> None:
    result = run("check", str(data), "--format", "json")
    assert result.exit_code in (0, 1)
    assert not _errors(_validator("check.schema.json"), json.loads(result.stdout))


# Display text the tidy outputs must not hold in a value's cell: arrows, "(narration)", a figure with its unit.
DISPLAY = re.compile(r"→|\(narration\)|^\d[\d,]* [a-z]+$|^(about|more than|at least) \d")
VALUE_COLUMNS = re.compile(r"^(count_|origin|destination|location|date_|published|figure|low|high|place|country|qualifier|reviewed)")


@pytest.mark.parametrize("output", sorted(COMMANDS))
def test_no_display_strings_in_value_cells(run: Invoke, output: str) -> None:
    rows = list(csv.DictReader(io.StringIO(_out(run, *COMMANDS[output], "--format", "csv"))))
    assert rows
    for row in rows:
        for column, value in row.items():
            if VALUE_COLUMNS.match(column) and not column.endswith("_written"):
                assert not DISPLAY.search(value), (column, value)
                assert "," not in value or column in ("place", "origin", "destination", "location"), (column, value)


def test_place_ids_take_one_form_in_every_output(run: Invoke) -> None:
    listed = {p["name"]: p["id"] for c in json.loads(_out(run, "list", "--format", "json")) for p in c["places"].values()}
    for conflict in json.loads(_out(run, "conflicts", "--format", "json")):
        for side in conflict["sides"]:
            value = side["value"]
            if value["type"] == "place" and value["id"] is not None:
                assert value["id"] == listed.get(value["name"], value["id"])
                assert re.fullmatch(r"[A-Z]{2}(-[A-Z0-9]{1,3})?|geonames:\d+|compass:[A-Z]{2}:[a-z]{1,2}", value["id"])
                assert value["country"] is None or re.fullmatch(r"[A-Z]{2}", value["country"])


def test_every_claim_row_carries_typed_count_place_and_date(run: Invoke) -> None:
    rows = {row["claim"]: row for row in csv.DictReader(io.StringIO(_out(run, "list", "--data", str(VALID), "--format", "csv")))}
    about = rows["ministry-1"]
    assert (about["count_qualifier"], about["count_value"], about["count_low"], about["count_high"]) == ("about", "400", "340", "460")
    assert about["date_precision"] == "day" and about["date_start"] == about["date_end"] and about["reviewed"] == "true"
    more = rows["ministry-3"]
    assert (more["count_qualifier"], more["count_value"], more["count_high"]) == ("more_than", "250", "NA")
    assert more["destination"] == "Riga" and more["destination_id"].startswith("geonames:") and more["destination_country"] == "LV"


def test_the_schemas_are_generated_and_current() -> None:
    done = subprocess.run([sys.executable, str(SCHEMAS / "make_schemas.py"), "--check"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
