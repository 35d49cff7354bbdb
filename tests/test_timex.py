"""Tests for the temporal tagger: finding time expressions and normalising them.

The main anchor is Tuesday 22 October 2019 (ISO week 2019-W43), so that the weekday
conventions can be checked on the anchor's own weekday.
"""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from troopclaims.datafile import DateValue, parse_value
from troopclaims.time import Expression, Resolved, find_expressions, guess_tense, resolve, timex, timex_vocab

TUESDAY = parse_value("2019-10-22")
OCTOBER = parse_value("2019-10")
NOVEMBER = parse_value("2019-11")
YEAR_2019 = parse_value("2019")


def value(expression: str, anchor: DateValue | None = TUESDAY, tense: timex.Tense | None = None) -> str | None:
    return resolve(expression, anchor, tense=tense).value


def tagged(text: str) -> list[str]:
    return [e.text for e in find_expressions(text)]


# --- weekdays ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "tense", "expected"),
    [
        ("on Tuesday", None, "2019-10-22"),  # the anchor's own weekday is the anchor (HeidelTime)
        ("on Tuesday", "past", "2019-10-22"),
        ("Tuesday", "past", "2019-10-22"),
        ("on Saturday", None, "2019-10-19"),
        ("on Saturday", "past", "2019-10-19"),
        ("on Wednesday", "past", "2019-10-16"),
        ("last Tuesday", None, "2019-10-15"),
        ("last Tuesday", "future", "2019-10-15"),  # "last" wins over the tense
        ("next Tuesday", None, "2019-10-29"),
        ("next Tuesday", "past", "2019-10-29"),
        ("on Tuesday", "future", "2019-10-29"),  # future: strictly after the anchor
        ("on Saturday", "future", "2019-10-26"),
        ("on Wednesday", "future", "2019-10-23"),
    ],
)
def test_weekday_conventions(expression: str, tense: timex.Tense | None, expected: str) -> None:
    result = resolve(expression, TUESDAY, tense=tense)
    assert (result.value, result.precision, result.kind) == (expected, "day", "point")


def test_weekday_reason_names_the_day() -> None:
    assert resolve("on Tuesday", TUESDAY).reason == "the Tuesday on or before publication (2019-10-22)"


def test_weekday_with_part_of_day() -> None:
    result = resolve("on Monday evening", TUESDAY, tense="past")
    assert (result.value, result.precision) == ("2019-10-21TEV", "part_of_day")
    assert value("Thursday night", TUESDAY, "future") == "2019-10-24TNI"


@pytest.mark.parametrize("anchor", [OCTOBER, YEAR_2019, None])
@pytest.mark.parametrize(
    "expression", ["on Tuesday", "last Tuesday", "today", "yesterday", "last night", "last week", "over the weekend"]
)
def test_day_level_expressions_stay_unresolved_under_a_coarse_anchor(
    expression: str, anchor: DateValue | None
) -> None:
    result = resolve(expression, anchor, tense="past")
    assert (result.value, result.precision) == (None, None)
    assert result.reason


def test_coarse_anchor_reason_shows_the_competing_answers() -> None:
    reason = resolve("on Tuesday", OCTOBER).reason
    assert "2019-10-01" in reason and "2019-10-29" in reason


# --- days and parts of days ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected", "precision"),
    [
        ("today", "2019-10-22", "day"),
        ("earlier today", "2019-10-22", "day"),
        ("yesterday", "2019-10-21", "day"),
        ("tomorrow", "2019-10-23", "day"),
        ("the day before yesterday", "2019-10-20", "day"),
        ("last night", "2019-10-21TNI", "part_of_day"),
        ("tonight", "2019-10-22TNI", "part_of_day"),
        ("this morning", "2019-10-22TMO", "part_of_day"),
        ("this afternoon", "2019-10-22TAF", "part_of_day"),
        ("this evening", "2019-10-22TEV", "part_of_day"),
        ("yesterday morning", "2019-10-21TMO", "part_of_day"),
        ("tomorrow evening", "2019-10-23TEV", "part_of_day"),
    ],
)
def test_day_words(expression: str, expected: str, precision: str) -> None:
    result = resolve(expression, TUESDAY)
    assert (result.value, result.precision, result.kind) == (expected, precision, "point")


