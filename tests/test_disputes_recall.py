"""Disputes a reader flags that the engine used to miss: one movement split in two events, a denied presence,
a count that names no place, a departure said of a place the gazetteer does not know. Sentences are our own."""

from __future__ import annotations

from typing import Any

from .test_compare import conflicts
from .test_disputes import findings


def claim(cid: str, src: str, quote: str, movement: str | None, day: str, **extra: Any) -> dict[str, Any]:
    return {"id": cid, "source": src, "quote": quote, "movement": movement, "unit": "troops",
            "when": {"text": "that day", "value": day}, **extra}


# --- split events: forces sent to a country are the forces there, and those who leave it -----------------------


def test_forces_sent_to_a_country_there_and_leaving_it_are_one_event() -> None:
    found = findings(
        claim("a", "one", "The first US units arrived in Poland on Tuesday, the army said.", "arrive", "2023-01-17", destination="Poland"),
        claim("b", "two", "Some 9,000 US troops are now stationed in Poland, officials said.", "hold", "2023-02-02",
              location="Poland", count={"qualifier": "about", "value": 9000}),
        claim("c", "three", "US troops started pulling out of Poland on Wednesday.", "withdraw", "2023-02-15", origin="Poland"),
    )
    [event] = found.events
    assert set(event.claims) == {"a", "b", "c"}


def test_forces_going_home_do_not_tie_events_through_home() -> None:
    found = findings(
        claim("a", "one", "US troops flew home from Poland on Tuesday.", "return", "2023-01-17", origin="Poland", destination="home"),
        claim("b", "two", "US troops left Syria for home on Tuesday.", "return", "2023-01-17", origin="Syria", destination="home"),
    )
    assert len(found.events) == 2


# --- a presence denied against claims that the forces are there ---------------------------------------------------


def test_a_denied_presence_against_forces_said_to_be_there_is_a_status_dispute() -> None:
    found = conflicts(
        claim("a", "one", "UN investigators estimated that 2,000 to 3,000 US soldiers were stationed across Niger.", "hold", "2023-07-10",
              location="Niger", count={"qualifier": "range", "low": 2000, "high": 3000}),
        claim("b", "two", "The US government has at no point admitted to having soldiers in Niger.", "hold", "2023-07-08",
              location="Niger", polarity="denied"),
    )
    [c] = [c for c in found if c.kind == "status"]
    assert {side.label for side in c.sides} == {"yes", "no"}
    assert {side.claims for side in c.sides} == {("a",), ("b",)}
    assert "Niger" in c.topic


def test_a_denial_that_names_no_place_is_about_the_place_of_its_event() -> None:
    found = conflicts(
        claim("a", "one", "Some 2,500 US soldiers are deployed in Niger, a UN report said.", "hold", "2023-07-10",
              location="Niger", count={"qualifier": "about", "value": 2500}),
        claim("b", "two", "The embassy denied reports that American soldiers were there.", "hold", "2023-07-09", polarity="denied"),
    )
    [c] = [c for c in found if c.kind == "status"]
    assert {side.claims for side in c.sides} == {("a",), ("b",)}


def test_forces_said_to_be_there_on_both_sides_is_no_dispute() -> None:
    found = conflicts(
        claim("a", "one", "Some 2,500 US soldiers are deployed in Niger, officials said.", "hold", "2023-07-10", location="Niger"),
        claim("b", "two", "US troops remain in Niger, the embassy said.", "hold", "2023-07-12", location="Niger"),
    )
    assert [c for c in found if c.kind == "status"] == []


def test_a_denied_permission_to_stay_is_no_denied_presence() -> None:
    found = conflicts(
        claim("a", "one", "Some 2,500 US soldiers are deployed in Niger, officials said.", "hold", "2023-07-10", location="Niger"),
        claim("b", "two", "The junta said US troops may not stay in Niger.", "stay", "2023-07-12", location="Niger",
              polarity="denied", modality="permission"),
    )
    assert [c for c in found if c.kind == "status"] == []


