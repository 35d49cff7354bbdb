"""Counts that used to be lost or misread before they reached the engine (issue 20, class 5).

Every sentence here is written for these tests in news style; none is taken from an article.
"""

from __future__ import annotations

from troopclaims.datafile import Claim, parse_value
from troopclaims.extraction import extract_article, unit_class


def read(text: str) -> list[Claim]:
    return extract_article(text, source_id="story", published=parse_value("2021-03-10"))


def counted(text: str) -> list[tuple[object, ...]]:
    return [
        (c.count.qualifier, c.count.value, c.count.low, c.count.high, unit_class(c.unit or ""))
        for c in read(text)
        if c.count is not None
    ]


def test_a_unit_in_quotation_marks_is_still_the_unit() -> None:
    found = counted('Officials said several thousand "peacekeepers" had crossed into Mali on Tuesday.')
    assert found == [("vague", None, 3000, 9000, "personnel")]
    curly = counted("Officials said about 600 \u201cadvisers\u201d had left Niger by Friday.")
    assert curly == [("about", 600, None, None, "personnel")]


def test_a_strong_body_counts_its_members() -> None:
    assert counted("The 2,000-strong French contingent left Mali on Tuesday, the ministry said.") == [
        ("exact", 2000, None, None, "personnel")
    ]
    assert counted("A 450-strong battalion from Kenya arrived in Haiti on Monday.") == [("exact", 450, None, None, "personnel")]


def test_bodies_without_strong_are_not_head_counts() -> None:
    # "three battalions" counts units, not soldiers
    assert all(c[4] != "personnel" for c in counted("Kenya sent three battalions to Haiti on Monday."))


def test_a_stray_full_stop_does_not_break_a_range() -> None:
    for text in (
        "Between 1,500 and. 2,000 French soldiers left Mali on Tuesday, the ministry said.",
        "About 1,500.-2,000 French soldiers left Mali on Tuesday, the ministry said.",
    ):
        assert counted(text) == [("range", None, 1500, 2000, "personnel")], text


def test_one_of_the_officers_is_a_speaker_not_a_force_of_one() -> None:
    for text in (
        "One of the officers said French troops left Mali on Tuesday.",
        "One of the soldiers said the convoy left Mali on Tuesday.",
    ):
        assert all(c.count is None or c.count.value != 1 for c in read(text)), text


def test_carriers_of_personnel_are_equipment() -> None:
    for text in (
        "The French army moved 40 armoured personnel carriers out of Mali on Tuesday.",
        "The French army moved 40 personnel carriers out of Mali on Tuesday.",
        "Russia sent 30 armoured troop carriers to Mali on Tuesday.",
    ):
        assert [c[4] for c in counted(text)] == ["equipment"], text
    assert unit_class("personnel carriers") == "equipment"
    assert unit_class("troop carriers") == "equipment"
