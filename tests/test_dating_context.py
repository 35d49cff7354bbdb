"""Dates that put a claim in the wrong place in time (issue 20, class 6). Sentences written for these tests."""

from __future__ import annotations

from troopclaims.datafile import Claim, parse_value
from troopclaims.extraction import extract_article

WEDNESDAY = "2021-03-10"


def dated(text: str, published: str = WEDNESDAY) -> list[tuple[str | None, str | None]]:
    claims: list[Claim] = extract_article(text, source_id="s", published=parse_value(published))
    return [(c.when.text if c.when else None, c.when.value if c.when else None) for c in claims if c.movement]


def test_was_due_to_leave_late_sunday_is_the_sunday_just_past() -> None:
    assert [value for _, value in dated("French troops were due to leave Mali late Sunday.")] == ["2021-03-07"]
    # what is still ahead stays ahead
    assert [value for _, value in dated("French troops are due to leave Mali on Sunday.")] == ["2021-03-14"]


def test_on_the_16th_takes_its_month_from_the_text_before_it() -> None:
    text = "The first French convoy left Gao on March 2, officials said. The last French troops left Mali on the 6th, the army said."
    assert ("on the 6th", "2021-03-06") in dated(text, "2021-03-20")
    # a month named earlier in the article, not the publication's month
    text = "French troops began leaving Mali in February. The last French soldiers left Gao on the 16th, the army said."
    assert ("on the 16th", "2021-02-16") in dated(text, "2021-03-20")


def test_a_photo_caption_date_does_not_date_the_headline() -> None:
    text = "French troops leave Mali AFP file photo taken on 12 January 2019\n\nThe army confirmed the move on Tuesday."
    assert all(value != "2019-01-12" for _, value in dated(text))


def test_a_movement_is_not_given_the_day_it_was_announced() -> None:
    found = dated("President Macron announced on Thursday that French troops would leave Mali.", "2021-03-13")
    assert found == [(None, None)]
    said = dated("The ministry said on Friday that 300 French soldiers left Gao on Wednesday.", "2021-03-13")
    assert said == [("on Wednesday", "2021-03-10")]


def test_a_planned_move_is_not_given_the_day_it_was_said() -> None:
    assert dated("The Pentagon said late Sunday that 2,000 US troops will move to Kuwait.", "2021-03-08") == [(None, None)]


def test_how_long_a_planned_movement_takes_is_its_deadline() -> None:
    claims = extract_article("The French withdrawal from Mali will take three weeks, the minister said.", source_id="s",
                             published=parse_value(WEDNESDAY))
    [claim] = [c for c in claims if c.movement]
    assert claim.when is not None and (claim.when.value, claim.when.kind) == ("2021-03-31", "deadline")
    assert claim.when.text == "will take three weeks"
