"""The engine on small data files written for it (tests/data/engine/): every kind and severity, the cases that
are no conflict, events split and joined, and wire copy. Articles and sentences are invented for these tests."""

from __future__ import annotations

import json
from functools import cache

import pytest

from troopclaims.datafile import Claim, load_dataset
from troopclaims.engine import Conflict, Findings, analyse, findings_among
from troopclaims.engine.facets import build_facets
from troopclaims.world import load_gazetteer

from .conftest import TESTDATA, Invoke

ENGINE = TESTDATA / "engine"


@cache
def findings(name: str) -> Findings:
    return analyse(load_dataset(ENGINE / name / "claims.yaml"))


def conflict_with(name: str, *claims: str) -> Conflict:
    """The one conflict of a data file holding all of these claims."""
    [found] = [c for c in findings(name).conflicts if set(claims) <= set(c.claims)]
    return found


def flagged(name: str, *claims: str) -> bool:
    return any(set(claims) <= set(c.claims) for c in findings(name).conflicts)


# --- how many ----------------------------------------------------------------------------------------------


def test_numeric_hard_states_both_figures_and_their_ratio() -> None:
    c = conflict_with("counts", "uk-1200", "uk-300")
    assert (c.kind, c.severity) == ("numeric", "hard")
    assert c.explanation.startswith("about 300 (255–345) and 1,200 cannot both be the size of one force")
    assert "3.48×" in c.explanation  # 1,200 / 345


def test_numeric_soft_rounding_states_the_real_gap() -> None:
    c = conflict_with("counts", "dk-5000", "dk-5400")
    assert (c.kind, c.severity) == ("numeric", "soft")
    assert "5,400 is only 8.0% above 5,000" in c.explanation and "10%" in c.explanation


def test_numeric_soft_when_an_open_hedge_is_stretched() -> None:
    c = conflict_with("counts", "ca-700", "ca-1000")
    assert (c.kind, c.severity) == ("numeric", "soft")
    assert "1,000 fits 'more than 700' literally" in c.explanation and "1.43× 700" in c.explanation


def test_figures_that_agree_are_no_conflict() -> None:
    # 12,000, "more than 12,000" and "over ten thousand" of one garrison
    assert not flagged("counts", "no-12000", "no-more-12000")
    assert not any(c.event and c.event.startswith("norway") for c in findings("counts").conflicts)


def test_different_scopes_are_not_rivals_but_a_part_of() -> None:
    # about 5,000 across a country and some 800 at one base in it
    found = findings("counts")
    assert not flagged("counts", "nl-iraq", "nl-base")
    event = found.event_of["nl-base"]
    assert not any(c.event == event for c in found.conflicts)
    assert found.notes[event] == (
        "Ain al-Asad Air Base is one place in Iraq: its figures (about 800) are a part of the forces of Iraq (about 5,000), not rivals to them",
    )


def test_more_leaving_than_were_there_is_soft_with_the_other_reading() -> None:
    # the 2,000 may be those who remain after 3,500 left: the claims do not say when each was counted
    c = conflict_with("counts", "it-there", "it-left")
    assert (c.kind, c.severity) == ("numeric", "soft")
    assert "3,500 leaving Lebanon is more than the 2,000 said to be there (3,500 against at most 2,000, 1.75×)" in c.explanation
    assert any("counted after the others left" in note for note in c.notes)


# --- where to, where in, where from, whether, may they stay, who said it -----------------------------------


def test_destination_home_against_another_country_is_hard() -> None:
    c = conflict_with("places", "uk-home", "uk-iraq")
    assert (c.kind, c.severity) == ("destination", "hard")
    assert {s.label for s in c.sides} == {"Iraq", "home (United Kingdom)"}


def test_destination_soft_when_one_side_only_passes_through() -> None:
    c = conflict_with("places", "fr-transit", "fr-jordan")
    assert (c.kind, c.severity) == ("destination", "soft")


def test_location_two_regions_of_one_country() -> None:
    c = conflict_with("places", "es-west", "es-nineveh")
    assert (c.kind, c.severity) == ("location", "hard")
    assert "different parts of Iraq" in c.explanation


def test_origin_two_countries_for_one_arrival() -> None:
    c = conflict_with("places", "gr-syria", "gr-jordan")
    assert (c.kind, c.severity) == ("origin", "hard")
    assert {s.label for s in c.sides} == {"Syria", "Jordan"}


def test_status_fact_against_fact_is_hard_and_plan_against_fact_soft() -> None:
    assert conflict_with("places", "de-denied", "de-withdrew").severity == "hard"
    soft = conflict_with("places", "au-denied", "au-plan")
    assert (soft.kind, soft.severity) == ("status", "soft")
    assert "a plan against a fact" in soft.explanation


def test_permission_hard_and_soft() -> None:
    hard = conflict_with("places", "uk-stay", "uk-no-stay")
    assert (hard.kind, hard.severity) == ("permission", "hard")
    soft = conflict_with("places", "dk-stay", "dk-leave")
    assert (soft.kind, soft.severity) == ("permission", "soft")
    assert "must leave (within four weeks)" in {s.label for s in soft.sides}


def test_attribution_same_words_two_speakers() -> None:
    c = conflict_with("places", "words-de", "words-jo")
    assert (c.kind, c.severity, c.event) == ("attribution", "hard", None)


# --- when --------------------------------------------------------------------------------------------------


