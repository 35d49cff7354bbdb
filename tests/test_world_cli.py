"""One gazetteer everywhere: the data file's `gazetteer:` and --gazetteer reach every command; JSON carries places."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from troopclaims.datafile import check_file

from .conftest import VALID, Invoke

STORY = "Published: 2024-05-02\n\nAbout 300 soldiers moved from Camp Larch to Outpost Fennel on Tuesday, officials said.\n"
PLACES = (
    "places:\n"
    "  - {name: Camp Larch, kind: base, within: northern Kosovo}\n"
    "  - {name: Outpost Fennel, kind: base, within: Kosovo}\n"
)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    (tmp_path / "places.yaml").write_text(PLACES, encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    return tmp_path


def test_extract_knows_the_places_of_gazetteer(run: Invoke, story: Path) -> None:
    # Without the file the names stay as written, unresolved: no place behind them.
    (plain,) = json.loads(run("extract", str(story / "story.txt"), "--format", "json").stdout)
    assert plain["destination"] == "Outpost Fennel" and "destination" not in plain.get("places", {})
    result = run("extract", str(story / "story.txt"), "--format", "json", "--gazetteer", str(story / "places.yaml"))
    (claim,) = json.loads(result.stdout)
    assert (claim["origin"], claim["destination"]) == ("Camp Larch", "Outpost Fennel")
    assert claim["places"]["origin"] == {"name": "Camp Larch", "id": None, "kind": "base", "country": "XK"}


def test_extract_uses_the_gazetteer_of_the_data_file_it_merges_into(run: Invoke, story: Path) -> None:
    data = story / "claims.yaml"
    data.write_text("version: 1\ngazetteer: places.yaml\nsources: []\nclaims: []\n", encoding="utf-8")
    result = run("extract", str(story / "story.txt"), "--merge", str(data))
    assert result.exit_code == 0, result.stderr
    checked = check_file(data)
    assert checked.errors == [] and checked.dataset is not None
    (claim,) = checked.dataset.claims
    assert (claim.origin, claim.destination) == ("Camp Larch", "Outpost Fennel")


def test_json_of_list_conflicts_and_timeline_carries_resolved_places(run: Invoke) -> None:
    claims = json.loads(run("list", "--data", str(VALID), "--format", "json").stdout)
    # Estonia's Tapa is too small for the world layer; India's Tapa is not in a story about Estonia.
    assert next(c for c in claims if c["origin"] == "Tapa")["places"] == {}
    riga = next(c for c in claims if c.get("location") == "Riga" or c.get("destination") == "Riga")
    assert next(iter(riga["places"].values()))["id"] == "geonames:456172"
    latvia = next(c for c in claims if c["destination"] == "Latvia")
    assert latvia["places"]["destination"] == {"name": "Latvia", "id": "LV", "kind": "country", "country": "LV"}
    conflicts = json.loads(run("conflicts", "--data", str(VALID), "--format", "json").stdout)
    assert conflicts and all(set(c["places"]) == set(c["claims"]) for c in conflicts)
    rows = json.loads(run("timeline", "--data", str(VALID), "--format", "json").stdout)
    assert any(row["places"] for row in rows)
    assert "places" not in run("list", "--data", str(VALID), "--format", "csv").stdout


def test_gazetteer_option_on_top_of_the_data_file(run: Invoke, tmp_path: Path) -> None:
    shutil.copytree(VALID.parent, tmp_path / "valid")
    extra = tmp_path / "mine.yaml"
    extra.write_text("places:\n  - {name: Tapa, kind: base, within: Latvia}\n", encoding="utf-8")
    data = str(tmp_path / "valid" / "claims.yaml")
    before = json.loads(run("list", "--data", data, "--format", "json").stdout)
    after = json.loads(run("list", "--data", data, "--format", "json", "--gazetteer", str(extra)).stdout)
    tapa = [next(c for c in claims if c["origin"] == "Tapa")["places"] for claims in (before, after)]
    assert tapa[0] == {} and tapa[1]["origin"] == {"name": "Tapa", "id": None, "kind": "base", "country": "LV"}
    for command in ("conflicts", "timeline", "check"):
        args = (command, "--data", data) if command != "check" else (command, data)
        assert run(*args, "--gazetteer", str(extra)).exit_code == 0, command
    report = run("report", "--data", data, "--gazetteer", str(extra), "--format", "markdown", "-o", "-")
    assert report.exit_code == 0


def test_a_bad_gazetteer_file_is_one_line_and_exit_1(run: Invoke, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("places:\n  - {name: Nowhere Base, kind: base, within: Qwertzistan}\n", encoding="utf-8")
    result = run("check", str(VALID), "--gazetteer", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:2:" in result.stderr and "Qwertzistan" in result.stderr
    listed = run("list", "--data", str(VALID), "--gazetteer", str(bad))
    assert listed.exit_code == 1 and len(listed.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["extract", "check", "conflicts", "timeline", "report", "list"])
def test_every_command_that_reads_places_takes_gazetteer(run: Invoke, command: str) -> None:
    assert "--gazetteer" in run(command, "--help").stdout
