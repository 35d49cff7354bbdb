"""`troopclaims timeline` on the bundled data and on a small dataset of our own."""

from __future__ import annotations

import json

from .conftest import VALID, Invoke


def test_bundled_timeline_runs_from_2014_to_november_2020_in_order(run: Invoke) -> None:
    rows = json.loads(run("timeline", "--format", "json").stdout)
    assert rows[0]["date"].startswith("2014") and rows[-1]["date"].startswith("2020-11")
    starts = [row["start"] for row in rows]
    assert starts == sorted(starts)
    assert all({"date", "precision", "claim", "source", "summary"} <= set(row) for row in rows)


def test_bundled_timeline_resolves_relative_expressions(run: Invoke) -> None:
    rows = json.loads(run("timeline", "--format", "json").stdout)
    resolved = [row for row in rows if row["basis"] == "resolved"]
    assert any(row["precision"] == "part_of_day" for row in resolved)  # "last night"
    assert any(row["kind"] == "deadline" for row in resolved)
    assert any(row["kind"] == "open_interval" for row in resolved)


def test_rows_in_conflict_are_marked(run: Invoke) -> None:
    rows = json.loads(run("timeline", "--format", "json").stdout)
    assert any(row["conflicts"] for row in rows) and any(not row["conflicts"] for row in rows)


def test_by_reported_orders_by_publication(run: Invoke) -> None:
    rows = json.loads(run("timeline", "--by", "reported", "--format", "json").stdout)
    assert [r["reported"] for r in rows] == sorted(r["reported"] for r in rows)


def test_small_dataset_relative_dates_against_publication(run: Invoke) -> None:
    rows = {r["claim"]: r for r in json.loads(run("timeline", "--data", str(VALID), "--format", "json").stdout)}
    assert rows["ministry-1"]["date"] == "2024-03-04"  # "on Monday" before Thursday 7 March 2024
    assert rows["ministry-2"]["kind"] == "deadline" and rows["ministry-2"]["date"] == "2024-03-21"
    assert rows["rebuttal-1"]["precision"] == "month"  # "on Thursday" cannot be resolved in a month-precision article


def test_timeline_source_filter_and_markdown(run: Invoke) -> None:
    out = run("timeline", "--data", str(VALID), "--source", "rebuttal", "--format", "markdown").stdout
    assert out.startswith("## Timeline") and "rebuttal" in out and "ministry" not in out