# --- a count that names no place ------------------------------------------------------------------------------------


def test_a_count_with_no_place_is_counted_where_its_event_is_and_only_softly() -> None:
    found = conflicts(
        claim("a", "one", "The alliance put the US force gathering in Poland for the drills at some 9,000 troops.", "hold", "2023-02-02",
              location="Poland", count={"qualifier": "about", "value": 9000}),
        claim("b", "two", "Under 4,000 soldiers are taking part in the exercise, the Pentagon insisted.", None, "2023-02-02",
              count={"qualifier": "fewer_than", "value": 4000}),
    )
    [c] = [c for c in found if c.kind == "numeric"]
    assert c.severity == "soft"
    assert {side.claims for side in c.sides} == {("a",), ("b",)}
    assert any("names no place" in note for note in c.notes)


def test_a_count_with_no_place_that_agrees_is_no_conflict() -> None:
    found = conflicts(
        claim("a", "one", "Some 9,000 US troops are in Poland for the drills, NATO said.", "hold", "2023-02-02",
              location="Poland", count={"qualifier": "about", "value": 9000}),
        claim("b", "two", "The exercise involves close to 9,000 soldiers.", None, "2023-02-03",
              count={"qualifier": "about", "value": 9000}),
    )
    assert [c for c in found if c.kind == "numeric"] == []


# --- a departure from a place the gazetteer does not know ---------------------------------------------------------


def test_left_against_still_there_later_is_a_completion_dispute_at_an_unknown_place() -> None:
    found = conflicts(
        claim("a", "one", "Rebel fighters pulled out of Kalunga on Friday under the ceasefire deal.", "withdraw", "2023-12-22",
              origin="Kalunga", actor="M23"),
        claim("b", "two", "A week and a half on, farmers say the fighters never went away and are still camped in the hills.",
              "hold", "2024-01-02", actor="M23"),
    )
    [c] = [c for c in found if c.kind == "status"]
    assert {side.claims for side in c.sides} == {("a",), ("b",)}
    assert c.severity == "soft"


def test_still_there_before_the_departure_is_no_dispute() -> None:
    found = conflicts(
        claim("a", "one", "Rebel fighters pulled out of Kalunga on Friday under the ceasefire deal.", "withdraw", "2023-12-22",
              origin="Kalunga", actor="M23"),
        claim("b", "two", "Fighters are still manning checkpoints there, a local official said on Monday.", "hold", "2023-12-18", actor="M23"),
    )
    assert [c for c in found if c.kind == "status"] == []


# --- a part or an increment is not a rival to the whole ------------------------------------------------------------


def test_a_figure_named_as_part_of_another_is_no_rival_to_it() -> None:
    quote = "The peacekeeping force of about 4,200, including some 400 soldiers sent by Greece, patrols the border."
    found = conflicts(
        claim("a", "one", quote, "hold", "2023-06-03", location="Kosovo", count={"qualifier": "about", "value": 4200, "text": "about 4,200"}),
        claim("b", "one", quote, "hold", "2023-06-03", location="Kosovo", count={"qualifier": "about", "value": 400, "text": "some 400"}),
        claim("c", "two", "About 4,200 troops serve in the mission, officials said.", "hold", "2023-06-04", location="Kosovo",
              count={"qualifier": "about", "value": 4200, "text": "About 4,200"}),
    )
    assert [c for c in found if c.kind == "numeric"] == []


def test_another_wave_of_troops_is_no_rival_to_the_first() -> None:
    found = conflicts(
        claim("a", "one", "About 1,200 US soldiers are being sent to Romania, the Pentagon said.", "deploy", "2023-02-02",
              origin="Germany", destination="Romania", count={"qualifier": "about", "value": 1200, "text": "About 1,200"}),
        claim("b", "two", "A second order on Friday will send another 4,000 soldiers to Romania.", "deploy", "2023-02-10",
              origin="Germany", destination="Romania", count={"value": 4000, "text": "4,000"}),
    )
    assert [c for c in found if c.kind == "numeric"] == []


