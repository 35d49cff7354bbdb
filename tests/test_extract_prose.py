"""The extractor on prose it was not built from: one or more sentences written here for each failure class
of issue 12, classes 1 to 4 (hard wrapping, attribution, counts, destinations); the rest is in
test_extract_prose_more.py.
No article text is copied here.
"""

from __future__ import annotations

import pytest

from troopclaims.datafile import Claim

from .test_extract import one, read


def counted(claims: list[Claim]) -> list[tuple[str, object, object, object]]:
    return [(c.kind, c.count.value, c.count.low, c.count.high) for c in claims if c.count is not None]


# --- 1. hard-wrapped text -----------------------------------------------------------------------------------

WRAPPED = (
    "The defence ministry said on Tuesday that it had moved between 400\n"
    "and 600 troops to Kuwait over the weekend, a spokesman for the army\n"
    "said, adding that the move was temporary and that no date had been set\n"
    "for their return to their barracks in the south of the country.\n"
)


def test_a_range_broken_over_two_lines_is_one_range() -> None:
    claim = one(WRAPPED)
    assert claim.count is not None and (claim.count.qualifier, claim.count.low, claim.count.high) == ("range", 400, 600)
    assert claim.destination == "Kuwait"


def test_the_quote_spans_the_line_break_verbatim() -> None:
    claim = one(WRAPPED)
    assert "between 400\nand 600" in claim.quote


def test_a_speaker_whose_verb_falls_on_the_next_line() -> None:
    text = ("Some 1,200 British soldiers will leave Basra by the end of the month, Defence Secretary Adam Croft\n"
            "told parliament on Wednesday.\n")
    claim = one(text)
    assert claim.speaker == "Adam Croft"


def test_a_killed_soldier_on_the_next_line_is_a_casualty() -> None:
    text = ("Officials in the province said that at least 14 soldiers\n"
            "were killed when their convoy was ambushed near Kirkuk.\n")
    assert one(text).kind == "casualties"


def test_a_wrapped_block_joins_lines_that_start_with_a_capital() -> None:
    text = ("The army has begun moving about 3,000 troops out of the border districts and\n"
            "towards the capital, according to two officials who spoke to the Associated\n"
            "Press on condition of anonymity because they were not allowed to brief on\n"
            "the operation. Defence Minister Omar Haddad\n"
            "said the redeployment would be finished by Friday.\n")
    claims = read(text)
    assert [c.count.value for c in claims if c.count is not None] == [3000]


def test_headlines_and_paragraph_lines_stay_apart() -> None:
    text = "Troops leave the north\nAbout 500 US troops left Kirkuk on Monday.\nOfficials said the base was closed.\n"
    quotes = [c.quote for c in read(text)]
    assert "About 500 US troops left Kirkuk on Monday." in quotes
    assert all("\n" not in quote for quote in quotes)


# --- 2. attribution -----------------------------------------------------------------------------------------

def test_title_and_name_after_a_clause_ending_in_a_place() -> None:
    text = ("About 2,000 US troops would remain to counter the resurgence of the militants in Iraq, "
            "Defense Secretary Jane Doe said Sunday.")
    claim = one(text)
    assert claim.speaker == "Jane Doe"
    assert claim.speaker_role == "Defense Secretary"


def test_despite_x_saying_is_not_part_of_the_title() -> None:
    text = "Despite Prime Minister Ali Karim saying that 500 soldiers would leave Syria, the army says they are staying."
    claim = read(text)[0]
    assert claim.speaker == "Ali Karim"
    assert claim.speaker_role == "Prime Minister"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Pentagon rejected Interior Minister Ali Karim's assertion that 500 US troops had left Syria.",
        "In response to Interior Minister Ali Karim's comments that 500 US troops had left Syria, the Pentagon declined to comment.",
        "Interior Minister Ali Karim's claim that 500 US troops had left Syria was denied by the Pentagon.",
    ],
)
def test_the_words_of_a_possessive_assertion_are_the_possessors(sentence: str) -> None:
    claim = one(sentence)
    assert claim.speaker == "Ali Karim"


def test_the_minister_resolves_to_the_holder_of_that_title() -> None:
    text = ("Defence Minister Omar Haddad met General Sami Nour in Baghdad on Monday. Nour briefed him on the border.\n"
            "The minister said 1,500 Iraqi soldiers would move to Mosul.\n")
    claims = read(text)
    assert [c.speaker for c in claims] == ["Omar Haddad"]


def test_the_president_resolves_to_the_president_named_in_apposition() -> None:
    text = ("Ali Karim, the country's president, met the army chief, Sami Nour, on Monday.\n"
            "The president said 800 soldiers would return from Syria.\n")
    claim = one(text)
    assert claim.speaker == "Ali Karim"