# --- weeks, months, years ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected", "precision"),
    [
        ("last week", "2019-W42", "week"),
        ("this week", "2019-W43", "week"),
        ("earlier this week", "2019-W43", "week"),
        ("next week", "2019-W44", "week"),
        ("last month", "2019-09", "month"),
        ("this month", "2019-10", "month"),
        ("earlier this month", "2019-10", "month"),
        ("next month", "2019-11", "month"),
        ("last year", "2018", "year"),
        ("this year", "2019", "year"),
        ("later this year", "2019", "year"),
    ],
)
def test_calendar_units(expression: str, expected: str, precision: str) -> None:
    result = resolve(expression, TUESDAY)
    assert (result.value, result.precision, result.kind) == (expected, precision, "point")


def test_calendar_units_across_a_year_boundary() -> None:
    new_year = parse_value("2020-01-03")
    assert value("last week", new_year) == "2019-W52"
    assert value("last month", new_year) == "2019-12"
    assert value("last year", new_year) == "2019"


def test_month_anchor_resolves_what_it_can() -> None:
    assert value("earlier this month", OCTOBER) == "2019-10"
    assert value("last month", OCTOBER) == "2019-09"
    assert value("last year", OCTOBER) == "2018"
    assert value("in 2014", OCTOBER) == "2014"
    assert value("in December 2018", OCTOBER) == "2018-12"
    assert value("last week", OCTOBER) is None
    assert value("last year", YEAR_2019) == "2018"
    assert value("last month", YEAR_2019) is None


# --- weekends and vague recent spans -------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "anchor", "tense", "expected"),
    [
        ("over the weekend", "2019-10-22", None, "2019-W42"),  # Tuesday: the weekend just gone
        ("the weekend", "2019-10-21", "past", "2019-W42"),  # Monday
        ("over the weekend", "2019-10-20", None, "2019-W42"),  # Sunday: the weekend under way
        ("last weekend", "2019-10-20", None, "2019-W41"),
        ("this weekend", "2019-10-22", "future", "2019-W43"),
        ("next weekend", "2019-10-19", None, "2019-W43"),  # Saturday: not the one under way
    ],
)
def test_weekend_is_the_iso_week_of_its_saturday(
    expression: str, anchor: str, tense: timex.Tense | None, expected: str
) -> None:
    result = resolve(expression, parse_value(anchor), tense=tense)
    assert (result.value, result.precision, result.kind) == (expected, "week", "point")
    assert "Saturday" in result.reason


@pytest.mark.parametrize(
    ("expression", "anchor", "expected"),
    [
        ("in recent days", TUESDAY, "2019-W43"),
        ("in the past few days", TUESDAY, "2019-W43"),
        ("in recent weeks", TUESDAY, "2019-10"),
        ("during the recent weeks", TUESDAY, "2019-10"),
        ("during the recent weeks", OCTOBER, "2019-10"),
        ("in recent months", TUESDAY, "2019"),
    ],
)
def test_vague_recent_spans_are_the_publication_week_or_month(
    expression: str, anchor: DateValue, expected: str
) -> None:
    result = resolve(expression, anchor)
    assert (result.value, result.kind) == (expected, "point")
    assert "vague recent span" in result.reason


def test_vague_recent_days_need_a_day_anchor() -> None:
    assert value("in recent days", OCTOBER) is None


@pytest.mark.parametrize(
    ("expression", "anchor", "expected"),
    [
        ("over the past three days", "2019-10-22", "2019-10"),  # Sat..Tue crosses a week boundary
        ("over the past three days", "2019-10-25", "2019-W43"),  # Tue..Fri fits in one week
        ("for the past five days", "2019-10-27", "2019-W43"),
        ("in the past 24 hours", "2019-10-25", "2019-W43"),
        ("over the past two months", "2019-10-22", "2019"),
        ("over the past three days", "2020-01-01", None),  # spans two years: nothing holds it
    ],
)
def test_counted_recent_spans_take_the_smallest_unit_holding_them(
    expression: str, anchor: str, expected: str | None
) -> None:
    assert value(expression, parse_value(anchor)) == expected