def test_a_movement_that_names_no_place_is_set_against_the_event_only_softly() -> None:
    found = conflicts(
        claim("a", "one", "About 1,200 US soldiers left Germany for Romania, the Pentagon said.", "deploy", "2023-02-02",
              origin="Germany", destination="Romania", count={"qualifier": "about", "value": 1200}),
        claim("b", "two", "Some 90,000 troops have been sent to the front, analysts say.", "deploy", "2023-02-03",
              count={"qualifier": "about", "value": 90000}),
    )
    [c] = [c for c in found if c.kind == "numeric"]
    assert c.severity == "soft" and any("names no place" in note for note in c.notes)


def test_left_against_still_there_when_no_claim_names_the_place() -> None:
    found = conflicts(
        claim("a", "one", "The rebels withdrew on Friday, handing their positions to the regional force.", "withdraw", "2023-12-22", actor="M23"),
        claim("b", "two", "Residents said the rebels are still in the area a week and a half later.", "hold", "2024-01-02", actor="M23"),
    )
    [c] = [c for c in found if c.kind == "status"]
    assert {side.claims for side in c.sides} == {("a",), ("b",)}
    assert "no claim names" in c.topic


def test_a_denial_about_a_place_the_gazetteer_does_not_know_is_not_about_the_event_place() -> None:
    found = conflicts(
        claim("a", "one", "Some 2,500 US soldiers are deployed in Niger, officials said.", "hold", "2023-07-10", location="Niger"),
        claim("b", "two", "The president said US soldiers are not in the fighting zones.", "hold", "2023-07-11",
              location="the fighting zones", polarity="denied"),
    )
    assert [c for c in found if c.kind == "status"] == []


# --- a stage misread: "their continued presence" is no movement under way ---------------------------------------


def test_a_continued_presence_does_not_make_a_departure_under_way() -> None:
    found = conflicts(
        claim("a", "one", "Their continued presence had angered townspeople; the soldiers finally quit Gao in April.",
              "leave", "2023-04", origin="Mali"),
        claim("b", "two", "Troops were seen leaving Gao on Friday, residents said.", "leave", "2023-05-19", origin="Mali"),
    )
    [c] = [c for c in found if c.kind == "timing"]
    assert {side.claims for side in c.sides} == {("a",), ("b",)}


def test_troops_that_continue_to_withdraw_are_under_way() -> None:
    from troopclaims.engine.stages import _stage

    assert _stage("The troops continued to withdraw from the town on Friday.", "fact", "withdraw", False) == "under way"
    assert _stage("The withdrawal continued on Monday, officials said.", "fact", "withdraw", False) == "under way"
    assert _stage("Their continued presence angered residents, who said the troops left.", "fact", "leave", False) == "whole"


def test_a_denial_in_an_event_that_names_no_place_is_only_soft() -> None:
    found = conflicts(
        claim("a", "one", "The rebels withdrew on Friday, the group said.", "withdraw", "2023-12-22", actor="M23"),
        claim("b", "two", "Residents said the rebels did not withdraw on Friday.", "withdraw", "2023-12-23", actor="M23", polarity="denied"),
    )
    [c] = [c for c in found if c.kind == "status"]
    assert c.severity == "soft" and any("no claim names the place" in note for note in c.notes)


def test_a_force_held_for_decades_is_past_not_a_rival_to_the_size_now() -> None:
    found = conflicts(
        claim("a", "one", "The British garrison in Cyprus has numbered in the thousands for generations.", "hold", "2023-11-28", location="Cyprus",
              actor="UK", count={"qualifier": "vague", "low": 2000, "high": 9999, "text": "thousands"}),
        claim("b", "two", "About 1,000 British troops are stationed in Cyprus, officials said.", "hold", "2023-11-29", location="Cyprus",
              actor="UK", count={"qualifier": "about", "value": 1000}),
    )
    assert [c for c in found if c.kind == "numeric" and c.severity == "hard"] == []
    assert all("1,000" not in side.label or "there" in side.label for c in found for side in c.sides)
    assert [c for c in found if c.kind == "numeric"] == []


