"""Reviewed or candidate, in every output: which findings rest on claims nobody has reviewed.

The story: two events, each a numeric dispute. In Mali both sides are reviewed; in Jordan one side is a
candidate the extractor found and nobody has read, so that conflict rests on it.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from troopclaims.datafile import ReviewFile

from .conftest import Invoke

ARTICLES = {
    "airlift.txt": "Airlift takes German troops out of Jordan\nFeb. 14, 2024 | Reuters\n\n"
    "AMMAN (Reuters) - About 400 German soldiers left Jordan for Cyprus on Tuesday, the German defence ministry said.\n",
    "base.txt": "Base empties as soldiers fly out\nBy Omar Haddad | AFP\n15 February 2024\n\n"
    "More than 2,000 German soldiers left Jordan for Cyprus on Tuesday, a Jordanian official said.\n",
    "mali1.txt": "French troops leave Mali\nMarch 4, 2024 | Reuters\n\n"
    "BAMAKO (Reuters) - About 300 French soldiers left Mali for Niger on Monday, the French army said.\n",
    "mali2.txt": "Convoy crosses into Niger\nBy Awa Diallo | AFP\n5 March 2024\n\n"
    "More than 1,500 French soldiers left Mali for Niger on Monday, a Malian official said.\n",
}
AIRLIFT, BASE = "reuters-airlift-takes-german-troops-out-of-x001", "afp-base-empties-as-soldiers-fly-out-x001"
MALI = ("reuters-french-troops-leave-mali-x001", "afp-convoy-crosses-into-niger-x001")
JORDAN_CONFLICT, MALI_CONFLICT = "germany-jordan-2024-02.numeric.jordan", "france-mali-2024-03.numeric.mali"


@pytest.fixture
def data(run: Invoke, tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    assert run("init", str(folder), "-q").exit_code == 0
    for name, text in ARTICLES.items():
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    path = folder / "claims.yaml"
    assert run("add", str(folder / "articles"), "--data", str(path), "-q").exit_code == 0
    review = ReviewFile(path)
    accepted = [review.claim(claim_id) for claim_id in (AIRLIFT, *MALI)]
    review.write([(c, c.model_copy(update={"reviewed": True})) for c in accepted if c is not None])
    return path


def candidates(data: Path) -> set[str]:
    return {c.id for c in ReviewFile(data).claims() if not c.reviewed}


def test_conflicts_mark_what_rests_on_candidates_in_every_format(run: Invoke, data: Path) -> None:
    records = {r["id"]: r for r in json.loads(run("conflicts", "--data", str(data), "--format", "json").stdout)}
    assert records[JORDAN_CONFLICT]["review"] == "unreviewed" and records[MALI_CONFLICT]["review"] == "reviewed"
    sides = {ref["claim"]: (side["reviewed"], ref["reviewed"]) for side in records[JORDAN_CONFLICT]["sides"] for ref in side["claims"]}
    assert sides == {AIRLIFT: (True, True), BASE: (False, False)}
    lines = [json.loads(line) for line in run("conflicts", "--data", str(data), "--format", "jsonl").stdout.splitlines()]
    assert {r["id"]: r["review"] for r in lines} == {i: r["review"] for i, r in records.items()}
    rows = list(csv.DictReader(io.StringIO(run("conflicts", "--data", str(data), "--format", "csv").stdout)))
    assert {(r["conflict"], r["claim"], r["review"], r["reviewed"]) for r in rows if r["conflict"] == JORDAN_CONFLICT} == {
        (JORDAN_CONFLICT, AIRLIFT, "unreviewed", "true"), (JORDAN_CONFLICT, BASE, "unreviewed", "false")}
    for output_format in ("table", "markdown"):
        out = " ".join(run("conflicts", "--data", str(data), "--format", output_format).stdout.split())
        assert "[unreviewed: rests on candidates]" in out and f"{BASE} [candidate]" in out, output_format
        assert f"{AIRLIFT} [candidate]" not in out
    summary = run("conflicts", "--data", str(data)).stdout
    assert "2 conflicts: 2 hard, 0 soft; 1 rest on unreviewed candidates, 0 partly" in " ".join(summary.split())


def test_reviewed_only_removes_candidates_from_every_reading_command(run: Invoke, data: Path) -> None:
    hidden = candidates(data)
    assert BASE in hidden
    records = json.loads(run("conflicts", "--data", str(data), "--format", "json", "--reviewed-only").stdout)
    assert [r["id"] for r in records] == [MALI_CONFLICT]
    for command in (["list"], ["timeline"], ["events"], ["conflicts"], ["export", "--to", "annotations"]):
        args = [*command, "--data", str(data), "--reviewed-only"] + (["--format", "json"] if command[0] != "export" else [])
        result = run(*args)
        assert result.exit_code == 0, (command, result.stderr)
        assert not any(claim in result.stdout for claim in hidden), command
        everything = run(*[a for a in args if a != "--reviewed-only"])
        assert any(claim in everything.stdout for claim in hidden), command


def test_list_and_timeline_rows_say_which_claims_are_candidates(run: Invoke, data: Path) -> None:
    listed = {c["id"]: c["reviewed"] for c in json.loads(run("list", "--data", str(data), "--format", "json").stdout)}
    assert listed[BASE] is False and listed[AIRLIFT] is True
    rows = {r["claim"]: r["reviewed"] for r in json.loads(run("timeline", "--data", str(data), "--format", "json").stdout)}
    assert rows[BASE] is False and rows[MALI[0]] is True
    for command in ("list", "timeline"):
        for output_format in ("table", "markdown"):
            out = run(command, "--data", str(data), "--format", output_format).stdout
            assert out.count("[candidate]") >= len(candidates(data)), (command, output_format)  # and a note counting them
        rows = list(csv.DictReader(io.StringIO(run(command, "--data", str(data), "--format", "csv").stdout)))
        assert {r["claim"] for r in rows if r["reviewed"] == "false"} == candidates(data), command


def test_the_report_shows_reviewed_claims_and_counts_what_it_leaves_out(run: Invoke, data: Path) -> None:
    hidden = candidates(data)
    page = run("report", "--data", str(data), "-o", "-").stdout
    head = page.split("</header>", 1)[0]
    assert f"{len(hidden)} candidate claim{'s' if len(hidden) != 1 else ''} nobody has reviewed left out" in head
    assert not any(f'data-claim="{claim}"' in page for claim in hidden)
    full = run("report", "--data", str(data), "-o", "-", "--include-candidates").stdout
    head = full.split("</header>", 1)[0]
    assert f"{len(hidden)} of 4 claims are candidates nobody has reviewed, marked as such; 1 conflicts rest on them, 0 partly." in head
    assert "unreviewed: rests on candidates" in full and "candidate, not reviewed" in full
    markdown = run("report", "--data", str(data), "--format", "markdown", "-o", "-", "--include-candidates").stdout
    assert "1 conflicts rest on them" in markdown and f"{BASE} [candidate]" in markdown


def test_exports_say_reviewed_or_candidate_and_claimreview_defaults_to_reviewed(run: Invoke, data: Path, tmp_path: Path) -> None:
    hidden = candidates(data)
    reviewed = json.loads(run("export", "--to", "claimreview", "--data", str(data)).stdout)
    assert {c["identifier"] for c in reviewed}.isdisjoint(hidden)
    assert {c["creativeWorkStatus"] for c in reviewed} == {"reviewed"}
    every = json.loads(run("export", "--to", "claimreview", "--data", str(data), "--include-candidates").stdout)
    assert {c["identifier"]: c["creativeWorkStatus"] for c in every}[BASE] == "candidate (not reviewed)"
    annotations = run("export", "--to", "annotations", "--data", str(data)).stdout
    assert '"reviewed": false' in annotations
    database = tmp_path / "story.sqlite"
    assert run("export", "--to", "sqlite", str(database), "--data", str(data), "-q").exit_code == 0
    with sqlite3.connect(database) as connection:
        got = dict(connection.execute("SELECT id, review FROM conflicts").fetchall())
    connection.close()
    assert got == {JORDAN_CONFLICT: "unreviewed", MALI_CONFLICT: "reviewed"}
