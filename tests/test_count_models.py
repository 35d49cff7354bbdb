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
