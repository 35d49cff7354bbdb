"""Amounts, hedges, units and what numbers measure, on sentences written for these tests."""

from __future__ import annotations

import pytest

from troopclaims.datafile import Amount, find_amounts, has_amount_hint
from troopclaims.datafile.amounts import VAGUE_BOUNDS, parse_amount, parse_number
from troopclaims.datafile.mentions import mentions_number, mentions_words
from troopclaims.extraction import unit_class
from troopclaims.extraction.measures import measure_of
from troopclaims.extraction.units import unit_after


def only(text: str) -> Amount:
    amounts = find_amounts(text)
    assert len(amounts) == 1, amounts
    return amounts[0]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("750", 750),
        ("1,250", 1250),
        ("12,000", 12000),
        ("2\u2009400", 2400),  # thin space as thousands separator
        ("3\u202f500", 3500),  # narrow no-break space
        ("1.5 million", 1_500_000),
        ("2 million", 2_000_000),
        ("a thousand", 1000),
        ("five thousand", 5000),
        ("Five-thousand", 5000),
        ("two hundred and fifty", 250),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("eighteen", 18),
        ("ninety-nine", 99),
        ("three hundred", 300),
    ],
)
def test_numbers_as_digits_and_words(written: str, value: int) -> None:
    amount = only(f"Officials counted {written} of them.")
    assert amount.value == value
    assert amount.qualifier == "exact"
    assert parse_number(written) == value


def test_a_dot_is_a_decimal_point_not_a_separator() -> None:
    assert only("a budget of 5.2 million").value == 5_200_000
    assert parse_number("5.200") == 5  # five point two, not five thousand two hundred


@pytest.mark.parametrize(
    ("phrase", "qualifier", "value"),
    [
        ("about 800", "about", 800),
        ("around 800", "about", 800),
        ("roughly 800", "about", 800),
        ("approximately 800", "about", 800),
        ("some 800", "about", 800),
        ("an estimated 800", "about", 800),
        ("nearly 800", "about", 800),
        ("almost 800", "about", 800),
        ("800 or so", "about", 800),
        ("more than 800", "more_than", 800),
        ("over 800", "more_than", 800),
        ("upwards of 800", "more_than", 800),
        ("just over 800", "more_than", 800),
        ("at least 800", "at_least", 800),
        ("800 or more", "at_least", 800),
        ("up to 800", "up_to", 800),
        ("as many as 800", "up_to", 800),
        ("fewer than 800", "fewer_than", 800),
        ("less than 800", "fewer_than", 800),
        ("under 800", "fewer_than", 800),
    ],
)
def test_hedges(phrase: str, qualifier: str, value: int) -> None:
    amount = only(f"The base now holds {phrase} soldiers.")
    assert (amount.qualifier, amount.value) == (qualifier, value)
    assert amount.text == phrase


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("between 300 and 400", 300, 400),
        ("300 to 400", 300, 400),
        ("300-400", 300, 400),
        ("300\u2013400", 300, 400),
        ("two to three thousand", 2000, 3000),
        ("between five and six hundred", 500, 600),
    ],
)
def test_ranges(phrase: str, low: int, high: int) -> None:
    amount = only(f"Reports put the force at {phrase} marines.")
    assert (amount.qualifier, amount.low, amount.high) == ("range", low, high)


def test_a_backwards_range_is_two_numbers() -> None:
    assert [a.value for a in find_amounts("cut from 5,000 to 3,500")] == [5000, 3500]


def test_an_iso_date_is_not_a_range() -> None:
    assert all(a.qualifier != "range" for a in find_amounts("filed on 2021-04-17 at noon"))


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        ("hundreds of", "hundreds"),
        ("a few hundred", "a few hundred"),
        ("several hundred", "several hundred"),
        ("dozens of", "dozens"),
        ("thousands of", "thousands"),
        ("tens of thousands of", "tens of thousands"),
        ("a few dozen", "a few dozen"),
        ("several thousand", "several thousand"),
        ("a small number of", "a small number"),
    ],
)
def test_vague_amounts_map_to_the_documented_bounds(phrase: str, words: str) -> None:
    amount = only(f"Witnesses saw {phrase} fighters on the road.")
    assert amount.qualifier == "vague"
    assert amount.words == words
    assert (amount.low, amount.high) == VAGUE_BOUNDS[words.lower() if words != "a small number" else "a small number of"]