def test_ago() -> None:
    assert value("two weeks ago") == "2019-W41"
    assert value("three days ago") == "2019-10-19"
    assert value("a year ago") == "2018"


# --- absolute dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("October 9", "2019-10-09"),
        ("on October 9", "2019-10-09"),
        ("9 October", "2019-10-09"),
        ("on 9th October", "2019-10-09"),
        ("Oct. 9", "2019-10-09"),
        ("OCT 9", "2019-10-09"),
        ("in October", "2019-10"),
        ("in mid-October", "2019-10"),
        ("in late October", "2019-10"),
        ("in December", "2018-12"),
        ("in Sept.", "2019-09"),
    ],
)
def test_dates_without_a_year_take_the_latest_not_after_the_anchor(expression: str, expected: str) -> None:
    result = resolve(expression, TUESDAY)
    assert (result.value, result.kind) == (expected, "point")
    assert result.precision == parse_value(expected).precision


def test_future_tense_looks_ahead_for_dates_without_a_year() -> None:
    assert value("October 30", TUESDAY, "future") == "2019-10-30"
    assert value("October 9", TUESDAY, "future") == "2019-10-09"  # 13 days back is nearer than 352 ahead
    assert value("August 9", TUESDAY, "future") == "2020-08-09"
    assert value("in December", TUESDAY, "future") == "2019-12"
    assert value("in October", TUESDAY, "future") == "2019-10"  # not over yet


def test_february_29_finds_a_leap_year() -> None:
    assert value("February 29", TUESDAY) == "2016-02-29"
    assert value("February 30", TUESDAY) is None


@pytest.mark.parametrize(
    ("expression", "expected", "precision"),
    [
        ("October 9, 2019", "2019-10-09", "day"),
        ("Oct. 9, 2019", "2019-10-09", "day"),
        ("9 October 2019", "2019-10-09", "day"),
        ("in December 2018", "2018-12", "month"),
        ("December 2018", "2018-12", "month"),
        ("in 2014", "2014", "year"),
        ("2014", "2014", "year"),
        ("in early 2014", "2014", "year"),
        ("2019-10-22", "2019-10-22", "day"),
    ],
)
def test_dates_with_their_own_year_need_no_anchor(expression: str, expected: str, precision: str) -> None:
    result = resolve(expression, None)
    assert (result.value, result.precision, result.kind) == (expected, precision, "point")


def test_month_anchor_and_days_of_month() -> None:
    assert value("October 9", NOVEMBER) == "2019-10-09"
    # published on the 1st or the 31st, the nearest 9 October is this year's: a year-old day would carry its year
    assert value("October 9", OCTOBER) == "2019-10-09"
    assert value("in October", OCTOBER) == "2019-10"


@pytest.mark.parametrize(
    ("expression", "tense", "expected"),
    [
        ("October 30", None, "2019-10-30"),  # eight days ahead, not 357 days back
        ("on Oct. 30", "past", "2019-10-30"),  # a tense misread from a nearby verb loses to the calendar
        ("9 October", "future", "2019-10-09"),  # thirteen days back, not 352 ahead
        ("on October 9", None, "2019-10-09"),
        ("on March 3", "past", "2019-03-03"),  # 233 days back, but 133 ahead is no nearer call: the tense decides
        ("on August 1", "past", "2019-08-01"),
        ("on April 20", "future", "2020-04-20"),
    ],
)
def test_a_day_without_its_year_within_two_months_wins_over_one_the_tense_puts_over_half_a_year_away(
    expression: str, tense: timex.Tense | None, expected: str
) -> None:
    result = resolve(expression, TUESDAY, tense=tense)
    assert (result.value, result.precision) == (expected, "day")


