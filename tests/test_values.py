"""Figures and dates compared: the severity follows the bounds, and each explanation is true of the figures it names."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import example, given
from hypothesis import strategies as st

from troopclaims.datafile import Count
from troopclaims.engine.values import ADJACENT_DAYS, ROUNDING, Figure, Span, compare_figures, compare_spans, figure_of


def fig(qualifier: str = "exact", value: int | None = None, **extra: object) -> Figure:
    return figure_of(Count.model_validate({"qualifier": qualifier, "value": value, **extra}))


def test_around_600_against_around_900_is_hard_and_says_so_truly() -> None:
    verdict = compare_figures(fig("about", 600), fig("about", 900))
    assert verdict.severity == "hard"
    assert "about 600 (510–690) and about 900 (765–1,035)" in verdict.reason
    assert "1.11×" in verdict.reason and "less than" not in verdict.reason


def test_the_same_figure_hedged_differently_is_compatible() -> None:
    assert compare_figures(fig("exact", 400), fig("about", 400)).severity == "compatible"


def test_a_vague_amount_containing_the_other_is_compatible() -> None:
    hundreds = fig("vague", None, text="hundreds", low=200, high=999)
    assert compare_figures(hundreds, fig("more_than", 500)).severity == "compatible"
    assert compare_figures(hundreds, fig("exact", 1200)).severity == "hard"


def test_twelve_thousand_more_than_twelve_thousand_and_over_ten_thousand_agree() -> None:
    figures = [fig("exact", 12000), fig("more_than", 12000), fig("more_than", 10000)]
    for a in figures:
        for b in figures:
            assert compare_figures(a, b).severity == "compatible", (a, b)


qualifiers = st.sampled_from(["exact", "about", "more_than", "at_least", "up_to", "fewer_than"])
figures = st.builds(lambda q, v: fig(q, v), qualifiers, st.integers(min_value=1, max_value=200_000))



@given(figures, figures)
def test_severity_follows_the_bounds_and_the_stated_ratio_is_the_real_one(a: Figure, b: Figure) -> None:
    verdict = compare_figures(a, b)
    literal = (a.high is None or b.low <= a.high) and (b.high is None or a.low <= b.high)
    if verdict.severity == "hard" or (verdict.severity == "soft" and "rounding" in verdict.reason):
        assert not literal
        small, large = (a, b) if a.high is not None and a.high < b.low else (b, a)
        assert small.high is not None
        ratio = large.low / max(small.high, 1)  # 'fewer than 1' tops out at 0; the engine floors the divisor at 1
        assert verdict.ratio is not None and abs(verdict.ratio - ratio) < 0.01
        # bounds on opposite sides of one figure ("more than 1,000" / "fewer than 1,000") exclude each other however close
        assert (ratio <= 1 + ROUNDING) == (verdict.severity == "soft") or "opposite sides" in verdict.reason
    if verdict.severity == "compatible":
        assert literal or a.value == b.value
    for number in (a.value, b.value):
        assert f"{number:,}" in verdict.reason or a.value == b.value


def span(start: date | None, end: date | None, precision: str = "day", kind: str = "point") -> Span:
    value = (start or end or date(2000, 1, 1)).isoformat()
    return Span(value, precision, start, end, kind, "words")


def test_march_and_12_march_are_compatible() -> None:
    march = span(date(2023, 3, 1), date(2023, 3, 31), "month")
    assert compare_spans(march, span(date(2023, 3, 12), date(2023, 3, 12))).severity == "compatible"


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@given(days, st.integers(0, 40), days, st.integers(0, 40))
@example(date(2000, 10, 1), 0, date(2000, 9, 1), 29)  # a month and the day after it: adjacent, so compatible
def test_date_severity_follows_the_gap(a: date, la: int, b: date, lb: int) -> None:
    x, y = span(a, a + timedelta(days=la)), span(b, b + timedelta(days=lb))
    verdict = compare_spans(x, y)
    first, second = sorted([(a, a + timedelta(days=la)), (b, b + timedelta(days=lb))])
    gap = (second[0] - first[1]).days
    # adjacent days agree: one event told across midnight or time zones (values.ADJACENT_DAYS)
    expected = "compatible" if gap <= ADJACENT_DAYS else "hard"
    assert verdict.severity == expected
    if expected == "hard":
        assert f"{gap} days lie between them" in verdict.reason


def test_a_deadline_and_a_start_overlap_or_not() -> None:
    by_may = span(None, date(2023, 5, 31), "month", "deadline")
    assert compare_spans(by_may, span(date(2023, 5, 20), None, "day", "open_interval")).severity == "compatible"
    assert compare_spans(by_may, span(date(2023, 6, 20), None, "day", "open_interval")).severity == "hard"
