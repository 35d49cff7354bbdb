"""The engine on the classes of issue 20: what a careful reader flags, and what only looks like a dispute.

Every claim here is built in code from news-style sentences written for these tests; none comes from an article.
"""

from __future__ import annotations

from troopclaims.engine import Figure
from troopclaims.engine.values import compare_figures

from .test_compare import conflicts, move


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