# --- open intervals and deadlines ----------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("since October 9", "2019-10-09"),
        ("since 2014", "2014"),
        ("ever since 2014", "2014"),
        ("since Monday evening", "2019-10-21TEV"),
        ("since last week", "2019-W42"),
        ("since the start of the month", "2019-10-01"),
        ("since December 2018", "2018-12"),
    ],
)
def test_open_intervals(expression: str, expected: str) -> None:
    result = resolve(expression, TUESDAY, tense="future")  # "since" looks back whatever the tense
    assert (result.value, result.kind) == (expected, "open_interval")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("within four weeks", "2019-11-19"),
        ("within 30 days", "2019-11-21"),
        ("within a week", "2019-10-29"),
        ("within 48 hours", "2019-10-24"),
        ("within two months", "2019-12-22"),
        ("within the next four weeks", "2019-11-19"),
        ("in the next two weeks", "2019-11-05"),
        ("over the next three days", "2019-10-25"),
        ("by the end of the month", "2019-10-31"),
        ("by the end of the week", "2019-10-27"),
        ("by the end of the year", "2019-12-31"),
        ("by the end of 2020", "2020-12-31"),
        ("by November 20", "2019-11-20"),
        ("until Friday", "2019-10-25"),
        ("no later than November 20", "2019-11-20"),
    ],
)
def test_deadlines_carry_the_end_date(expression: str, expected: str) -> None:
    result = resolve(expression, TUESDAY)
    assert (result.value, result.precision, result.kind) == (expected, "day", "deadline")


@pytest.mark.parametrize(("expression", "expected"), [("at least ten days", "2019-11-01"), ("at least two weeks", "2019-11-05")])
def test_a_minimum_duration_opens_an_interval_after_it(expression: str, expected: str) -> None:
    # "The withdrawal will take at least ten days": not done before publication + ten days.
    result = resolve(expression, TUESDAY)
    assert (result.value, result.kind) == (expected, "open_interval")
    assert result.reason.startswith("not before: anchor + ")


def test_at_least_a_number_of_troops_is_no_date() -> None:
    assert resolve("at least 114", TUESDAY).value is None


def test_deadline_reason() -> None:
    assert resolve("within four weeks", TUESDAY).reason.startswith("deadline: anchor + 4 weeks")


@pytest.mark.parametrize(
    ("word", "n"),
    [("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
     ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("twenty-one", 21)],
)  # fmt: skip
def test_number_words_in_durations(word: str, n: int) -> None:
    assert value(f"within {word} days") == (date(2019, 10, 22) + timedelta(days=n)).isoformat()


@pytest.mark.parametrize("expression", ["within a few weeks", "within several days", "in the coming days", "within days"])
def test_vague_deadlines_are_unresolved(expression: str) -> None:
    result = resolve(expression, TUESDAY)
    assert (result.value, result.precision, result.kind) == (None, None, "deadline")


def test_deadline_under_a_month_anchor_is_coarser() -> None:
    assert resolve("within 30 days", parse_value("2019-06")).value == "2019-07"  # 1 Jul .. 30 Jul
    result = resolve("within four weeks", OCTOBER)
    assert (result.value, result.precision, result.kind) == ("2019", "year", "deadline")
    assert value("by the end of the month", OCTOBER) == "2019-10-31"


def test_in_a_duration_is_a_date_only_in_the_future() -> None:
    assert value("in two weeks", TUESDAY, "future") == "2019-W45"
    assert value("in two weeks", TUESDAY, "past") is None
    assert value("for five years") is None


# --- resolve's input handling --------------------------------------------------------------


def test_resolve_is_case_insensitive_and_tolerates_punctuation() -> None:
    assert value("LAST WEEK") == "2019-W42"
    assert value("on tuesday") == "2019-10-22"
    assert value("  Oct.  9, ") == "2019-10-09"
    assert value("Tuesday's") == "2019-10-22"


def test_unknown_text_is_unresolved_not_an_error() -> None:
    assert resolve("the troops", TUESDAY) == Resolved(None, None, "point", "not a time expression: 'the troops'")


# --- finding -------------------------------------------------------------------------------

REPORT = (
    "The ministry said on Tuesday that a column of 150 vehicles had crossed the border since "
    "Monday evening. Last night, officials said, some 1,000 troops reached the M-4 highway, "
    "and a spokesman added that the rest will pull out within four weeks, by November 20."
)


def test_find_expressions_in_a_report() -> None:
    assert tagged(REPORT) == ["on Tuesday", "since Monday evening", "Last night", "within four weeks", "by November 20"]


def test_spans_slice_the_text_exactly() -> None:
    for expression in find_expressions(REPORT):
        assert REPORT[expression.start : expression.end] == expression.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks resumed earlier this month in Geneva.", ["earlier this month"]),
        ("Convoys moved over the weekend and in the past few days.", ["over the weekend", "in the past few days"]),
        ("Shelling continued over the past three days.", ["over the past three days"]),
        ("During the recent weeks the garrison grew.", ["During the recent weeks"]),
        ("In December 2018, the president announced a pullout.", ["In December 2018"]),
        ("The base opened on Oct. 9, 2019, near the river.", ["on Oct. 9, 2019"]),
        ("Fighting flared in mid-October and again on 9 October.", ["in mid-October", "on 9 October"]),
        ("The force arrived in 2014 and has stayed since 2014.", ["in 2014", "since 2014"]),
        ("It was the summer of 2014.", ["2014"]),
        ("Troops left last Tuesday and return next week.", ["last Tuesday", "next week"]),
        ("Two weeks ago the airport closed.", ["Two weeks ago"]),
        ("The order, dated 2019-10-22, was leaked.", ["2019-10-22"]),
        ("They must leave by the end of the month.", ["by the end of the month"]),
        ("Reinforcements are due in the next two weeks.", ["in the next two weeks"]),
        ("Troops will leave in May.", ["in May"]),
        ("Strikes hit the town yesterday and this morning.", ["yesterday", "this morning"]),
    ],
)
def test_finds_expressions(text: str, expected: list[str]) -> None:
    assert tagged(text) == expected


