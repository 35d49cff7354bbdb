"""Datelines and bylines in the first lines of an article copied as text: one test per form.

Every line here was written for these tests, in the style of the forms seen on news sites and wires.
"""

from __future__ import annotations

from datetime import date

import pytest

from troopclaims.intake import read_header

BODY = "\n\nAbout 300 soldiers left the garrison town on Monday, the regional governor said.\n"


@pytest.mark.parametrize(
    ("line", "day", "time"),
    [
        ("Feb 17, 2022", date(2022, 2, 17), None),
        ("November 11, 2022 18:42", date(2022, 11, 11), "18:42"),
        ("14 February 2024", date(2024, 2, 14), None),
        ("2024-02-14T09:30:00Z", date(2024, 2, 14), "09:30:00Z"),
        ("Feb. 14, 2024 | Reuters", date(2024, 2, 14), None),
        ("Published: 2019-10-22", date(2019, 10, 22), None),
        ("Posted on 3 March 2021", date(2021, 3, 3), None),
        ("Wednesday, February 2, 2022", date(2022, 2, 2), None),
        ("Sept. 9, 2023 at 7:05 p.m. EDT", date(2023, 9, 9), "19:05 EDT"),
        ("Oct. 01, 2022 15:37 PM EDT", date(2022, 10, 1), "15:37 EDT"),
        ("March 4, 2021 / 8:17 PM / Updated 2 hours ago", date(2021, 3, 4), "20:17"),
        ("Wed, 5 Mar 2025 08:41:09 GMT", date(2025, 3, 5), "08:41:09 GMT"),
        ("11 December, 2024", date(2024, 12, 11), None),
        ("Publish date : 2025-01-25 19:48:00", date(2025, 1, 25), "19:48:00"),
        ("2023-06-30T23:05:00+03:00", date(2023, 6, 30), "23:05:00+03:00"),
    ],
)
def test_a_dateline_gives_the_day_and_the_time_as_written(line: str, day: date, time: str | None) -> None:
    header = read_header(f"Garrison town empties as soldiers leave\n{line}{BODY}")
    assert header.dated is not None
    assert (header.dated.day, header.dated.time, header.dated.line) == (day, time, 2)
    assert header.title == "Garrison town empties as soldiers leave"


def test_a_date_in_the_story_is_not_the_publication_date() -> None:
    text = (
        "Garrison town empties\n"
        "On February 14, 2024 the government announced that all of its soldiers would leave the northern province.\n"
    )
    assert read_header(text).dated is None


def test_a_date_without_a_year_dates_nothing() -> None:
    assert read_header("Aug. 30 (UPI) -- The last soldiers left the base on Monday, officials said.").dated is None


def test_the_published_date_wins_over_an_update() -> None:
    header = read_header("Garrison town empties\nUpdated: 15 Feb 2024, 10:00 GMT\nPublished: 14 Feb 2024" + BODY)
    assert header.dated is not None and header.dated.day == date(2024, 2, 14) and not header.dated.updated


def test_an_update_alone_is_used_and_marked() -> None:
    header = read_header("Garrison town empties\nLast updated 15 February 2024" + BODY)
    assert header.dated is not None and header.dated.day == date(2024, 2, 15) and header.dated.updated


def test_a_date_glued_to_the_title_comes_off_it() -> None:
    header = read_header("Convoy crosses the border: officialsWed, 5 Mar 2025 08:41:09 GMT" + BODY)
    assert header.dated is not None and header.dated.day == date(2025, 3, 5)
    assert header.title == "Convoy crosses the border: officials"


def test_an_impossible_date_is_no_date() -> None:
    assert read_header("Garrison town empties\nFebruary 30, 2024" + BODY).dated is None


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("KYIV, Ukraine (AP) — About 300 soldiers left the town on Monday.", "AP"),
        ("WASHINGTON (Reuters) - About 300 soldiers left the town on Monday.", "Reuters"),
        ("(Reuters) - About 300 soldiers left the town on Monday.", "Reuters"),
        ("MOSCOW (TASS): About 300 soldiers left the town on Monday.", "TASS"),
        ("Aug. 30 (UPI) -- About 300 soldiers left the town on Monday.", "UPI"),
        ("MOSCOW, Feb 17 (Reuters) - About 300 soldiers left the town on Monday.", "Reuters"),
    ],
)
def test_a_wire_dateline_names_the_agency(line: str, agency: str) -> None:
    header = read_header(f"Garrison town empties\n\n{line}\n")
    assert header.agency == agency


def test_a_story_that_opens_with_its_dateline_is_titled_by_its_first_sentence() -> None:
    text = "KYIV, Ukraine (AP) — About 300 soldiers left the town on Monday. Officials said more would follow.\n\nLater text.\n"
    assert read_header(text).title == "About 300 soldiers left the town on Monday"


def test_a_single_letter_in_brackets_is_no_agency() -> None:
    assert read_header("Garrison town empties\n\nPresident Ann Lee (R) - seen here at the base - said the soldiers would stay.\n").agency is None


@pytest.mark.parametrize(
    ("line", "author", "agency"),
    [
        ("By Jane Roe | AFP", "Jane Roe", "AFP"),
        ("By Jane Roe and Omar Haddad | AFP", "Jane Roe and Omar Haddad", "AFP"),
        ("By Jane Roe, Reuters", "Jane Roe", "Reuters"),
        ("By Jane Roe, Defence Correspondent", "Jane Roe", None),
        ("By Jane Roe", "Jane Roe", None),
        ("Author : Jane Roe", "Jane Roe", None),
    ],
)
def test_a_byline_gives_the_author_and_the_agency(line: str, author: str, agency: str | None) -> None:
    header = read_header(f"Garrison town empties\n{line}{BODY}")
    assert (header.author, header.agency) == (author, agency)
    assert header.title == "Garrison town empties"


def test_an_outlet_named_on_the_date_line() -> None:
    assert read_header("Garrison town empties\nFeb. 14, 2024 | Reuters" + BODY).outlet == "Reuters"
    assert read_header("- The Evening Courier - Wednesday, February 2, 2022" + BODY).outlet == "The Evening Courier"


def test_a_photo_credit_names_no_agency() -> None:
    header = read_header("Garrison town empties\nSoldiers board a plane at the air base. JANE ROE/AFP/Getty Images" + BODY)
    assert (header.agency, header.outlet) == (None, None)


def test_a_source_link_line_gives_the_url() -> None:
    header = read_header("Garrison town empties\nSource link : https://news.example/2025/jan/25/garrison\n" + BODY)
    assert header.url == "https://news.example/2025/jan/25/garrison"


def test_an_article_with_no_header_says_nothing() -> None:
    header = read_header("Garrison town empties" + BODY)
    assert (header.dated, header.author, header.agency, header.outlet, header.url) == (None, None, None, None, None)
    assert header.title == "Garrison town empties"
