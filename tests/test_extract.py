"""The extractor on news-style sentences written for these tests (no article text is copied here)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from troopclaims.datafile import Claim, find_quote, fold, parse_value
from troopclaims.extraction import extract_article
from troopclaims.extraction.text import fold_text, iter_sentences

PUBLISHED = parse_value("2021-03-10")  # a Wednesday


def read(text: str, published: str | None = "2021-03-10") -> list[Claim]:
    claims = extract_article(text, source_id="story", published=parse_value(published) if published else None)
    folded = fold(text)
    for claim in claims:
        assert claim.quote == claim.quote.strip()
        assert claim.quote in text
        assert len(find_quote(folded, claim.quote)) == 1, claim.quote
        assert not claim.reviewed
    return claims


def one(text: str, published: str | None = "2021-03-10") -> Claim:
    claims = read(text, published)
    assert len(claims) == 1, claims
    return claims[0]


# --- sentences --------------------------------------------------------------------------------------------------


def test_sentences_keep_abbreviations_and_quotes_together() -> None:
    text = 'Gen. Ada Byrne said U.S. forces would stay. "They will leave," she said.\nA new line starts here'
    spans = [text[s:e] for s, e in iter_sentences(text)]
    assert spans == ["Gen. Ada Byrne said U.S. forces would stay.", '"They will leave," she said.', "A new line starts here"]


def test_sentences_never_run_over_a_line_end() -> None:
    text = "First line without a stop\r\nSecond line.\r\n\r\n  Third line.  "
    assert [text[s:e] for s, e in iter_sentences(text)] == ["First line without a stop", "Second line.", "Third line."]


# --- counts -----------------------------------------------------------------------------------------------------


def test_a_force_count_with_its_hedge_unit_actor_movement_and_date() -> None:
    claim = one("About 2,500 US troops arrived in Kuwait on Friday.")
    assert claim.id == "story-x001"
    assert claim.source == "story"
    assert claim.kind == "force"
    assert claim.count is not None and (claim.count.qualifier, claim.count.value) == ("about", 2500)
    assert claim.unit == "troops"
    assert claim.actor == "US"
    assert (claim.movement, claim.destination) == ("arrive", "Kuwait")
    assert claim.when is not None and claim.when.text == "on Friday" and claim.when.value == "2021-03-05"


@pytest.mark.parametrize(
    ("amount", "qualifier", "value", "low", "high"),
    [
        ("More than 300", "more_than", 300, None, None),
        ("At least 40", "at_least", 40, None, None),
        ("Up to 1,500", "up_to", 1500, None, None),
        ("As many as 600", "up_to", 600, None, None),
        ("Fewer than 200", "fewer_than", 200, None, None),
        ("Nearly 900", "about", 900, None, None),
        ("Some 650", "about", 650, None, None),
        ("An estimated 4,000", "about", 4000, None, None),
        ("Five-thousand", "exact", 5000, None, None),
        ("Two hundred and fifty", "exact", 250, None, None),
        ("Between 150 and 200", "range", None, 150, 200),
        ("A few hundred", "vague", None, 200, 500),
        ("Dozens of", "vague", None, 24, 99),
        ("Thousands of", "vague", None, 2000, 9999),
    ],
)
def test_count_forms(amount: str, qualifier: str, value: int | None, low: int | None, high: int | None) -> None:
    claim = one(f"{amount} British soldiers left Basra last week.")
    assert claim.count is not None
    assert (claim.count.qualifier, claim.count.value, claim.count.low, claim.count.high) == (qualifier, value, low, high)
    assert claim.unit == "soldiers"
    assert (claim.movement, claim.origin, claim.actor) == ("leave", "Basra", "UK")


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("A convoy of 40 armored vehicles crossed into Syria overnight.", "armored vehicles"),
        ("Roughly 60 trucks entered Iraq through the Rabia crossing.", "trucks"),
        ("A dozen tanks were moved to Kirkuk.", "tanks"),
        ("Some 200 marines were sent to Jordan.", "marines"),
        ("About 90 special forces remained in Deir ez-Zor.", "special forces"),
    ],
)
def test_units_of_personnel_and_equipment(sentence: str, unit: str) -> None:
    claim = one(sentence)
    assert claim.kind == "force"
    assert claim.unit == unit


@pytest.mark.parametrize(
    ("sentence", "not_counted"),
    [
        ("The deployment of US troops to Kuwait cost $45 million.", 45),
        ("A further 30 million dollars was set aside as US troops left Syria.", 30),
        ("Only 40% of the US troops will leave Iraq.", 40),
        ("In 2017 coalition troops entered Mosul.", 2017),
        ("On March 3 the US troops left Erbil.", 3),
        ("The US troops will stay in Iraq for 18 months.", 18),
        ("US troops patrol a 600-kilometre stretch of the border near Syria.", 600),
        ("US troops will withdraw from Syria within five years.", 5),
    ],
)
def test_numbers_that_are_not_force_counts(sentence: str, not_counted: int) -> None:
    for claim in read(sentence):
        assert claim.count is None or claim.count.value != not_counted


def test_casualties_are_their_own_kind() -> None:
    claim = one("At least 23 soldiers were killed in the attack near Tikrit.")
    assert claim.kind == "casualties"
    assert claim.count is not None and (claim.count.qualifier, claim.count.value) == ("at_least", 23)
    assert claim.unit == "soldiers"
    assert claim.movement is None


def test_wounded_and_dead() -> None:
    assert one("Eleven civilians were wounded by shelling.").kind == "casualties"
    assert one("The raid left 7 fighters dead.").kind == "casualties"


def test_displaced_people() -> None:
    claim = one("The offensive has displaced 40,000 people in the region.")
    assert claim.kind == "displaced"
    assert claim.count is not None and claim.count.value == 40000
    assert claim.unit == "people"


def test_people_trained() -> None:
    claim = one("Instructors have trained 15,000 Iraqi soldiers since the mission began.")
    assert claim.kind == "trained"
    assert claim.count is not None and claim.count.value == 15000


def test_two_counts_in_one_sentence_get_their_own_clauses() -> None:
    claims = read("Since the fighting began, 12,000 people have been displaced and at least 60 civilians have been killed.")
    assert [(c.kind, c.count.value if c.count else None) for c in claims] == [("displaced", 12000), ("casualties", 60)]
    assert claims[1].quote.startswith("at least 60 civilians")


def test_people_who_are_neither_forces_nor_victims_are_not_claims() -> None:
    assert read("The city has 2 million people and 300 schools.") == []


# --- movements ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "movement"),
    [
        ("The Pentagon said 600 US troops will withdraw from Syria.", "withdraw"),
        ("American forces pulled out of Manbij on Sunday.", "withdraw"),
        ("US soldiers left Kirkuk on Monday.", "leave"),
        ("The Army moved 300 soldiers to Erbil.", "move"),
        ("The Navy shifted 200 marines to Bahrain.", "move"),
        ("About 500 US troops were redeployed to Jordan.", "move"),
        ("The coalition repositioned its forces in Anbar.", "move"),
        ("French troops relocated to Erbil last month.", "move"),
        ("Turkish troops crossed into northern Syria.", "move"),
        ("Russian forces entered Manbij.", "arrive"),
        ("US troops arrived at Ain al-Asad Air Base.", "arrive"),
        ("British troops returned to the United Kingdom.", "return"),
        ("About 200 US troops will remain in Syria.", "stay"),
        ("The US troops will stay in Iraq until the spring.", "stay"),
        ("The soldiers will go home by Christmas, the US president said.", "return"),
        ("The president promised to bring US troops home.", "return"),
        ("Our troops are coming home, the US envoy said.", "return"),
        ("The US has 2,500 troops in Iraq.", "hold"),
    ],
)
def test_movement_verbs(sentence: str, movement: str) -> None:
    assert one(sentence).movement == movement


@pytest.mark.parametrize(
    ("sentence", "origin", "destination"),
    [
        ("Some 1,000 US troops moved from northern Syria to western Iraq.", "northern Syria", "western Iraq"),
        ("US troops leaving Syria will go to Kuwait.", "Syria", "Kuwait"),
        ("The convoy pulled out of Raqqa towards the Iraqi border.", "Raqqa", None),
        ("American forces left their bases in Hasakah province.", "Hasakah Governorate", None),
        ("US troops entered Iraqi territory on Tuesday.", None, "Iraq"),
        ("US soldiers will go home after leaving Syria.", "Syria", "home"),
        ("British troops are returning to the United Kingdom from Iraq.", "Iraq", "United Kingdom"),
    ],
)
def test_origin_and_destination(sentence: str, origin: str | None, destination: str | None) -> None:
    claim = one(sentence)
    assert (claim.origin, claim.destination) == (origin, destination)


def test_the_country_named_as_subject_owns_the_forces() -> None:
    claim = one("A spokesman said Russia had no plans to send more troops to Syria.")
    assert (claim.actor, claim.movement, claim.polarity, claim.destination) == ("Russia", "deploy", "denied", "Syria")


def test_bases_near_a_place() -> None:
    assert one("Some 500 US soldiers were withdrawn from bases near Kirkuk.").origin == "Kirkuk"


def test_a_place_used_as_an_adjective_is_no_destination() -> None:
    claim = one("Two convoys belonging to the US forces arrived in Syria.")
    assert claim.destination == "Syria"


def test_where_refers_to_the_place_before() -> None:
    claims = read("About 800 US troops moved into Nineveh province, where they will stay for months.")
    assert claims[-1].movement == "stay"
    assert claims[-1].location == "Nineveh Governorate"


def test_a_sentence_without_forces_gives_no_claim() -> None:
    assert read("Prices moved higher in Baghdad as traders returned from the holiday.") == []


# --- speakers and sources -----------------------------------------------------------------------------------


def test_x_said() -> None:
    claim = one("Defense Secretary Laura Whitfield said 400 US troops would leave Kuwait.")
    assert (claim.speaker, claim.speaker_role) == ("Laura Whitfield", "Defense Secretary")
    assert claim.modality == "plan"


def test_said_x() -> None:
    claim = one('"We are moving 300 soldiers to Erbil," said Colonel Tomas Reyes.')
    assert claim.speaker == "Tomas Reyes"
    assert claim.speaker_role == "Colonel"


def test_x_told_reporters_and_x_told_an_agency() -> None:
    claim = one("Major General Ahmed Karimi told reporters that 200 US troops had left Tikrit.")
    assert claim.speaker == "Ahmed Karimi"
    agency = one("US troops must leave Iraq within a month, Iraqi Defence Minister Samir Hadi told AP.")
    assert (agency.speaker, agency.cited) == ("Samir Hadi", "AP")
    assert agency.modality == "demand"


def test_according_to() -> None:
    claim = one("About 700 US soldiers arrived in Erbil, according to the Iraqi defence ministry.")
    assert claim.speaker == "Iraqi defence ministry"


def test_x_tweeted() -> None:
    claim = one('President Dana Morrow tweeted: "Our troops are coming home!"')
    assert claim.speaker == "Dana Morrow"
    assert (claim.movement, claim.destination) == ("return", "home")


@pytest.mark.parametrize("verb", ["announced", "warned", "stressed", "stated"])
def test_institutions_speak(verb: str) -> None:
    claim = one(f"The Iraqi military {verb} that US forces had left Anbar.")
    assert claim.speaker == "Iraqi military"


def test_a_possessive_country_names_its_institution() -> None:
    assert one("Iraq's government said the US troops had left Anbar.").speaker == "Iraqi government"


def test_a_pronoun_is_the_most_recent_named_person() -> None:
    text = (
        "Colonel Tomas Reyes, a coalition spokesman, spoke to reporters in Baghdad on Monday.\n\n"
        "He stressed that US forces will remain in Syria.\n\n"
        "He added that 50 US vehicles had crossed into Iraq."
    )
    claims = read(text)
    assert [c.speaker for c in claims] == ["Tomas Reyes", "Tomas Reyes"]


def test_a_title_is_the_person_who_holds_it() -> None:
    text = (
        "Defence Minister Karim Saleh met envoys in Amman on Sunday.\n\n"
        "The minister said 300 Jordanian troops would leave Syria."
    )
    assert one(text).speaker == "Karim Saleh"


def test_an_institutional_title_is_resolved_by_country_and_office() -> None:
    text = (
        "US Defense Secretary Laura Whitfield and Iraqi Defence Minister Karim Saleh met in Baghdad.\n\n"
        '"We will withdraw our troops from Syria," said the Pentagon chief.'
    )
    assert one(text).speaker == "Laura Whitfield"


def test_a_title_before_the_name_is_resolved_forward() -> None:
    text = (
        "US troops will leave Syria within weeks, said the US defense secretary.\n\n"
        "Defense Secretary Laura Whitfield spoke after meeting allies in Brussels."
    )
    assert read(text)[0].speaker == "Laura Whitfield"


def test_a_surname_alone_and_a_misspelt_surname() -> None:
    text = (
        "General Ahmed Karimi toured the base on Monday.\n\n"
        "Karimi said 100 US soldiers had moved to Erbil.\n\n"
        "General Ahmed Karimy also said that US forces would stay in Erbil."
    )
    assert [c.speaker for c in read(text)] == ["Ahmed Karimi", "Ahmed Karimi"]


def test_a_quotation_over_several_paragraphs_keeps_its_speaker() -> None:
    text = (
        'Defense Secretary Laura Whitfield said on Monday: "Our troops will leave Syria.\n\n'
        '"They will move to Kuwait within weeks.\n\n'
        '"Nobody should doubt it."\n\n'
        "Meanwhile, US troops remained in Iraq."
    )
    claims = read(text)
    assert [c.speaker for c in claims] == ["Laura Whitfield", "Laura Whitfield", None]


@pytest.mark.parametrize(
    ("sentence", "cited"),
    [
        ("The Regional Observatory for Civil Rights reported that 80 US vehicles entered Syria.",
         "Regional Observatory for Civil Rights"),
        ("International press sources stated that about 50 US soldiers moved to Iraq.", "International press sources"),
        ("The AP reported that 300 US troops had left Syria.", "AP"),
        ("About 300 US troops had left Syria, according to a report by the state news agency.", "state news agency"),
    ],
)
def test_cited_sources(sentence: str, cited: str) -> None:
    claim = one(sentence)
    assert claim.cited == cited
    assert claim.speaker is None


def test_an_apposition_between_subject_and_verb() -> None:
    claim = one("The Regional Observatory, a monitoring group based abroad, said at least 9 civilians were killed.")
    assert claim.cited == "Regional Observatory"


def test_a_capital_city_is_not_a_person() -> None:
    text = "Defence Minister Omar Ankar visited the front.\n\nAnkara warned that its troops would not leave Idlib."
    assert one(text).speaker is None


def test_a_report_line_cites_everything_after_it() -> None:
    text = (
        "Officials said 100 US troops left Syria.\n\n"
        "Example Wire reports: Some 200 US troops crossed into Iraq on Friday.\n\n"
        "More US troops will move to Kuwait."
    )
    claims = read(text)
    assert [c.cited for c in claims] == [None, "Example Wire", "Example Wire"]


def test_facts_between_two_citations_of_one_report_are_cited_to_it() -> None:
    text = (
        "US forces are returning to bases in Syria, the Regional Observatory for Civil Rights reported.\n\n"
        "About 300 US soldiers arrived at the Qasrak base.\n\n"
        "Some 40 US trucks crossed into Syria on Monday, according to the report."
    )
    assert [c.cited for c in read(text)] == ["Regional Observatory for Civil Rights"] * 3


# --- polarity and modality ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "polarity", "modality"),
    [
        ("A spokesman stressed that US troops will stay in Syria, denying that there is any withdrawal of US forces from Syria.",
         "denied", "fact"),
        ("This is not a withdrawal of US troops from Syria.", "denied", "fact"),
        ("US troops will not leave Iraq this year.", "denied", "plan"),
        ("The Pentagon has no plans to move US troops to Jordan.", "denied", "plan"),
        ("The Pentagon plans to move 500 US troops to Jordan.", "asserted", "plan"),
        ("US troops must leave Iraq, lawmakers said.", "asserted", "demand"),
        ("US troops will have to leave Iraq within four weeks.", "asserted", "demand"),
        ("US troops do not have permission to stay in Iraq.", "denied", "permission"),
        ("US troops can only use Iraqi territory for transit.", "asserted", "permission"),
        ("US troops could move to Kuwait next month.", "asserted", "possibility"),
        ("US troops may return to Syria.", "asserted", "possibility"),
        ("The US is not ruling out sending troops back to Syria.", "asserted", "possibility"),
        ("US troops left Syria on Monday.", "asserted", "fact"),
    ],
)
def test_polarity_and_modality(sentence: str, polarity: str, modality: str) -> None:
    claim = read(sentence)[-1]
    assert (claim.polarity, claim.modality) == (polarity, modality)


def test_a_deadline() -> None:
    claim = one("US troops will have to leave Iraq within four weeks.")
    assert claim.when is not None
    assert (claim.when.text, claim.when.kind, claim.when.value) == ("within four weeks", "deadline", "2021-04-07")


# --- text as it comes -----------------------------------------------------------------------------------------


def test_without_a_publication_date_relative_dates_stay_unresolved() -> None:
    claim = one("About 300 US troops left Syria last week.", published=None)
    assert claim.when is not None and claim.when.text == "last week" and claim.when.value is None


def test_bom_windows_line_ends_and_no_break_spaces() -> None:
    text = "\ufeffAbout 1,000\u00a0US troops left Syria on Monday.\r\n\r\nThey moved to Iraq.\r\n"
    claims = read(text)
    assert claims[0].quote == "About 1,000\u00a0US troops left Syria on Monday."
    assert claims[0].count is not None and claims[0].count.value == 1000
    assert claims[1].quote == "They moved to Iraq."
    assert claims[1].destination == "Iraq"


def test_a_repeated_sentence_is_widened_or_left_out() -> None:
    text = (
        "US troops left Syria for Iraq\n\n"
        "US troops left Syria for Iraq\n\n"
        "The move was confirmed on Monday. About 400 US troops left Syria. Officials declined to comment."
    )
    claims = read(text)
    assert all(c.quote != "US troops left Syria for Iraq" for c in claims)


def test_claim_ids_number_the_claims_in_order() -> None:
    text = "About 100 US troops left Syria. About 200 US troops left Iraq. About 300 US troops left Kuwait."
    assert [c.id for c in read(text)] == ["story-x001", "story-x002", "story-x003"]


def test_nothing_to_read() -> None:
    assert read("") == []
    assert read("   \n\n  ") == []
    assert read("\ufeff") == []


def test_fold_matches_the_anchoring_fold() -> None:
    text = "A \u201cquote\u201d\u00a0with\u200b  odd \r\n spacing \u2019s"
    assert fold_text(text) == fold(text).text


_WORDS = [
    "US", "troops", "1,000", "about", "withdraw", "from", "Syria", "to", "Iraq", '"', "\u201c", "\u201d", "said",
    "he", "the", "Pentagon", "chief", ",", ".", "\n", "home", "will", "not", "stay", "in", "General", "Ada", "Byrne",
    "according", "reports:", "Observatory", "killed", "$", "%", "2019", "hundreds", "of", "a", "few", "between",
    "and", "-", "'s", "\r\n", "\ufeff", "\u00a0", "Al-", "Hasakah", "province", "north-east", ";", "but", "where",
    "they", "We", "Gen.", "U.S.", "forces", "convoy", "35", "armored", "vehicles", "within", "four", "weeks", "on",
    "Tuesday",
]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.text(max_size=400), st.lists(st.sampled_from(_WORDS), max_size=120).map(" ".join)))
def test_any_text_gives_quotes_that_occur_once(text: str) -> None:
    read(text)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=300))
def test_the_fold_always_agrees_with_anchoring(text: str) -> None:
    assert fold_text(text) == fold(text).text


@pytest.mark.parametrize(
    ("sentence", "speaker", "cited"),
    [
        ("Malian military and security sources told Reuters that 300 Dutch troops were pulling back from Gao.",
         "Malian military and security sources", "Reuters"),
        ("About 300 Dutch soldiers have left Gao, two Western diplomatic sources told AFP.",
         "two Western diplomatic sources", "AFP"),
        ("Two defence ministry sources said 300 Dutch troops would leave Gao.", "Two defence ministry sources", None),
    ],
)
def test_sources_who_spoke_are_speakers_and_the_agency_they_told_is_cited(
        sentence: str, speaker: str, cited: str | None) -> None:
    claim = one(sentence)
    assert (claim.speaker, claim.cited) == (speaker, cited)