def test_longest_match_wins() -> None:
    assert tagged("Clashes went on since Monday evening.") == ["since Monday evening"]
    assert tagged("The deadline is within the next four weeks.") == ["within the next four weeks"]
    assert tagged("Leaflets fell on October 9, 2019.") == ["on October 9, 2019"]


@pytest.mark.parametrize(
    "text",
    [
        "About 1,000 troops remain.",
        "The figure rose to 5,200.",
        "Each round costs $38.",
        "The militia claims 120,000 members.",
        "A convoy of 150 vehicles left.",
        "They control the M-4 highway.",
        "A force of 2000 troops gathered.",
        "The attack was carried out by 2000 Kurdish fighters.",
        "2014 troops is the figure the ministry gave.",
        "The brigade took its name in 1850.",
        "They may 10 times have tried.",
        "Troops may leave, the minister said.",
        "The war has lasted for five years.",
        "The next day, the convoy turned back.",
        "The march on the capital stalled.",
        "Unemployment stood at 2019 percent.",
        "Troops stayed for days.",
    ],
)
def test_numbers_and_words_that_are_not_dates(text: str) -> None:
    assert tagged(text) == []


PIECES = [
    "on Tuesday", " ", "since October 9", ", ", "1,000 troops", "in 2014", " last night ", "$38",
    "within four weeks", "Monday evening", "the weekend", "x", "over the past three days", "\n", "Oct. 9, 2019",
]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_found_spans_slice_exactly_and_never_overlap(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = find_expressions(text)
    assert all(text[e.start : e.end] == e.text and e.text for e in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert all(resolve(e.text, TUESDAY).reason for e in found)


WORDS = ["on", "since", "in", "by", "within", "the", "last", "next", "Tuesday", "October", "Oct.", "9", "2014",
         "1,000", "weeks", "few", "ago", "evening", "weekend", "past", "May", "may", "of", ",", ".", "  ", "-"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=4), max_size=15), st.sampled_from([None, "past", "future"]))
def test_any_text_is_tagged_and_resolved_without_errors(words: list[str], tense: timex.Tense | None) -> None:
    text = " ".join(words)
    found = find_expressions(text)
    assert all(text[e.start : e.end] == e.text for e in found)
    for expression in found:
        result = resolve(expression.text, TUESDAY, tense=tense)
        assert result.reason and "not a time expression" not in result.reason
        assert (result.value is None) == (result.precision is None)


def test_invalid_iso_dates_are_not_tagged() -> None:
    assert tagged("Ticket 2019-13-45 was filed.") == []


def test_everything_found_is_resolvable() -> None:
    for expression in find_expressions(REPORT):
        assert resolve(expression.text, TUESDAY, tense="past").value is not None, expression


