"""Words for people in the report: dates as a reader writes them, claims as a short phrase, the densest period."""

from __future__ import annotations

import datetime

import pytest

from troopclaims.datafile import Claim, Count
from troopclaims.present.report import densest, period_words
from troopclaims.present.wording import claim_phrase, human_date, humanize_dates


@pytest.mark.parametrize(
    ("value", "kind", "words"),
    [
        ("2019", "point", "2019"),
        ("2019-10", "point", "Oct 2019"),
        ("2019-W42", "point", "week of 14 Oct 2019"),
        ("2019-10-22", "point", "22 Oct 2019"),
        ("2019-10-19TNI", "point", "night of 19 Oct 2019"),
        ("2019-10-19TMO", "point", "morning of 19 Oct 2019"),
        ("2019-10-09", "open_interval", "since 9 Oct 2019"),
        ("2019-11-20", "deadline", "by 20 Nov 2019"),
        ("2020-W01", "point", "week of 30 Dec 2019"),
    ],
)
def test_human_date(value: str, kind: str, words: str) -> None:
    assert human_date(value, kind) == words


def test_a_value_that_is_not_a_date_is_left_as_it_is() -> None:
    assert human_date("yesterday") == "yesterday"


def test_dates_inside_the_engines_sentences_are_written_for_people() -> None:
    text = "the claims are up to 12 months apart (2019-10-19TNI to 2020-11); 1,000 and 2019 stay"
    assert humanize_dates(text) == "the claims are up to 12 months apart (night of 19 Oct 2019 to Nov 2020); 1,000 and 2019 stay"


def _claim(**fields: object) -> Claim:
    return Claim.model_validate({"id": "c1", "source": "s", "quote": "q", **fields})


def test_claim_phrase_has_no_question_marks_for_a_missing_origin() -> None:
    phrase = claim_phrase(_claim(actor="US", movement="return", destination="home", modality="plan"))
    assert phrase == "US: forces return home (plan)" and "?" not in phrase
    moved = claim_phrase(_claim(actor="Danish", count=Count(qualifier="about", value=400), unit="soldiers", movement="move",
                                origin="Tapa", destination="Latvia"))
    assert moved == "Danish: about 400 soldiers move from Tapa to Latvia"
    assert claim_phrase(_claim(actor="US", movement="withdraw", origin="Syria", polarity="denied")) == "US: forces did not withdraw from Syria"


class _Row:
    def __init__(self, start: datetime.date, days: int = 0, basis: str = "data file") -> None:
        self.start, self.end, self.basis = start, start + datetime.timedelta(days=days), basis


def test_densest_finds_the_busiest_two_weeks_among_claims_dated_to_a_day_or_week() -> None:
    day = datetime.date(2023, 3, 1)
    rows = [_Row(day - datetime.timedelta(days=400))]
    rows += [_Row(day + datetime.timedelta(days=d)) for d in (0, 3, 5, 9, 12)]
    rows += [_Row(day + datetime.timedelta(days=60)), _Row(day, days=30), _Row(day + datetime.timedelta(days=90), basis="publication")]
    first, last, count = densest(rows)  # type: ignore[arg-type]
    assert (first, last, count) == (day, day + datetime.timedelta(days=12), 5)
    assert period_words(first, last) == "1 – 13 Mar 2023"
    assert densest([]) is None