@pytest.mark.parametrize(
    "sentence",
    [
        "About 600 US troops remain in Syria, according to Pentagon estimates, Russia said.",
        "Some 3,000 Turkish soldiers have crossed into Syria, according to estimates, Russia and Iran.",
        "About 3,000 Turkish soldiers have crossed into Syria, the Kurdish fighters said.",
        "The forces were entering the city as 2,000 US troops left Syria, the ministry said.",
        "Some 3,000 Turkish soldiers have crossed into Syria, Kurdish fighters said.",
    ],
)
def test_a_speaker_is_never_a_place_a_fighting_group_or_a_fragment(sentence: str) -> None:
    for claim in read(sentence):
        assert claim.speaker not in ("estimates, Russia", "Kurdish fighters", "fighters",
                                     "forces were entering the city", "Syria")


# --- 3. counts ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("US troop levels in Iraq stand at roughly 900, the Pentagon said.", 900, "troop levels"),
        ("The French contingent in Jordan numbered about 1,000 at the end of the year.", 1000, "contingent"),
        ("The number of British soldiers in Kuwait has risen to 1,700.", 1700, "British soldiers"),
    ],
)
def test_the_unit_in_the_subject(sentence: str, value: int, unit: str) -> None:
    claim = one(sentence)
    assert claim.kind == "force"
    assert claim.count is not None and claim.count.value == value
    assert claim.unit == unit


def test_a_pronoun_subject_takes_the_forces_of_the_sentence_before() -> None:
    claims = read("The reinforcements will arrive in Kuwait in stages. They would total about two thousand, officials said.")
    assert [(c.count.value, c.unit) for c in claims if c.count is not None] == [(2000, "reinforcements")]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The army sent 500 soldiers to Mosul last week and will send another 150-250 next month.", 150, 250),
        ("Germany has 1,000 troops in Kuwait and plans a further 500-800 by the summer.", 500, 800),
    ],
)
def test_a_bare_range_after_a_count_counts_the_same_forces(text: str, low: int, high: int) -> None:
    claims = read(text)
    ranges = [c for c in claims if c.count is not None and c.count.qualifier == "range"]
    assert [(c.count.low, c.count.high, c.kind) for c in ranges if c.count is not None] == [(low, high, "force")]
    assert ranges[0].unit in ("soldiers", "troops")


def test_including_n_in_a_place() -> None:
    claims = read("France has about 5,000 troops in the Gulf, including 1,300 in Kuwait.")
    assert counted(claims) == [("force", 5000, None, None), ("force", 1300, None, None)]
    assert claims[1].unit == "troops"
    assert claims[1].location == "Kuwait"


def test_alternatives_are_one_count_with_both_figures() -> None:
    claim = one("The government plans to deploy about 1,500 or 2,000 soldiers to Kuwait.")
    assert claim.count is not None and (claim.count.low, claim.count.high) == (1500, 2000)
    assert claim.unit == "soldiers"


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Russia has massed 40,000-50,000 troops near the border with Georgia.", 40000, 50000),
        ("Tens of thousands of troops crossed into Georgia.", 20000, 99999),
    ],
)
def test_large_ranges_and_vague_tens_of_thousands(sentence: str, low: int, high: int) -> None:
    claim = one(sentence)
    assert claim.count is not None and (claim.count.low, claim.count.high) == (low, high)
    assert claim.unit == "troops"


@pytest.mark.parametrize(
    "sentence",
    [
        "The US sent a squadron of F-15 jets and 200 airmen to Jordan.",
        "Russia moved S-400 batteries and 300 soldiers into Syria.",
        "Two C-17 transport planes carried 150 marines to Kuwait.",
    ],
)
def test_model_numbers_are_not_counts(sentence: str) -> None:
    values = [c.count.value for c in read(sentence) if c.count is not None]
    assert 15 not in values and 400 not in values and 17 not in values
    assert len(values) >= 1


def test_a_unit_never_keeps_the_sentence_stop() -> None:
    assert one("Britain has trained 2,000 Iraqi soldiers.").unit == "soldiers"


# --- 4. destinations ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "destination"),
    [
        ("The brigade of 800 soldiers was redeployed in Kuwait last week.", "Kuwait"),
        ("About 300 soldiers moved in the direction of Mosul overnight.", "Mosul"),
        ("The 200 troops are still waiting for approval to enter Jordan.", "Jordan"),
    ],
)
def test_destinations_without_to_or_into(sentence: str, destination: str) -> None:
    assert one(sentence).destination == destination


def test_either_to_a_or_to_b_keeps_both() -> None:
    claim = one("The 500 soldiers will move either to Kuwait or to Jordan.")
    assert claim.destination is not None
    assert "Kuwait" in claim.destination and "Jordan" in claim.destination


def test_the_speakers_own_travel_is_not_the_troops_destination() -> None:
    claim = one("Some 500 US troops will leave Syria, the minister said before flying to Brussels.")
    assert claim.destination != "Brussels"
    assert claim.origin == "Syria"