# --- tense ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The army said the convoy left on Tuesday.", "past"),
        ("The base was empty by Friday.", "past"),
        ("They had already gone.", "past"),
        ("The troops will leave on Tuesday.", "future"),
        ("The ministry is going to reopen the crossing.", "future"),
        ("Washington plans to send more engineers.", "future"),
        ("The unit is expected to arrive next week.", "future"),
        ("They'll be home by Christmas.", "future"),
        ("Troops patrol the town.", None),
        ("Officials said the troops will leave on Friday.", None),  # mixed, no position given
    ],
)
def test_guess_tense(sentence: str, expected: str | None) -> None:
    assert guess_tense(sentence) == expected


def test_guess_tense_uses_the_nearest_marker_in_a_mixed_sentence() -> None:
    sentence = "He said on Tuesday that the troops will leave on Friday."
    assert guess_tense(sentence, at=sentence.index("on Tuesday")) == "past"
    assert guess_tense(sentence, at=sentence.index("on Friday")) == "future"


# --- no clock, no heavy imports ------------------------------------------------------------


def test_results_depend_on_the_anchor_not_on_the_clock() -> None:
    assert value("yesterday", parse_value("1950-03-01")) == "1950-02-28"
    assert value("last year", parse_value("2090-06")) == "2089"
    assert value("on Tuesday", parse_value("2090-01-05")) == "2090-01-03"
    assert value("within four weeks", parse_value("1950-12-20")) == "1951-01-17"
    assert value("in October", parse_value("1950-10-22")) == "1950-10"


def test_module_never_reads_the_clock() -> None:
    for module in (timex, timex_vocab):
        tree = ast.parse(inspect.getsource(module))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not imported & {"time", "calendar", "dateutil", "dateutil.parser"}
        attributes = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
        assert not attributes & {"today", "now", "utcnow", "time", "localtime", "gmtime"}


def test_timex_imports_neither_pydantic_nor_click_nor_rich() -> None:
    code = "import sys, troopclaims.time.timex; print(sorted({m.split('.')[0] for m in sys.modules}))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert not {"pydantic", "click", "rich", "dateutil"} & set(eval(loaded))


RELATIVE = [
    "on Tuesday", "last Tuesday", "next Saturday", "on Monday evening", "today", "yesterday", "last night",
    "tonight", "this morning", "last week", "this week", "next week", "last month", "earlier this month",
    "last year", "this year", "over the weekend", "in recent days", "in the past few days",
    "over the past three days", "in recent weeks", "October 9", "in October", "in mid-October",
    "since October 9", "within four weeks", "within 30 days", "in the next two weeks",
    "by the end of the month", "by November 20", "two weeks ago", "February 29",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(min_value=date(1901, 1, 1), max_value=date(2098, 12, 31)),
    precision=st.sampled_from(["day", "month", "year"]),
    tense=st.sampled_from([None, "past", "future"]),
)
def test_resolution_is_deterministic_and_near_the_anchor(
    day: date, precision: str, tense: timex.Tense | None
) -> None:
    anchor = parse_value({"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[precision])
    for expression in RELATIVE:
        first = resolve(expression, anchor, tense=tense)
        assert first == resolve(expression, anchor, tense=tense)
        if first.value is None:
            assert first.precision is None
            continue
        result = parse_value(first.value)
        assert first.precision == result.precision
        # "last year" starts up to two years back; 29 February may lie eight years back.
        limit = timedelta(days=366 * (8 if expression == "February 29" else 2) + 31)
        assert anchor.start - limit <= result.start and result.end <= anchor.end + limit, (expression, first)
        if precision == "day" and first.kind == "point" and tense != "future" and "next" not in expression:
            # a named day may lie just ahead when the tense's choice is half a year back
            ahead = timedelta(days=timex.NEAR_DAYS if "nearest" in first.reason else 0)
            assert result.start <= anchor.end + ahead, (expression, first)


def test_expression_dataclass_is_frozen() -> None:
    expression = Expression(0, 3, "now")
    with pytest.raises(AttributeError):
        expression.start = 1  # type: ignore[misc]
