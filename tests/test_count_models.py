"""Figures that name a model, not a number of people: our own sentences."""

from __future__ import annotations

import pytest

from .test_extract import read


@pytest.mark.parametrize(
    "sentence",
    [
        "Two Mirage 2000-D jets and 80 airmen left the base in Jordan on Tuesday.",
        "A pair of Mirage 2000-5 fighters took off from the French base, the army said.",
    ],
)
def test_a_figure_with_a_letter_or_digit_after_a_hyphen_is_a_model_name(sentence: str) -> None:
    values = [c.count.value for c in read(sentence) if c.count is not None]
    assert 2000 not in values


def test_a_strong_force_is_still_counted() -> None:
    values = [c.count.value for c in read("The 2,000-strong French contingent left Chad on Friday.") if c.count is not None]
    assert 2000 in values


def test_people_counted_in_a_photograph_are_no_force() -> None:
    sentence = "A picture released by the ministry shows four soldiers boarding a helicopter near Agadez."
    assert [c.count.value for c in read(sentence) if c.count is not None and c.kind == "force"] == []


def test_soldiers_wounded_after_an_aside_are_casualties() -> None:
    sentence = "Monday's riot saw 25 peacekeepers — 9 from Poland and 16 from Romania — injured by stones and bottles."
    kinds = {c.count.value: c.kind for c in read(sentence) if c.count is not None}
    assert kinds.get(25) == "casualties"