def test_forces_already_there_are_no_rival_to_those_sent() -> None:
    found = conflicts(
        claim("a", "one", "About 1,200 US soldiers left Germany for Romania on Friday, the Pentagon said.", "deploy", "2023-02-02",
              origin="Germany", destination="Romania", count={"qualifier": "about", "value": 1200, "text": "About 1,200"}),
        claim("b", "two", "The new arrivals join more than 35,000 US personnel already stationed in Germany.", "deploy", "2023-02-03",
              count={"qualifier": "more_than", "value": 35000, "text": "more than 35,000"}),
    )
    assert [c for c in found if c.kind == "numeric"] == []


def test_two_figures_that_name_no_place_are_not_set_against_each_other() -> None:
    found = conflicts(
        claim("a", "one", "About 1,200 US soldiers are in Romania, the Pentagon said.", "hold", "2023-02-02", location="Romania",
              count={"qualifier": "about", "value": 1200}),
        claim("b", "two", "Some 90,000 troops are massed along the front, analysts say.", "hold", "2023-02-03",
              count={"qualifier": "about", "value": 90000}),
        claim("c", "three", "Only 300 soldiers guard the airfield, a spokesman said.", "hold", "2023-02-03",
              count={"value": 300}),
    )
    [c] = [c for c in found if c.kind == "numeric"]
    assert c.severity == "soft"
    assert "1,200" in c.explanation and "90,000" in c.explanation


def test_forces_sent_back_are_not_counted_as_leaving_where_they_go() -> None:
    found = conflicts(
        claim("a", "one", "About 1,000 US troops left Syria for Iraq on Monday.", "move", "2019-10-20", origin="Syria", destination="Iraq",
              count={"qualifier": "about", "value": 1000}),
        claim("d", "four", "US troops were seen leaving Syria in convoys on Monday.", "leave", "2019-10-20", origin="Syria"),
        claim("b", "two", "Some US troops crossed back from Iraq into Syria on Tuesday.", "move", "2019-10-22", origin="Iraq", destination="Syria"),
        claim("c", "three", "More than 2,000 US troops were sent back to Syria, the observatory said.", "move", "2019-10-29", destination="Syria",
              count={"qualifier": "more_than", "value": 2000}),
    )
    assert [c for c in found if c.kind == "numeric" and "Syria" in c.topic] == []


def test_an_article_that_reports_a_denial_and_the_evidence_is_no_dispute_by_itself() -> None:
    found = conflicts(
        claim("a", "one", "Roughly 2,500 US soldiers are based in Niger, according to a UN estimate.", "hold", "2023-07-10", location="Niger"),
        claim("b", "one", "For months the government rejected any suggestion that its soldiers were deployed in Niger.", "hold", "2023-07-10",
              location="Niger", polarity="denied"),
    )
    assert [c for c in found if c.kind == "status"] == []


def test_a_condition_is_no_denial_of_presence() -> None:
    found = conflicts(
        claim("a", "one", "Some 2,500 US soldiers are deployed in Niger, officials said.", "hold", "2023-07-10", location="Niger"),
        claim("b", "two", "Should American soldiers not be withdrawn from Niger by spring, cooperation would end, the junta warned.", "hold", "2023-07-11",
              location="Niger", polarity="denied"),
    )
    assert [c for c in found if c.kind == "status"] == []


def test_a_continent_is_no_rival_destination_to_a_country_in_it() -> None:
    found = conflicts(
        claim("a", "one", "About 1,700 US soldiers flew from Germany to Poland on Sunday.", "move", "2023-02-05",
              origin="Germany", destination="Poland"),
        claim("b", "two", "More US troops are being moved from Germany to eastern Europe, the Pentagon said.", "move", "2023-02-06",
              origin="Germany", destination="eastern Europe"),
    )
    assert [c for c in found if c.kind == "destination"] == []