def test_vague_bounds_table() -> None:
    assert VAGUE_BOUNDS["dozens"] == (24, 99)
    assert VAGUE_BOUNDS["hundreds"] == (200, 999)
    assert VAGUE_BOUNDS["a few hundred"] == (200, 500)
    assert VAGUE_BOUNDS["several hundred"] == (300, 900)
    assert VAGUE_BOUNDS["thousands"] == (2000, 9999)
    for low, high in VAGUE_BOUNDS.values():
        assert low is None or high is None or low <= high


def test_hedge_words_alone_are_not_amounts() -> None:
    assert find_amounts("Some of its soldiers walked over the bridge, about which little is known.") == []


def test_parse_amount_takes_a_whole_amount_only() -> None:
    amount = parse_amount("  about 1,200 ")
    assert amount is not None and (amount.qualifier, amount.value) == ("about", 1200)
    assert parse_amount("about 1,200 troops") is None


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("About 1,000 troops left.", 1000, True),
        ("About 1000 troops left.", 1000, True),
        ("About one thousand troops left.", 1000, True),
        ("About a thousand troops left.", 1000, True),
        ("About 11,000 troops left.", 1000, False),
        ("About 1,000 troops left.", 100, False),
        ("between 300 and 400 marines", 400, True),
        ("between 300 and 400 marines", 350, False),
        ("hundreds of troops", 200, False),  # a vague amount writes no number
        ("the 2.5 million people", 2_500_000, True),
        ("filed 2021-04-17", 17, True),
        ("The $30mln deal", 30_000_000, True),
        ("Five-thousand soldiers", 5000, True),
    ],
)
def test_mentions_number(text: str, number: int, expected: bool) -> None:
    assert mentions_number(text, number) is expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Hundreds of  US troops", "hundreds", True),
        ("a FEW\nhundred soldiers", "a few hundred", True),
        ("a few\u00a0hundred soldiers", "a few hundred", True),
        ("the \u201csmall number\u201d cited", '"small number"', True),
        ("thus it was", "US", False),
        ("several hundred", "several thousand", False),
    ],
)
def test_mentions_words(text: str, words: str, expected: bool) -> None:
    assert mentions_words(text, words) is expected


@pytest.mark.parametrize(
    ("unit", "kind"),
    [
        ("troops", "personnel"), ("soldiers", "personnel"), ("forces", "personnel"),
        ("service members", "personnel"), ("servicemen", "personnel"), ("personnel", "personnel"),
        ("marines", "personnel"), ("sailors", "personnel"), ("airmen", "personnel"), ("fighters", "personnel"),
        ("special forces", "personnel"), ("US special forces", "personnel"),
        ("vehicles", "equipment"), ("armoured vehicles", "equipment"), ("armored vehicles", "equipment"),
        ("trucks", "equipment"), ("tanks", "equipment"), ("convoys", "equipment"), ("aircraft", "equipment"),
        ("people", "other"), ("barrels", "other"), ("civilians", "other"),
    ],
)
def test_unit_class(unit: str, kind: str) -> None:
    assert unit_class(unit) == kind


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("1,000 American troops", "troops"),
        ("35 US armored vehicles", "armored vehicles"),
        ("a 4,000-strong force", "force"),
        ("600 additional combat troops", "troops"),
        ("120 Iran-backed fighters", "fighters"),
        ("90 special forces", "special forces"),
        ("40 members of the security forces", "members"),
    ],
)
def test_unit_after_an_amount(text: str, unit: str) -> None:
    amount = find_amounts(text)[0]
    found = unit_after(text, amount.end)
    assert found is not None and found.text == unit


@pytest.mark.parametrize("text", ["3,000 crossed into Iraq", "500 in total", "300 were said to"])
def test_no_unit_when_a_verb_or_preposition_follows(text: str) -> None:
    assert unit_after(text, find_amounts(text)[0].end) is None


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The package is worth $45 million.", "money"),
        ("It pays 30 million dollars a year.", "money"),
        ("Only 40% of the equipment has left.", "percent"),
        ("Only 40 percent of the equipment has left.", "percent"),
        ("The mission will last 18 months.", "duration"),
        ("They drove for 150 hours.", "duration"),
        ("a 440-kilometre border", "distance"),
        ("a 90 km stretch", "distance"),
        ("The war began in 2011.", "year"),
        ("It happened on March 3 near the border.", "date"),
    ],
)
def test_numbers_that_measure_something_else(text: str, measure: str) -> None:
    amount = find_amounts(text)[0]
    assert measure_of(text, amount) == measure


def test_a_count_measures_nothing_else() -> None:
    text = "Some 2,000 troops remain."
    assert measure_of(text, find_amounts(text)[0]) is None


def test_amount_hint() -> None:
    assert has_amount_hint("dozens of them")
    assert has_amount_hint("item 7")
    assert not has_amount_hint("no figures here at all")
