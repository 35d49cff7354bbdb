"""The dispute scorer's matching and its reasons for a miss, on made-up conflicts, claims and events.

No article text and no run of the tool: the inputs below are shaped like the JSON that `troopclaims
conflicts`, `list` and `events` print, with figures and places invented for the tests.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
match = importlib.import_module("conflicts_match")
score = importlib.import_module("conflicts_score")

ARTICLE_OF = {"wire-a": "a-1", "paper-b": "b-1", "radio-c": "c-1"}
ASKED = {"numeric", "destination", "location", "origin", "status", "permission", "timing", "attribution"}


def _count(value: int | None, qualifier: str = "exact", low: int | None = None, high: int | None = None) -> dict[str, Any]:
    return {"type": "count", "qualifier": qualifier, "value": value, "low": low, "high": high}


def _side(value: dict[str, Any], *sources: str) -> dict[str, Any]:
    return {"label": "x", "value": value, "claims": [{"claim": f"{s}-01", "source": s} for s in sources]}


def _conflict(kind: str, *sides: dict[str, Any], cid: str = "ev-1.numeric.town") -> dict[str, Any]:
    return {"id": cid, "event": "ev-1", "kind": kind, "severity": "hard", "sides": list(sides)}


def _dispute(kind: str, first: object, second: object, did: str = "d-1") -> dict[str, Any]:
    return {"id": did, "kind": kind, "severity": "hard", "question": "q",
            "sides": [{"articles": ["a-1"], "value": first}, {"articles": ["b-1", "c-1"], "value": second}]}


def test_counts_fit_by_number_bounds_and_direction() -> None:
    assert match.count_fits({"value": 800, "qualifier": "about"}, _count(800))
    assert not match.count_fits({"value": 800, "qualifier": "about"}, _count(850))
    assert match.count_fits({"qualifier": "vague", "low": 2000, "high": 9999}, _count(None, "vague", 3000, 9000))
    assert match.count_fits({"qualifier": "vague", "low": 2000, "high": 9999}, _count(3000, "more_than", 3001))
    assert not match.count_fits({"qualifier": "vague", "low": 1, "high": 999}, _count(2000))
    # "more than 1,000" is not the reading "fewer than 1,000"
    assert match.count_fits({"value": 1000, "qualifier": "more_than"}, _count(1000, "at_least"))
    assert not match.count_fits({"value": 1000, "qualifier": "fewer_than"}, _count(1000, "more_than"))
    assert not match.count_fits({"value": 1000, "qualifier": "exact"}, {"type": "place", "name": "Oslo"})
    assert not match.count_fits({"value": 1000, "qualifier": "exact"}, None)


def test_places_fit_by_name_and_grain() -> None:
    assert match.place_fits("Kursk", {"type": "place", "name": "Kursk Oblast", "country": "Russia"})
    assert match.place_fits(["Poland", "Romania"], {"type": "place", "name": "Poland and Romania"})
    assert not match.place_fits("home", {"type": "place", "name": "Iraq", "country": "Iraq"})
    assert not match.place_fits("Iraq", {"type": "answer", "answer": "yes"})


def test_a_count_conflict_matches_when_two_of_its_sides_are_two_sides_of_the_dispute() -> None:
    dispute = _dispute("count", {"value": 800, "qualifier": "more_than"}, {"value": 700, "qualifier": "about"})
    both = _conflict("numeric", _side(_count(800, "more_than"), "radio-c"), _side(_count(700), "wire-a"))
    assert match.matches(dispute, both, ARTICLE_OF)  # by value, whichever articles carry them
    one = _conflict("numeric", _side(_count(800, "more_than"), "wire-a"), _side(_count(650), "paper-b"))
    assert not match.matches(dispute, one, ARTICLE_OF)
    same_side_twice = _conflict("numeric", _side(_count(700), "wire-a"), _side(_count(700, "about"), "paper-b"))
    assert not match.matches(dispute, same_side_twice, ARTICLE_OF)
    assert not match.matches(dispute, {**both, "kind": "timing"}, ARTICLE_OF)


def test_yes_no_and_date_disputes_match_by_the_articles_on_each_side_and_the_kind() -> None:
    dispute = _dispute("completion", "yes", "no")
    answer = {"type": "answer", "answer": "yes"}
    status = _conflict("status", _side(answer, "wire-a"), _side({**answer, "answer": "no"}, "radio-c"))
    assert match.matches(dispute, status, ARTICLE_OF)
    assert not match.matches(dispute, {**status, "kind": "permission"}, ARTICLE_OF)
    one_side = _conflict("status", _side(answer, "wire-a"), _side(answer, "wire-a"))
    assert not match.matches(dispute, one_side, ARTICLE_OF)
    timing = _dispute("timing", "2024-12-10", "2024-12-20")
    dates = _conflict("timing", _side({"type": "date"}, "paper-b"), _side({"type": "date"}, "wire-a"))
    assert match.matches(timing, dates, ARTICLE_OF)


def _claim(cid: str, source: str, **fields: Any) -> dict[str, Any]:
    return {"id": cid, "source": source, "kind": "force", "count": None, "origin": None, "destination": None,
            "location": None, "when": None, "duration": None, **fields}


def _events(*groups: list[str]) -> list[dict[str, Any]]:
    return [{"id": f"ev-{n}", "claims": [{"claim": c} for c in group]} for n, group in enumerate(groups, 1)]


def test_each_reason_for_a_miss() -> None:
    dispute = _dispute("count", {"value": 800, "qualifier": "exact"}, {"value": 700, "qualifier": "exact"})
    counted = [_claim("a1", "wire-a", count=_count(800)), _claim("b1", "paper-b", count=_count(700))]

    def why(d: dict[str, Any], claims: list[dict[str, Any]], events: list[dict[str, Any]],
            asked: set[str] = ASKED) -> str:
        return str(match.why_missed(d, claims, events, asked, ARTICLE_OF)["reason"])

    assert why(dispute, counted[:1], _events(["a1"])) == "no claim"
    assert why(dispute, counted, _events(["a1"], ["b1"])) == "split event"
    assert why(dispute, counted, _events(["a1", "b1"])) == "judged compatible"
    destination = _dispute("destination", "home", "Oslo")
    placed = [_claim("a1", "wire-a", destination="home"), _claim("b1", "paper-b", origin="Oslo")]
    assert why(destination, placed, _events(["a1", "b1"])) == "wrong field"
    completion = _dispute("completion", "yes", "no")
    answered = [_claim("a1", "wire-a"), _claim("c1", "radio-c")]
    assert why(completion, answered, _events(["a1", "c1"])) == "no such question"
    assert why(completion, answered, _events(["a1", "c1"]), ASKED | {"completion"}) == "judged compatible"
    timing = _dispute("timing", "2024-12-10", "2024-12")
    dated = [_claim("a1", "wire-a", when={"value": "2024-12-10"}), _claim("b1", "paper-b", when={"value": "2024-11"})]
    assert why(timing, dated, _events(["a1", "b1"])) == "wrong field"
    dated[1]["when"] = {"value": "2024-12-20"}
    assert why(timing, dated, _events(["a1", "b1"])) == "judged compatible"


def test_a_story_is_scored_found_missed_and_invented() -> None:
    story = {
        "story": "made-up",
        "disputes": [_dispute("count", {"value": 800, "qualifier": "exact"}, {"value": 700, "qualifier": "exact"}),
                     _dispute("occurred", "yes", "no", did="d-2")],
        "not_disputes": [{"kind": "timing", "articles": ["a-1", "b-1"], "reason": "the start against the end"}],
    }
    found = _conflict("numeric", _side(_count(800), "wire-a"), _side(_count(700), "paper-b"))
    look_alike = _conflict("timing", _side({"type": "date"}, "wire-a"), _side({"type": "date"}, "paper-b"),
                           cid="ev-1.timing.town")
    stray = _conflict("destination", _side({"type": "place", "name": "Oslo"}, "radio-c"),
                      _side({"type": "place", "name": "Bergen"}, "radio-c"), cid="ev-1.destination.town")
    claims = [_claim("a1", "wire-a"), _claim("c1", "radio-c")]
    result = match.score_story(story, [found, look_alike, stray], claims, _events(["a1"], ["c1"]), ASKED, ARTICLE_OF)
    assert (result.disputes, [d["dispute"] for d in result.found]) == (2, ["d-1"])
    assert [(d["dispute"], d["reason"]) for d in result.missed] == [("d-2", "split event")]
    assert [(c["conflict"], c["not_dispute"]) for c in result.invented] == [
        ("ev-1.timing.town", "the start against the end"), ("ev-1.destination.town", None)]
    total = score.totals([result])
    assert (total["found"], total["missed"], total["invented"], total["recall"]) == (1, 1, 2, 0.5)
    assert "made-up" in score.render([result], total)


def test_sides_are_cut_to_the_articles_whose_texts_are_there() -> None:
    dispute = _dispute("occurred", "yes", "no")
    assert score._scorable([dispute], {"a-1", "c-1"})[0]["sides"][1]["articles"] == ["c-1"]
    assert score._scorable([dispute], {"b-1", "c-1"}) == []


def test_without_a_folder_it_says_how_to_set_one(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("TROOPCLAIMS_DEVSET", raising=False)
    assert score.main([]) == 0
    assert "TROOPCLAIMS_DEVSET" in capsys.readouterr().out


def test_without_the_texts_it_says_how_to_rebuild_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert score.main(["--articles", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert ".txt" in out and "query:" in out


def test_one_conflict_answers_one_dispute() -> None:
    first = _dispute("occurred", "yes", "no", did="d-1")
    second = _dispute("occurred", "no", "yes", did="d-2")
    answer = {"type": "answer", "answer": "yes"}
    status = _conflict("status", _side(answer, "wire-a"), _side(answer, "paper-b"), cid="ev-1.status.town")
    story = {"story": "made-up", "disputes": [first, second]}
    result = match.score_story(story, [status], [], [], ASKED, ARTICLE_OF)
    assert [d["dispute"] for d in result.found] == ["d-1"]
    assert [(d["dispute"], d["reason"]) for d in result.missed] == [("d-2", "merged")]
    assert result.invented == []
    # with a second conflict for the first dispute only, both are found
    other = _conflict("status", _side(answer, "wire-a"), _side(answer, "radio-c"), cid="ev-1.status.city")
    both = match.score_story({**story, "disputes": [second, {**first, "sides": [
        {"articles": ["a-1"], "value": "yes"}, {"articles": ["c-1"], "value": "no"}]}]},
        [status, other], [], [], ASKED, ARTICLE_OF)
    assert sorted(d["dispute"] for d in both.found) == ["d-1", "d-2"] and both.missed == []


def test_a_question_filed_under_another_kind_counts_as_asked_once_reported() -> None:
    kinds = {"numeric", "status"}
    reported = [{"id": "fr-chad-2024-12.status.completion-chad", "event": "fr-chad-2024-12", "kind": "status"},
                {"id": "attribution.they-said", "event": None, "kind": "attribution"}]
    assert score.questions_asked(kinds, reported) == {"numeric", "status", "completion"}
    assert score.questions_asked(kinds, []) == kinds