def test_timing_completion_against_an_earlier_deadline_is_hard() -> None:
    c = conflict_with("timing", "be-early", "be-late")
    assert (c.kind, c.severity) == ("timing", "hard")
    assert "81 days lie between them" in c.explanation  # 31 May to 20 August


def test_timing_a_month_and_a_day_inside_it_agree() -> None:
    assert not flagged("timing", "pl-march", "pl-12-march")


def test_timing_adjacent_days_agree() -> None:
    # "on Saturday" and "on Sunday" for one movement: told across midnight or time zones, or dated by a report a day
    # late; both can be true, and readers of multi-outlet stories do not flag them
    assert not flagged("timing", "cz-sunday", "cz-saturday")


def test_timing_days_apart_within_a_week_are_hard() -> None:
    c = conflict_with("timing", "pt-monday", "pt-thursday")
    assert (c.kind, c.severity) == ("timing", "hard")
    assert "4 days lie between them" in c.explanation


def test_timing_days_weeks_apart_may_be_two_stages() -> None:
    c = conflict_with("timing", "sk-early", "sk-late")
    assert (c.kind, c.severity) == ("timing", "soft")
    assert "27 days lie between them" in c.explanation
    assert any("two stages of one movement" in note for note in c.notes)


def test_timing_a_time_limit_against_a_minimum_duration_is_hard() -> None:
    c = conflict_with("timing", "se-three", "se-ten")
    assert (c.kind, c.severity) == ("timing", "hard")
    assert "by 2023-09-07" in c.explanation and "from 2023-09-15" in c.explanation


def test_every_kind_and_severity_is_covered_by_the_data_files() -> None:
    seen = {(c.kind, c.severity) for name in ("counts", "places", "timing") for c in findings(name).conflicts}
    kinds = {kind for kind, _ in seen}
    assert kinds == {"numeric", "destination", "location", "origin", "status", "permission", "timing", "attribution"}
    assert {severity for _, severity in seen} == {"soft", "hard"}


# --- events ------------------------------------------------------------------------------------------------


def test_events_joined_through_a_place_and_a_claim_naming_none() -> None:
    found = findings("events")
    event = found.event_of["into-syria"]
    assert found.event_of["crossed"] == event and found.event_of["on-the-move"] == event
    [joined] = [e for e in found.events if e.id == event]
    assert joined.label == "Turkish forces: → Syria, Jan 2023"
    assert {m.claim: m.how for m in joined.members}["on-the-move"] == "no place"


def test_events_split_by_time_and_by_forces() -> None:
    found = findings("events")
    assert found.event_of["april-push"] != found.event_of["into-syria"]
    assert found.event_of["iranian"] != found.event_of["into-syria"]
    assert len({e.id for e in found.events}) == len(found.events)


def test_explain_says_why_claims_share_an_event(run: Invoke) -> None:
    out = run("conflicts", "--data", str(ENGINE / "events" / "claims.yaml"), "--explain", "into-syria", "crossed").stdout
    assert "one event: the same forces (Turkey), tied by to Syria" in out


def test_explain_says_why_claims_were_kept_apart(run: Invoke) -> None:
    data = str(ENGINE / "events" / "claims.yaml")
    out = run("conflicts", "--data", data, "--explain", "into-syria", "april-push").stdout
    assert "kept apart: 111 days apart, more than the 30 days" in out
    assert "not asked: the claims are in different events" in out
    out = run("conflicts", "--data", data, "--explain", "into-syria", "iranian").stdout
    assert "kept apart: different forces (Turkey / Iran)" in out


def test_events_command_lists_events_with_their_conflicts(run: Invoke) -> None:
    events = json.loads(run("events", "--data", str(ENGINE / "counts" / "claims.yaml"), "--format", "json").stdout)
    by_claim = {m["claim"]: e for e in events for m in e["claims"]}
    assert by_claim["uk-1200"]["conflicts"] == [f"{by_claim['uk-1200']['id']}.numeric.iraq"]
    assert by_claim["nl-base"]["conflicts"] == []


def test_event_and_conflict_ids_survive_reordering_and_unrelated_claims() -> None:
    dataset = load_dataset(ENGINE / "counts" / "claims.yaml")
    gazetteer = load_gazetteer()
    facets = build_facets(dataset.claims, dataset.sources, gazetteer)
    before = findings_among(facets, gazetteer)
    unrelated = Claim.model_validate(
        {"id": "extra", "source": "local", "quote": "q", "actor": "Greek", "movement": "hold", "location": "Cyprus",
         "count": {"value": 900}, "unit": "troops"}
    )
    after = findings_among(list(reversed(facets)) + build_facets([unrelated], dataset.sources, gazetteer), gazetteer)
    assert {e.id: e.claims for e in before.events}.items() <= {e.id: e.claims for e in after.events}.items()
    assert [c.id for c in before.conflicts] == [c.id for c in after.conflicts]


# --- independence by text ----------------------------------------------------------------------------------


def test_wire_copy_is_one_confirmation_with_the_share_stated() -> None:
    c = conflict_with("wire", "agency-1", "reprint-1", "reporter-1")
    [note] = [n for n in c.notes if "share" in n]
    assert note.startswith("not independent: agency and reprint share 9") and "one confirmation, not 2" in note
    [pair] = findings("wire").shared
    assert (pair.first, pair.second) == ("agency", "reprint") and pair.share > 0.9


@pytest.mark.parametrize("name", ["counts", "places", "timing", "events"])
def test_articles_written_apart_are_not_wire_copies(name: str) -> None:
    assert findings(name).shared == ()
