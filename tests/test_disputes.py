"""The engine on the classes of issue 20: what a careful reader flags, and what only looks like a dispute.

Every claim here is built in code from news-style sentences written for these tests; none comes from an article.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from troopclaims.datafile import Claim
from troopclaims.engine import Figure, Findings, findings_among
from troopclaims.engine.facets import build_facets
from troopclaims.engine.values import compare_figures

from .conftest import Invoke
from .test_compare import GAZETTEER, conflicts, move, source


def findings(*claims: dict[str, Any], dates: dict[str, str] | None = None) -> Findings:
    built = [Claim.model_validate({"actor": "US", **c}) for c in claims]
    sources = {c.source: source(c.source, (dates or {}).get(c.source, "2023-05-10")) for c in built}
    return findings_among(build_facets(built, sources, GAZETTEER), GAZETTEER)


# --- class 4: bounds on opposite sides of one figure ----------------------------------------------------------


def test_more_than_against_fewer_than_the_same_figure_is_a_conflict() -> None:
    # "More than 1,000 troops left" / "fewer than 1,000 troops left"
    over, under = Figure("more_than", 1000, 1001, None), Figure("fewer_than", 1000, 0, 999)
    verdict = compare_figures(over, under)
    assert verdict.severity == "hard"
    assert "opposite sides of 1,000" in verdict.reason
    [c] = conflicts(move("a", "one", {"qualifier": "more_than", "value": 1000}), move("b", "two", {"qualifier": "fewer_than", "value": 1000}))
    assert c.kind == "numeric"


def test_bounds_that_meet_at_the_figure_still_agree() -> None:
    # "at least 1,000" and "up to 1,000" both allow exactly 1,000; "more than 1,000" and "1,000" are one round figure
    assert compare_figures(Figure("at_least", 1000, 1000, None), Figure("up_to", 1000, 0, 1000)).severity == "compatible"
    assert compare_figures(Figure("more_than", 1000, 1001, None), Figure("exact", 1000, 1000, 1000)).severity == "compatible"


# --- class 1: the stages of one movement ------------------------------------------------------------------------


def leave(cid: str, src: str, quote: str, day: str | None, **extra: object) -> dict[str, object]:
    when = {"when": {"text": "on that day", "value": day}} if day else {}
    return {"id": cid, "source": src, "quote": quote, "movement": "leave", "origin": "Syria", "unit": "troops", **when, **extra}


def test_began_leaving_against_the_last_left_a_day_later_is_no_conflict() -> None:
    found = conflicts(
        leave("a", "one", "US troops began leaving Syria on Saturday, officials said.", "2023-05-06"),
        leave("b", "two", "The last US troops left Syria on Sunday, the Pentagon said.", "2023-05-07"),
    )
    assert found == []


def test_a_start_after_the_end_is_a_soft_conflict_between_stages() -> None:
    [c] = conflicts(
        leave("a", "one", "US troops began leaving Syria on Friday, officials said.", "2023-05-12"),
        leave("b", "two", "The last US troops left Syria on Sunday, the Pentagon said.", "2023-05-07"),
    )
    assert (c.kind, c.severity) == ("timing", "soft")
    assert "began" in c.explanation and "complete" in c.explanation


def arrive(cid: str, src: str, quote: str, day: str) -> dict[str, object]:
    return {"id": cid, "source": src, "quote": quote, "movement": "arrive", "destination": "Iraq", "unit": "troops",
            "when": {"text": "on that day", "value": day}}


def test_the_first_arrivals_told_a_day_apart_are_a_soft_conflict() -> None:
    # one day in the whole movement is no dispute (midnight, time zones); the day of the first arrivals is one
    # moment, and two outlets a day apart on it disagree, if only softly (an advance party may explain it)
    [c] = conflicts(
        arrive("a", "one", "The first US troops arrived in Iraq on Saturday, the ministry said.", "2023-05-06"),
        arrive("b", "two", "US troops began arriving in Iraq on Sunday, officials said.", "2023-05-07"),
    )
    assert (c.kind, c.severity) == ("timing", "soft")
    assert any("advance party" in note for note in c.notes)


def test_two_outlets_on_when_arrivals_began_a_day_apart_agree() -> None:
    # "began" may be a phase of its own (one town on Monday, the next on Tuesday); only "the first" names the
    # one moment the whole movement started
    assert conflicts(
        arrive("a", "one", "US troops began arriving in Iraq on Saturday, the ministry said.", "2023-05-06"),
        arrive("b", "two", "US troops began arriving in Iraq on Sunday, officials said.", "2023-05-07"),
    ) == []


def test_arrivals_of_the_whole_movement_a_day_apart_still_agree() -> None:
    assert conflicts(
        arrive("a", "one", "US troops arrived in Iraq on Saturday, the ministry said.", "2023-05-06"),
        arrive("b", "two", "US troops arrived in Iraq on Sunday, officials said.", "2023-05-07"),
    ) == []


def test_a_forecast_against_a_fact_is_not_a_hard_timing_conflict() -> None:
    found = conflicts(
        leave("a", "one", "US troops will leave Syria by Friday, officials said.", "2023-05-05", modality="plan"),
        leave("b", "two", "US troops left Syria on Monday, the Pentagon said.", "2023-05-08"),
    )
    assert all(c.severity == "soft" for c in found)


def test_leaving_one_base_is_a_stage_not_a_rival_date() -> None:
    found = conflicts(
        leave("a", "one", "US troops left the Tabqa base on Monday.", "2023-05-01", origin="Tabqa"),
        leave("b", "two", "The last US troops left Syria on Sunday, the Pentagon said.", "2023-05-14"),
    )
    assert found == []


def test_completed_against_still_under_way_later_is_a_completion_dispute() -> None:
    found = conflicts(
        leave("a", "one", "The last US troops left Syria on Friday, the Pentagon said.", "2023-05-12"),
        leave("b", "two", "The US withdrawal from Syria is still under way, a Kurdish official said on Sunday.", "2023-05-14", movement="withdraw"),
        dates={"one": "2023-05-13", "two": "2023-05-14"},
    )
    [c] = [c for c in found if c.kind == "status"]
    assert "complete" in c.topic
    assert {s.label for s in c.sides} == {"complete (2023-05-12)", "still under way (2023-05-14)"}


def test_under_way_before_the_completion_is_no_dispute() -> None:
    found = conflicts(
        leave("a", "one", "The last US troops left Syria on Friday, the Pentagon said.", "2023-05-12"),
        leave("b", "two", "The US withdrawal from Syria is still under way, a Kurdish official said on Tuesday.", "2023-05-09", movement="withdraw"),
    )
    assert [c for c in found if c.kind == "status"] == []


# --- class 2: "remain" during a withdrawal, and a part left behind -----------------------------------------------


def test_troops_that_remain_are_still_there_not_allowed_to_stay() -> None:
    found = conflicts(
        {"id": "a", "source": "one", "quote": "Fewer than 1,000 US troops remain in Syria.", "movement": "stay", "location": "Syria",
         "count": {"qualifier": "fewer_than", "value": 1000}, "unit": "troops"},
        {"id": "b", "source": "two", "quote": "The president ordered all US troops to leave Syria.", "movement": "leave", "origin": "Syria",
         "modality": "demand"},
    )
    assert [c for c in found if c.kind == "permission"] == []


def test_a_team_that_stayed_behind_is_a_part_of_the_whole() -> None:
    found = conflicts(
        {"id": "a", "source": "one", "quote": "A small team of US soldiers stayed behind to guard the embassy in Kabul.",
         "movement": "stay", "location": "Kabul", "count": {"qualifier": "vague", "text": "a small team"}},
        {"id": "b", "source": "two", "quote": "All 2,500 US troops have left Afghanistan, the Pentagon said.", "movement": "leave",
         "origin": "Afghanistan", "count": {"value": 2500}, "unit": "troops"},
        {"id": "c", "source": "three", "quote": "US forces must leave Afghanistan by the end of the month.", "movement": "leave",
         "origin": "Afghanistan", "modality": "demand"},
    )
    assert [c for c in found if c.kind in ("permission", "numeric", "status")] == []


# --- class 8: a denial is the denial of that movement ------------------------------------------------------------


def test_a_denied_movement_is_a_no_not_a_count_or_a_destination() -> None:
    found = conflicts(
        move("a", "one", {"value": 500}, quote="The ministry denied that 500 US troops had moved from Syria to Iraq.", polarity="denied"),
        move("b", "two", {"value": 2000}, quote="Some 2,000 US troops moved from Syria to Jordan, officials said."),
    )
    assert {c.kind for c in found} == {"status"}
    [c] = found
    assert {s.label: s.claims for s in c.sides} == {"yes": ("b",), "no": ("a",)}


# --- class 10: how long a movement takes against when it ended -------------------------------------------------------


def test_a_deadline_passed_before_the_movement_was_complete_is_a_soft_dispute() -> None:
    found = conflicts(
        leave("a", "one", "US troops will leave Syria within three weeks, the Pentagon said.", None, modality="plan",
              when={"text": "within three weeks", "value": "2023-05-31", "kind": "deadline"}),
        leave("b", "two", "The last US troops left Syria on June 8, officials said.", "2023-06-08"),
        dates={"two": "2023-06-09"},
    )
    [c] = [c for c in found if c.kind == "status"]
    assert c.severity == "soft" and "2023-05-31" in c.explanation and "2023-06-08" in c.explanation
    assert "plans slip" in " ".join(c.notes)


def test_a_movement_complete_inside_its_deadline_is_no_dispute() -> None:
    found = conflicts(
        leave("a", "one", "US troops will leave Syria within three weeks, the Pentagon said.", None, modality="plan",
              when={"text": "within three weeks", "value": "2023-05-31", "kind": "deadline"}),
        leave("b", "two", "The last US troops left Syria on May 28, officials said.", "2023-05-28"),
    )
    assert [c for c in found if c.kind == "status"] == []


# --- class 9: a place the gazetteer does not know ---------------------------------------------------------------


def test_an_unknown_base_does_not_split_one_movement_into_two_events() -> None:
    found = findings(
        leave("a", "one", "US troops left Syria for Iraq on Monday, officials said.", "2023-05-08", destination="Iraq"),
        leave("b", "two", "About 300 US soldiers left Camp Zarqun on Monday, a spokesman said.", "2023-05-08", origin="Camp Zarqun"),
    )
    [event] = found.events
    assert set(event.claims) == {"a", "b"}
    assert "from Camp Zarqun" in event.unresolved
    member = next(m for m in event.members if m.claim == "b")
    assert "Camp Zarqun" in member.reason and "gazetteer" in member.reason


def test_an_unknown_destination_against_a_country_is_soft() -> None:
    found = conflicts(
        move("a", "one", quote="US troops moved from Syria to Iraq, officials said."),
        move("b", "two", quote="US troops moved from Syria to Camp Zarqun, a spokesman said.", destination="Camp Zarqun"),
    )
    [c] = [c for c in found if c.kind == "destination"]
    assert c.severity == "soft" and any("gazetteer" in n for n in c.notes)


def test_check_lists_an_unknown_place_with_the_line_that_adds_it(tmp_path: Path, run: Invoke) -> None:
    (tmp_path / "a.txt").write_text(
        "About 300 US soldiers left Camp Zarqun for Iraq on Monday, a spokesman said. US troops left Syria on Monday.\n", encoding="utf-8"
    )
    (tmp_path / "claims.yaml").write_text(
        "gazetteer: places.yaml\n"
        "sources:\n"
        "  - {id: a, file: a.txt, outlet: X, title: T, published: {date: '2024-01-05', basis: stated}}\n"
        "claims:\n"
        "  - {id: c1, source: a, quote: About 300 US soldiers left Camp Zarqun, actor: US, movement: leave,\n"
        "     origin: Camp Zarqun, destination: Iraq}\n"
        "  - {id: c2, source: a, quote: US troops left Syria on Monday, actor: US, movement: leave, origin: Syria}\n",
        encoding="utf-8",
    )
    (tmp_path / "places.yaml").write_text("places: []\n", encoding="utf-8")
    result = run("check", "--data", str(tmp_path / "claims.yaml"))
    assert result.exit_code == 0, result.output
    [line] = [x for x in result.output.splitlines() if "Camp Zarqun" in x]
    assert line.startswith(f"{tmp_path / 'claims.yaml'}:6:")
    assert "origin of c1" in line and "places.yaml" in line and "- {name: Camp Zarqun, kind: base, within: Syria}" in line
    (tmp_path / "places.yaml").write_text("places:\n  - {name: Camp Zarqun, kind: base, within: Syria}\n", encoding="utf-8")
    assert "Camp Zarqun" not in run("check", "--data", str(tmp_path / "claims.yaml")).output


def test_check_does_not_list_a_described_place_as_an_unknown_name(tmp_path: Path, run: Invoke) -> None:
    (tmp_path / "a.txt").write_text(
        "US troops moved to Syrian oil fields on Monday. Other soldiers left frontline positions, a spokesman said.\n",
        encoding="utf-8",
    )
    (tmp_path / "claims.yaml").write_text(
        "sources:\n"
        "  - {id: a, file: a.txt, outlet: X, title: T, published: {date: '2024-01-05', basis: stated}}\n"
        "claims:\n"
        "  - {id: c1, source: a, quote: US troops moved to Syrian oil fields, actor: US, movement: move,\n"
        "     destination: Syrian oil fields}\n"
        "  - {id: c2, source: a, quote: Other soldiers left frontline positions, actor: US, movement: leave,\n"
        "     origin: frontline positions}\n",
        encoding="utf-8",
    )
    result = run("check", "--data", str(tmp_path / "claims.yaml"))
    assert result.exit_code == 0, result.output
    assert "oil fields" not in result.output and "frontline" not in result.output


# --- class 3: a force's size across the story -------------------------------------------------------------------------


def hold(cid: str, src: str, quote: str, count: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": cid, "source": src, "quote": quote, "movement": "hold", "location": "Niger", "unit": "troops", "count": count, **extra}


def test_sizes_of_one_force_months_apart_are_compared_with_the_gap_said() -> None:
    found = conflicts(
        hold("a", "one", "About 2,400 US troops are stationed in Niger, officials said.", {"qualifier": "about", "value": 2400}),
        hold("b", "two", "The 5,100-strong US force in Niger will stay, the Pentagon said.", {"value": 5100}),
        dates={"one": "2023-02-10", "two": "2023-08-20"},
    )
    [c] = [c for c in found if c.kind == "numeric"]
    assert c.severity == "soft"
    assert "days apart" in c.explanation and "may have changed" in c.explanation
    assert {s.claims for s in c.sides} == {("a",), ("b",)}


def test_sizes_years_apart_are_not_set_against_each_other() -> None:
    found = conflicts(
        hold("a", "one", "About 2,400 US troops are stationed in Niger, officials said.", {"qualifier": "about", "value": 2400}),
        hold("b", "two", "The 5,100-strong US force in Niger will stay, the Pentagon said.", {"value": 5100}),
        dates={"one": "2019-02-10", "two": "2023-08-20"},
    )
    assert found == []


def test_a_size_at_its_peak_is_past_not_a_rival_to_the_size_now() -> None:
    found = conflicts(
        hold("a", "one", "At its peak the US force in Niger had 5,100 troops, officials said.", {"value": 5100}),
        hold("b", "two", "About 1,100 US troops are stationed in Niger, the Pentagon said.", {"qualifier": "about", "value": 1100}),
    )
    assert all(c.severity == "soft" for c in found)
    assert not [c for c in found if {("a",), ("b",)} <= {s.claims for s in c.sides} and c.severity == "hard"]


def test_a_later_movement_is_shown_beside_the_figures_it_is_not_set_against() -> None:
    found = conflicts(
        move("a", "one", {"value": 1000}, quote="The US moved 1,000 troops from Syria to Iraq."),
        move("b", "two", {"qualifier": "more_than", "value": 700}, quote="More than 700 US troops will move from Syria to Iraq.", modality="plan"),
        move("c", "three", {"qualifier": "about", "value": 50}, quote="About 50 US soldiers moved from Syria to Iraq, sources said."),
        dates={"one": "2023-05-10", "two": "2023-05-11", "three": "2024-06-01"},
    )
    [c] = [c for c in found if c.kind == "numeric"]
    assert {s.claims for s in c.sides} == {("a",), ("b",)}
    [note] = [n for n in c.notes if "about 50" in n]
    assert "separate, later movement" in note and "c" in note


def test_bundled_data_shows_1000_700_and_50_together_with_the_judgement(run: Invoke) -> None:
    import json

    found = json.loads(run("conflicts", "--kind", "numeric", "--format", "json").stdout)
    [view] = [c for c in found if {("exact", 1000), ("more_than", 700)} <= {(s["value"]["qualifier"], s["value"]["value"]) for s in c["sides"]}]
    [note] = [n for n in view["notes"] if n.startswith("about 50 ")]
    assert "a separate, later movement" in note and "2020" in note


# --- hard means certain ------------------------------------------------------------------------------------------------


def test_a_first_group_against_the_whole_is_soft_and_says_why() -> None:
    [c] = conflicts(
        move("a", "one", {"value": 200}, quote="The first 200 US troops moved from Syria to Iraq on Monday."),
        move("b", "two", {"value": 1000}, quote="The US moved 1,000 troops from Syria to Iraq, officials said."),
    )
    assert (c.kind, c.severity) == ("numeric", "soft")
    assert any("stage" in n for n in c.notes)


def test_a_plan_against_a_fact_is_soft_and_the_same_stage_stays_hard() -> None:
    [plan] = conflicts(
        move("a", "one", {"value": 200}, quote="The US will move 200 troops from Syria to Iraq.", modality="plan"),
        move("b", "two", {"value": 1000}, quote="The US moved 1,000 troops from Syria to Iraq, officials said."),
    )
    assert plan.severity == "soft" and any("plan" in n for n in plan.notes)
    [fact] = conflicts(
        move("a", "one", {"value": 200}, quote="The US moved 200 troops from Syria to Iraq, a spokesman said."),
        move("b", "two", {"value": 1000}, quote="The US moved 1,000 troops from Syria to Iraq, officials said."),
    )
    assert fact.severity == "hard"


# --- explain any pair ----------------------------------------------------------------------------------------------


def test_explain_says_the_stage_and_does_not_weigh_counts_of_different_things(run: Invoke) -> None:
    out = run("conflicts", "--explain", "tabloid-troops-to-iraq-18", "shafaq-routine-move-03").stdout
    assert "figures: not compared: " in out and "displaced" in out
    assert "stage " in out
    out = run("conflicts", "--explain", "tabloid-troops-to-iraq-01", "shafaq-routine-move-03").stdout
    assert "a separate, later movement" in out


# --- class 10: a destination disputed by "rather than go home" ----------------------------------------------------------


def test_rather_than_go_home_disputes_going_home() -> None:
    found = conflicts(
        move("a", "one", quote="US troops moved from Syria to Iraq rather than go home, officials said."),
        {"id": "b", "source": "two", "quote": "The US troops leaving Syria are going home, the president said.", "movement": "return",
         "origin": "Syria", "destination": "home"},
    )
    [c] = [c for c in found if c.kind == "destination"]
    assert c.severity == "hard" and {s.label for s in c.sides} == {"Iraq", "home (United States)"}
    [status] = [c for c in found if c.kind == "status"]
    assert {s.label: s.claims for s in status.sides} == {"yes": ("b",), "no": ("a",)}


def test_going_home_from_home_is_no_rival_destination() -> None:
    found = conflicts(
        {"id": "a", "source": "one", "quote": "About 1,700 US paratroopers flew from the United States to Poland.", "movement": "deploy",
         "origin": "United States", "destination": "Poland"},
        {"id": "b", "source": "two", "quote": "The soldiers will come home when the crisis ends, officials said.", "movement": "return",
         "origin": "United States", "destination": "home", "modality": "plan"},
    )
    assert [c for c in found if c.kind == "destination"] == []


def test_waves_of_troops_sent_from_home_are_not_certain_rivals() -> None:
    [c] = conflicts(
        move("a", "one", {"value": 1700}, quote="The US sent 1,700 troops from the United States to Poland.", origin="United States", destination="Poland"),
        move("b", "two", {"value": 3000}, quote="The US sent 3,000 troops from the United States to Poland.", origin="United States", destination="Poland"),
    )
    assert c.severity == "soft" and any("waves" in n for n in c.notes)


def test_forces_that_went_to_a_country_are_linked_with_those_later_leaving_it() -> None:
    found = findings(
        move("a", "one", {"value": 1000}, quote="The US moved 1,000 troops from Syria to Iraq."),
        move("b", "two", {"value": 600}, quote="Some 600 US troops left Iraq for Kuwait, officials said.", origin="Iraq", destination="Kuwait"),
        dates={"one": "2023-01-10", "two": "2023-05-20"},
    )
    later = next(e for e in found.events if "b" in e.claims)
    assert "a" not in later.claims
    [note] = [n for n in found.notes.get(later.id, ()) if "1,000" in n]
    assert "moved to Iraq" in note and "the same forces" in note


def test_how_long_a_movement_was_to_take_against_when_it_ended() -> None:
    # "will take three weeks" is read as a deadline even where the extractor calls the sentence a fact
    found = conflicts(
        leave("a", "one", "The US withdrawal from Syria will take three weeks, the Pentagon said.", None, movement="withdraw",
              when={"text": "will take three weeks", "value": "2023-05-31", "kind": "deadline"}),
        leave("b", "two", "The last US troops left Syria on June 8, officials said.", "2023-06-08"),
        dates={"two": "2023-06-09"},
    )
    [c] = [c for c in found if c.kind == "status"]
    assert c.severity == "soft" and "2023-05-31" in c.explanation


def test_two_days_for_leaving_one_town_are_still_compared() -> None:
    [c] = conflicts(
        leave("a", "one", "US troops left Kobani on Friday, residents said.", "2023-05-05", origin="Kobani"),
        leave("b", "two", "US troops left Kobani on Tuesday, a spokesman said.", "2023-05-09", origin="Kobani"),
    )
    assert c.kind == "timing" and c.id.endswith("-one-place")


def test_an_airport_named_after_its_town_is_no_rival_place() -> None:
    found = conflicts(
        move("a", "one", quote="US troops flew from the United States to Rzeszow.", origin="United States", destination="Rzeszow"),
        move("b", "two", quote="US troops landed at Rzeszow-Jasionka Airport.", origin="United States", destination="Rzeszow-Jasionka Airport"),
    )
    assert [c for c in found if c.kind == "location"] == []


def test_forces_counted_where_they_arrived_are_no_certain_rival_to_all_who_left() -> None:
    # 350 left Syria; 200 reached one destination. Those 200 name no place they left: they may be a part.
    found = conflicts(
        move("a", "one", {"value": 350}, quote="All 350 US troops left Syria on Sunday, the Pentagon said."),
        move("b", "two", {"qualifier": "about", "value": 200}, origin=None,
             quote="Some 200 US troops arrived in Iraq on Monday, officials said."),
    )
    [c] = [c for c in found if c.kind == "numeric"]
    assert c.severity == "soft" and any("names no place" in n for n in c.notes)
