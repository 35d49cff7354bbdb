"""The extractor on prose it was not built from: one or more sentences written here for each failure class
of issue 12 (hard wrapping, attribution, counts, destinations, actors, negation, kinds, dates).
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


# --- 5. actors ----------------------------------------------------------------------------------------------

def test_the_actor_comes_from_the_clause_with_the_movement() -> None:
    text = "Russia has warned Georgia for weeks. Turkish units are moving into Syria, officials said."
    claims = read(text)
    assert [c.actor for c in claims] == ["Turkey"]


def test_the_actor_of_a_possessive_pronoun_is_the_subject() -> None:
    claim = one("Russia is pulling its troops out of Syria, officials said.")
    assert claim.actor == "Russia"


def test_a_group_held_nearby_is_not_the_countrys_forces() -> None:
    text = "Iraq holds thousands of foreign fighters in camps, and 500 US troops will move to Iraq."
    claims = [c for c in read(text) if c.count is not None and c.count.value == 500]
    assert [c.actor for c in claims] == ["US"]


# --- 6. negation and modality -------------------------------------------------------------------------------

def test_no_evidence_that_denies_the_movement_and_gives_the_speaker() -> None:
    claim = one("The Pentagon has seen no evidence that Russia is pulling its troops out of Syria.")
    assert claim.polarity == "denied"
    assert claim.speaker == "Pentagon"


def test_telling_civilians_not_to_leave_is_not_a_troop_claim() -> None:
    assert read("The army told civilians not to leave their shelters in Mosul.") == []
    assert read("Officials urged residents to leave Kirkuk before the troops arrive.") == [] or all(
        c.origin != "Kirkuk" for c in read("Officials urged residents to leave Kirkuk before the troops arrive."))


def test_would_not_redeploy_in_a_place_is_a_denied_destination_with_its_speaker() -> None:
    claim = one("Defence Minister Ana Silva said the 300 soldiers would not redeploy in Iraq.")
    assert (claim.destination, claim.polarity, claim.speaker) == ("Iraq", "denied", "Ana Silva")


def test_no_transfer_whatsoever_is_a_denial() -> None:
    claim = one("There will be no transfer whatsoever of US troops to Kuwait, the minister said.")
    assert (claim.destination, claim.polarity) == ("Kuwait", "denied")


# --- 7. kinds of numbers ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence",
    [
        "Twelve soldiers drowned when their boat capsized on the river.",
        "At least 30 troops perished in the storm.",
        "Officials said 9 soldiers were killed and 14 wounded.",
    ],
)
def test_soldiers_who_died_are_casualties(sentence: str) -> None:
    claims = [c for c in read(sentence) if c.count is not None]
    assert claims and claims[0].kind == "casualties"


@pytest.mark.parametrize(
    "sentence",
    [
        "About 400 Iraqi soldiers trained in Jordan last year.",
        "Some 2,000 Ukrainian soldiers have been trained in Britain since January.",
    ],
)
def test_soldiers_trained_somewhere_are_people_trained(sentence: str) -> None:
    assert one(sentence).kind == "trained"


def test_trainers_are_forces() -> None:
    assert one("About 300 British troops are training Iraqi soldiers in Erbil.").kind == "force"


# --- 8. dates -----------------------------------------------------------------------------------------------

def test_the_date_of_a_mission_launched_long_ago_is_not_the_presences() -> None:
    claim = one("France has 3,000 troops in Mali in a mission launched in 2015.")
    assert claim.when is None or claim.when.value != "2015"


@pytest.mark.parametrize(
    "sentence",
    [
        "Defense Secretary Jane Doe said Sunday that 2,000 US troops will leave Syria.",
        "About 2,000 US troops will leave Syria next month, the minister said Sunday.",
        "The minister told reporters on Sunday that 2,000 US troops would go home.",
    ],
)
def test_said_sunday_in_an_article_of_monday_is_the_day_before(sentence: str) -> None:
    claim = one(sentence, published="2021-03-08")  # a Monday
    assert claim.when is None or claim.when.value != "2021-03-14"
    if claim.when is not None and "Sunday" in claim.when.text:
        assert claim.when.value == "2021-03-07"


def test_a_date_in_the_speech_clause_dates_a_claim_without_its_own() -> None:
    text = ("About 2,000 US troops would remain to counter the militants in Iraq, "
            "Defense Secretary Jane Doe said Sunday.")
    claim = one(text, published="2021-03-08")
    assert claim.when is not None and claim.when.value == "2021-03-07"


# --- more forms met in real prose, each written here ----------------------------------------------------------

def test_a_couple_of_thousand_is_vague() -> None:
    for amount in ("a couple of thousand", "a couple thousand"):
        claim = one(f"The Pentagon said {amount} Russian soldiers were already in Syria.")
        assert claim.count is not None and (claim.count.qualifier, claim.count.low, claim.count.high) == ("vague", 2000, 3000)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The war killed more than 2,200 US troops and wounded 20,000.", 20000),
        ("Nearly 3,000 Iraqis have been killed and almost 5,900 injured.", 5900),
        ("The cost was 400 soldiers killed and more than 1,000 who were injured.", 1000),
    ],
)
def test_bare_figures_of_the_wounded_are_casualties(sentence: str, value: int) -> None:
    kinds = {c.count.value: c.kind for c in read(sentence) if c.count is not None}
    assert kinds.get(value) == "casualties"


def test_a_figure_glued_to_a_letter_is_a_model_name() -> None:
    values = [c.count.value for c in read("Two Mirage 2000D jets and 80 airmen left Kuwait.") if c.count is not None]
    assert 2000 not in values


def test_of_which_counts_the_same_forces() -> None:
    claims = read("There are 3,800 troops in Kuwait, of which 350 are from Germany.")
    assert [(c.count.value, c.unit) for c in claims if c.count is not None] == [(3800, "troops"), (350, "troops")]


def test_reinforcements_and_international_soldiers_are_counted() -> None:
    assert one("NATO will send 700 new reinforcements to Kuwait.").unit == "reinforcements"
    assert one("The clashes left 30 international soldiers wounded.").kind == "casualties"


@pytest.mark.parametrize("noun", ["division", "brigade", "battalion"])
def test_formations_are_forces(noun: str) -> None:
    claim = one(f"The 98th {noun} withdrew from Mosul on Sunday.")
    assert (claim.movement, claim.origin) == ("withdraw", "Mosul")


def test_sentences_glued_without_a_space_are_two() -> None:
    text = "The jets left Kuwait on Tuesday, the army said.One source said 300 US troops would follow."
    claims = read(text)
    assert claims[-1].quote == "One source said 300 US troops would follow."
    assert claims[-1].speaker != "300 US troops would follow"


def test_a_press_secretary_is_a_speaker_not_an_outlet() -> None:
    claim = one('"About 10,000 soldiers have moved to Syria," Deputy Press Secretary Jane Doe told reporters.')
    assert claim.speaker == "Jane Doe"


def test_a_speaker_with_a_date_between_name_and_verb() -> None:
    claim = one("The alliance's secretary general, Jane Doe, on Monday confirmed that 500 Russian troops had entered Syria.")
    assert claim.speaker == "Jane Doe"


@pytest.mark.parametrize("verb", ["insist", "believe"])
def test_officials_who_insist_or_believe_are_speakers(verb: str) -> None:
    claim = one(f"Defense Department officials {verb} the 2,000 US troops will not be sent to Syria.")
    assert claim.speaker == "Defense Department officials"


@pytest.mark.parametrize(
    "text",
    [
        'The last flight left Bagram Air Base at noon, Defense Secretary Jane Doe said. "About 2,400 troops were '
        'flown out," she said.',
        "The convoy reached Kursk Oblast at dawn. About 2,000 Russian soldiers will stay there, he said.",
    ],
)
def test_a_place_or_a_base_is_never_a_person(text: str) -> None:
    for claim in read(text):
        assert claim.speaker not in ("Bagram Air Base", "Kursk Oblast")


def test_a_name_never_runs_over_the() -> None:
    claims = read("Photo credit: Studio Anna Lee The French government has begun withdrawing troops from Syria.")
    assert all(claim.speaker is None or " The " not in claim.speaker for claim in claims)


@pytest.mark.parametrize("verb", ["responded", "replied", "mentioned", "admitted"])
def test_more_verbs_of_saying(verb: str) -> None:
    assert one(f"The Kremlin {verb} that 3,000 Russian troops would leave Syria.").speaker == "Kremlin"


def test_a_speaker_with_a_long_post_modifier() -> None:
    claim = one("A senior Iraqi official familiar with the talks said that up to 900 US troops would leave Syria.")
    assert claim.speaker == "senior Iraqi official"


@pytest.mark.parametrize(
    "text",
    [
        "Defence Minister Jane Doe on Thursday raised concerns about the buildup, warning that 30,000 Russian "
        "troops could enter Syria this month.",
        "Russia is planning drills in Syria next month, and has indicated that fewer than 13,000 Russian soldiers "
        "will take part.",
    ],
)
def test_the_subject_of_the_sentence_speaks_a_participle_or_a_second_verb(text: str) -> None:
    assert one(text).speaker in ("Jane Doe", "Russia")


def test_according_to_estimates_gives_their_owner() -> None:
    claim = one("According to UN estimates, around 3,000 Turkish soldiers are in Syria.")
    assert claim.speaker == "UN"


@pytest.mark.parametrize(("headline", "speaker"), [
    ("Russia sent around 10,000 soldiers to Syria: Pentagon", "Pentagon"),
    ("Russian troops will return to their bases in Syria when the drills end: Iraq", "Iraq"),
])
def test_a_headline_attribution_after_a_colon(headline: str, speaker: str) -> None:
    claim = read(headline + "\nThe rest of the story follows here.\n")[0]
    assert claim.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "On March 3, it became known that 400 US troops will leave Syria.",
        "The Pentagon said late Sunday that 2,000 US troops will move to Kuwait.",
    ],
)
def test_a_date_next_to_a_past_verb_is_in_the_past(text: str) -> None:
    claim = one(text, published="2021-03-08")  # a Monday
    assert claim.when is not None and claim.when.value is not None and claim.when.value < "2021-03-08"


def test_a_requested_withdrawal_keeps_its_deadline() -> None:
    claim = one("Kuwait ended the pact on November 28 and requested the withdrawal of 1,000 US troops by January 31, 2022.",
                published="2021-12-10")
    assert claim.when is not None and claim.when.value == "2022-01-31"


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces have held the town for weeks. Some 3,000 Ruritanian troops crossed into Syria on Monday.",
        "Russian forces have held the town for weeks. Ruritanian units are moving into Syria, officials said.",
    ],
)
def test_forces_named_by_an_unknown_adjective_are_not_anothers(text: str) -> None:
    claims = [c for c in read(text) if "Ruritanian" in c.quote]
    assert claims and all(c.actor != "Russia" for c in claims)


@pytest.mark.parametrize(
    ("sentence", "movement"),
    [
        ("Russia continues pouring more troops into Syria, officials said.", "deploy"),
        ("The president also ordered troops to Kuwait and Jordan.", "deploy"),
        ('"The forces came out of Mosul and are preparing for their next mission," the minister said.', "leave"),
        ("A second brigade continues to operate in Syria, the army said.", "hold"),
    ],
)
def test_more_ways_of_moving_and_being_somewhere(sentence: str, movement: str) -> None:
    assert one(sentence).movement == movement


def test_an_order_to_leave_is_not_an_order_to_a_place() -> None:
    assert all(c.movement != "deploy" for c in read("The commander ordered the troops to leave Mosul."))
