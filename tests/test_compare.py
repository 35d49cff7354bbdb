"""The comparison engine's rules, tested on small claim sets built in code, without the CLI.

The data-file tests of every kind, severity and event rule are in test_engine_data.py.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from troopclaims.datafile import Claim, Source
from troopclaims.engine import Conflict, conflicts_among
from troopclaims.engine.facets import build_facets
from troopclaims.world import load_gazetteer

from .conftest import Invoke

GAZETTEER = load_gazetteer()


def source(sid: str, date: str = "2023-05-10") -> Source:
    return Source.model_validate(
        {"id": sid, "file": f"{sid}.txt", "outlet": sid.title(), "title": "t", "published": {"date": date, "basis": "stated"}}
    )


def conflicts(*claims: dict[str, Any], dates: dict[str, str] | None = None) -> list[Conflict]:
    built = [Claim.model_validate({"actor": "US", "quote": "q", **c}) for c in claims]
    sources = {c.source: source(c.source, (dates or {}).get(c.source, "2023-05-10")) for c in built}
    return conflicts_among(build_facets(built, sources, GAZETTEER), GAZETTEER)


def move(cid: str, src: str, count: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    base = {"id": cid, "source": src, "movement": "move", "origin": "Syria", "destination": "Iraq", "unit": "troops"}
    return {**base, **({"count": count} if count else {}), **extra}


def labels(conflict: Conflict) -> set[str]:
    return {side.label for side in conflict.sides}


def test_numeric_hard_when_bounds_do_not_overlap() -> None:
    [c] = conflicts(move("a", "one", {"value": 1000}), move("b", "two", {"qualifier": "about", "value": 50}))
    assert (c.kind, c.severity) == ("numeric", "hard")
    assert labels(c) == {"1,000 moving", "about 50 moving"}
    assert "about 50 (42–58) and 1,000" in c.explanation and "17.24×" in c.explanation


def test_numeric_hedged_bounds_that_overlap_agree() -> None:
    found = conflicts(move("a", "one", {"qualifier": "about", "value": 1000}), move("b", "two", {"qualifier": "more_than", "value": 700}))
    assert found == []


def test_numeric_soft_for_a_rounding_difference() -> None:
    [c] = conflicts(move("a", "one", {"value": 5000}), move("b", "two", {"value": 5200}))
    assert c.severity == "soft" and "4.0% above 5,000" in c.explanation and "rounding" in c.explanation


def test_the_same_figure_hedged_differently_is_no_conflict() -> None:
    assert conflicts(move("a", "one", {"value": 400}), move("b", "two", {"qualifier": "about", "value": 400})) == []


@pytest.mark.parametrize(
    "other",
    [
        {"kind": "casualties", "unit": "civilians"},
        {"kind": "displaced", "unit": "people"},
        {"kind": "trained", "unit": "members"},
        {"kind": "statement", "unit": "dollars"},
        {"unit": "armoured vehicles"},
        {"actor": "Turkey"},
        {"origin": "Iraq", "destination": "Syria"},  # the opposite direction
        {"movement": "hold", "location": "Iraq", "origin": None, "destination": None},
    ],
    ids=["casualties", "displaced", "trained", "money", "vehicles", "other-actor", "return-leg", "garrison"],
)
def test_numbers_that_are_not_counts_of_the_same_force_are_never_set_against_each_other(other: dict[str, Any]) -> None:
    found = conflicts(move("a", "one", {"value": 1000}), {**move("b", "two", {"value": 30}), **other})
    assert [c for c in found if c.kind == "numeric"] == []


def test_vehicle_counts_of_different_convoys_are_not_compared() -> None:
    found = conflicts(move("a", "one", {"value": 85}, unit="vehicles"), move("b", "two", {"value": 35}, unit="armored vehicles"))
    assert found == []


def test_destination_home_against_another_country_is_hard() -> None:
    [c] = conflicts(move("a", "one"), move("b", "two", destination="home", movement="return", modality="plan"))
    assert (c.kind, c.severity) == ("destination", "hard")
    assert labels(c) == {"Iraq", "home (United States)"}
    assert any("only plans or promises say home (United States)" in n for n in c.notes)


def test_destination_soft_when_one_side_only_passes_through() -> None:
    [c] = conflicts(move("a", "one", destination="Jordan"), move("b", "two", movement="transit"))
    assert (c.kind, c.severity) == ("destination", "soft")


def test_location_two_regions_of_one_country() -> None:
    [c] = conflicts(move("a", "one", destination="western Iraq"), move("b", "two", destination="Nineveh"))
    assert (c.kind, c.severity) == ("location", "hard")
    assert "different parts of Iraq" in c.explanation


def test_a_region_and_a_place_inside_it_agree() -> None:
    assert conflicts(move("a", "one", destination="Iraq"), move("b", "two", destination="western Iraq")) == []


def test_status_asserted_against_denied() -> None:
    withdrew = {"id": "a", "source": "one", "movement": "withdraw", "origin": "Syria"}
    [c] = conflicts(withdrew, {**withdrew, "id": "b", "source": "two", "polarity": "denied"})
    assert (c.kind, c.severity) == ("status", "hard")
    assert labels(c) == {"yes", "no"}


def test_status_soft_when_a_plan_meets_a_fact() -> None:
    withdrew = {"id": "a", "source": "one", "movement": "withdraw", "origin": "Syria"}
    [c] = conflicts(withdrew, {**withdrew, "id": "b", "source": "two", "polarity": "denied", "modality": "plan"})
    assert c.severity == "soft"


def stay(cid: str, src: str, **extra: Any) -> dict[str, Any]:
    return {"id": cid, "source": src, "movement": "stay", "location": "Iraq", "modality": "plan", **extra}


def test_permission_stay_against_no_permission_is_hard() -> None:
    [c] = conflicts(stay("a", "one"), stay("b", "two", polarity="denied", modality="permission"))
    assert (c.kind, c.severity) == ("permission", "hard")


def test_permission_temporary_stay_against_a_deadline_is_soft() -> None:
    leave = {"id": "b", "source": "two", "movement": "leave", "origin": "Iraq", "modality": "demand",
             "when": {"text": "within three weeks", "kind": "deadline"}}
    [c] = conflicts(stay("a", "one", duration="temporary"), leave)
    assert (c.kind, c.severity) == ("permission", "soft")
    assert "must leave (within three weeks)" in labels(c)


def test_no_plan_to_stay_forever_agrees_with_a_temporary_stay() -> None:
    assert conflicts(stay("a", "one", duration="temporary"), stay("b", "two", polarity="denied", duration="indefinite")) == []


def test_attribution_same_words_different_people() -> None:
    words = '"We are not leaving the region any time soon," '
    [c] = conflicts(
        {"id": "a", "source": "one", "kind": "statement", "quote": words + "the minister said", "speaker": "Ana Ruiz"},
        {"id": "b", "source": "two", "kind": "statement", "quote": words + "a spokesman said", "speaker": "Piotr Nowak"},
    )
    assert (c.kind, c.severity) == ("attribution", "hard")
    assert set(c.speakers) == {"Ana Ruiz", "Piotr Nowak"}


def test_attribution_same_person_named_two_ways_is_no_conflict() -> None:
    words = '"We are not leaving the region any time soon," '
    assert conflicts(
        {"id": "a", "source": "one", "kind": "statement", "quote": words, "speaker": "Ana Ruiz"},
        {"id": "b", "source": "two", "kind": "statement", "quote": words + "she said", "speaker": "Ruiz"},
    ) == []


def test_attribution_one_army_named_two_ways_is_no_conflict() -> None:
    """'The army said' and 'the IDF said' of the same words: one body of the same side, named two ways."""
    words = '"The brigade has left the city to rest and prepare for what comes next," '
    assert conflicts(
        {"id": "a", "source": "one", "kind": "statement", "actor": "Israel", "quote": words + "the army said", "speaker": "army"},
        {"id": "b", "source": "two", "kind": "statement", "actor": "Israel", "quote": words + "the IDF said", "speaker": "IDF"},
        {"id": "c", "source": "three", "kind": "statement", "actor": "Israel", "quote": words + "it said", "speaker": "Israeli military"},
    ) == []


def test_attribution_bodies_of_two_sides_still_conflict() -> None:
    words = '"The exercises will end on schedule and the troops will go home," '
    [c] = conflicts(
        {"id": "a", "source": "one", "kind": "statement", "actor": "Russia", "quote": words + "the Kremlin said", "speaker": "Kremlin"},
        {"id": "b", "source": "two", "kind": "statement", "actor": "Russia", "quote": words + "Kyiv said", "speaker": "Ukraine"},
    )
    assert (c.kind, c.severity) == ("attribution", "hard")


def test_claims_months_apart_are_different_events() -> None:
    assert conflicts(move("a", "one", {"value": 1000}), move("b", "two", {"value": 40}), dates={"two": "2023-09-02"}) == []


def test_scope_note_source_contradicts_itself() -> None:
    [c] = conflicts(move("a", "one", {"value": 1000}), move("b", "one", {"value": 40}))
    assert "one contradicts itself" in c.notes


def test_scope_note_one_monitor_repeated_is_not_two_confirmations() -> None:
    monitor = "a monitoring group"
    [c] = conflicts(
        move("a", "one", {"value": 1000}, cited=monitor),
        move("b", "two", {"value": 1000}, cited=monitor),
        move("c", "three", {"value": 60}),
    )
    assert any("not independent: one, two all rely on a monitoring group" in n for n in c.notes)


def test_conflicts_cli_json_and_fail_on_conflict(run: Invoke) -> None:
    result = run("conflicts", "--format", "json")
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    assert found and all({"id", "event", "kind", "severity", "sides", "explanation", "notes"} <= set(c) for c in found)
    assert found[0]["severity"] == "hard"
    assert run("conflicts", "--fail-on-conflict").exit_code == 3  # conflicts found: a code apart from bad data (1)


def test_bundled_data_going_home_against_moving_to_iraq(run: Invoke) -> None:
    found = json.loads(run("conflicts", "--kind", "destination", "--format", "json").stdout)
    assert any({"Iraq", "home (United States)"} <= {side["label"] for side in c["sides"]} for c in found)


def test_bundled_data_1000_against_700_and_the_50_in_an_event_of_its_own(run: Invoke) -> None:
    found = json.loads(run("conflicts", "--kind", "numeric", "--format", "json").stdout)
    figures = [{(s["value"]["qualifier"], s["value"]["value"]) for s in c["sides"]} for c in found]
    [dispute] = [c for c, values in zip(found, figures) if {("exact", 1000), ("more_than", 700)} <= values]
    assert ("about", 50) not in figures[found.index(dispute)]
    events = {e["id"]: e for e in json.loads(run("events", "--format", "json").stdout)}
    [fifty] = [e for e in events.values() if "shafaq-routine-move-03" in {m["claim"] for m in e["claims"]}]
    assert fifty["id"] != dispute["event"] and fifty["start"].startswith("2020-11")
    claims = {c["id"]: c for c in json.loads(run("list", "--format", "json").stdout)}
    for conflict in found:
        for claim_id in conflict["claims"]:
            assert claims[claim_id]["kind"] == "force"
            assert claims[claim_id]["unit"] in ("troops", "soldiers", "forces", "force")


def test_explain_unknown_claim_is_a_usage_error(run: Invoke) -> None:
    result = run("conflicts", "--explain", "nope", "nada")
    assert result.exit_code == 2 and "no claim with id 'nope'" in result.stderr


def test_the_cli_offers_every_kind_the_engine_finds() -> None:
    from troopclaims.cli.conflicts import KINDS as OFFERED
    from troopclaims.engine import KINDS

    assert OFFERED == KINDS


def test_conflict_ids_cut_alike_are_told_apart() -> None:
    from dataclasses import replace

    from troopclaims.engine.compare import _unique_ids

    [c] = conflicts(move("a", "one", {"value": 1000}), move("b", "two", {"qualifier": "about", "value": 50}))
    assert [x.id for x in _unique_ids([c, replace(c), replace(c)])] == [c.id, f"{c.id}-2", f"{c.id}-3"]
