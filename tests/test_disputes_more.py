"""More of the engine on issue 20's classes: a part of a movement against its completion, and bodies named two ways.

Every claim here is built in code from news-style sentences written for these tests; none comes from an article.
"""

from __future__ import annotations

from .test_compare import conflicts
from .test_disputes import leave


def test_most_of_the_troops_against_all_of_them_the_same_day_is_a_soft_completion_dispute() -> None:
    found = conflicts(
        leave("a", "one", "The army said on Sunday it had withdrawn all its soldiers from Syria.", "2023-05-07", movement="withdraw"),
        leave("b", "two", "The army pulled most of its troops out of Syria on Sunday, officials said.", "2023-05-07", movement="withdraw"),
        leave("c", "three", "Washington called it a partial withdrawal from Syria on Sunday.", "2023-05-07", movement="withdraw"),
    )
    [c] = [c for c in found if c.kind == "status"]
    assert c.severity == "soft"
    assert "complete" in c.topic
    assert {s.label for s in c.sides} == {"complete (2023-05-07)", "only a part (2023-05-07)"}
    assert {claim for s in c.sides for claim in s.claims} == {"a", "b", "c"}


def test_most_of_the_troops_left_before_the_rest_is_no_dispute() -> None:
    found = conflicts(
        leave("a", "one", "Most of the US troops left Syria on Tuesday, a spokesman said.", "2023-05-02"),
        leave("b", "two", "All US troops have now left Syria, the Pentagon said on Friday.", "2023-05-05"),
    )
    assert [c for c in found if c.kind == "status"] == []


def test_a_possible_presence_is_no_stance_on_whether_they_may_stay() -> None:
    found = conflicts(
        {"id": "a", "source": "one", "quote": "The possible continued presence of US troops in Syria is seen as an obstacle to the deal.",
         "movement": "stay", "modality": "possibility", "location": "Syria", "unit": "troops"},
        {"id": "b", "source": "two", "quote": "The deal requires all US troops to withdraw from Syria.",
         "movement": "withdraw", "modality": "demand", "origin": "Syria", "unit": "troops"},
    )
    assert [c for c in found if c.kind == "permission"] == []


def test_troops_that_could_stay_indefinitely_still_dispute_a_demand_to_leave() -> None:
    found = conflicts(
        {"id": "a", "source": "one", "quote": "US troops could stay in Syria indefinitely, an official said.",
         "movement": "stay", "modality": "possibility", "duration": "indefinite", "location": "Syria", "unit": "troops"},
        {"id": "b", "source": "two", "quote": "The deal requires all US troops to withdraw from Syria.",
         "movement": "withdraw", "modality": "demand", "origin": "Syria", "unit": "troops"},
    )
    assert [c.kind for c in found if c.kind == "permission"] == ["permission"]


def test_troops_that_have_been_leaving_since_a_day_are_under_way_not_a_rival_date() -> None:
    # a withdrawal going on since Friday gives no day it happened: no hard clash with the month it began
    found = conflicts(
        leave("a", "one", "Last month the US troops left two towns in northern Syria, officials said.", "2023-04"),
        leave("b", "two", "US troops have been leaving Syria since Friday afternoon, residents said.", "2023-05-05"),
    )
    assert [c for c in found if c.kind == "timing" and c.severity == "hard"] == []


def test_last_month_is_a_time_not_the_last_troops() -> None:
    # "Last week the troops left" dates the move; it does not say the withdrawal was complete
    found = conflicts(
        leave("a", "one", "Last week the troops left two towns in Syria, officials said.", "2023-05-03"),
        leave("b", "two", "The US withdrawal from Syria is still under way, a Kurdish official said on Tuesday.", "2023-05-09", movement="withdraw"),
    )
    assert [c for c in found if c.kind == "status"] == []
