"""The extractor with the world layer, theatre by theatre: actor, origin, destination, location and compass
regions from sentences written for these tests in news style, and the ambiguous names in their context."""

from __future__ import annotations

import pytest

from troopclaims.datafile import Claim, parse_value
from troopclaims.extraction import extract_article
from troopclaims.world import load_gazetteer

#: (theatre, sentence, actor, origin, destination, location): places as the gazetteer names them, "" for none.
CASES = [
    ("Sahel", "About 1,000 Chadian soldiers were deployed to Burkina Faso last month.", "Chad", "", "Burkina Faso", ""),
    ("Sahel", "Some 400 Burkinabe troops moved from Ouagadougou to Djibo, the army said.", "Burkina Faso", "Ouagadougou", "Djibo", ""),
    ("Sahel", "Nigerian forces pulled out of Maiduguri on Tuesday, residents said.", "Nigeria", "Maiduguri", "", ""),
    ("Sahel", "Chad withdrew 1,200 troops from the Sahel in 2020.", "Chad", "Sahel", "", ""),
    ("Ukraine", "Russia moved about 5,000 soldiers from Belarus to Bryansk, Ukrainian intelligence said.", "Russia", "Belarus", "Bryansk", ""),
    ("Ukraine", "Ukraine pulled its troops out of Avdiivka after months of fighting.", "Ukraine", "Avdiivka", "", ""),
    ("Ukraine", "Some 2,000 Russian troops remain in Transnistria, according to Moldova.", "Russia", "", "", "Transnistria"),
    ("Ukraine", "The Kremlin sent 1,500 troops to the Donbas in the spring.", "Russia", "", "Donbas", ""),
    ("Ukraine", "About 2,000 Ukrainian troops moved to eastern Ukraine from Kyiv.", "Ukraine", "Kyiv", "eastern Ukraine", ""),
    ("Baltics and Poland", "Germany will station 4,800 soldiers in Lithuania by 2027.", "Germany", "", "", "Lithuania"),
    ("Baltics and Poland", "British troops arrived in Estonia to lead the battlegroup.", "UK", "", "Estonia", ""),
    ("Baltics and Poland", "About 3,000 Polish troops moved from Warsaw to eastern Poland.", "Poland", "Warsaw", "eastern Poland", ""),
    ("Korea", "North Korea moved 10,000 troops to the Demilitarized Zone, Seoul said.", "North Korea", "", "Korean Demilitarized Zone", ""),
    ("Korea", "The US moved 2,000 soldiers from Camp Humphreys to Okinawa, officials said.", "US", "Camp Humphreys", "Okinawa", ""),
    ("Korea", "Some 12,000 North Korean soldiers were sent to Russia.", "North Korea", "", "Russia", ""),
    ("Horn of Africa", "Kenyan troops withdrew from Kismayo in December, the mission said.", "Kenya", "Kismayo", "", ""),
    ("Horn of Africa", "Eritrean forces remain in Tigray despite the ceasefire.", "Eritrea", "", "", "Tigray"),
    ("Horn of Africa", "Egypt sent 1,000 soldiers to Mogadishu in January.", "Egypt", "", "Mogadishu", ""),
    ("Horn of Africa", "Some 2,000 Burundian soldiers left Somalia last year.", "Burundi", "Somalia", "", ""),
    ("Gaza and Lebanon", "Israeli troops withdrew from Khan Younis on Sunday.", "Israel", "Khan Yunis", "", ""),
    ("Gaza and Lebanon", "Lebanese army troops deployed to Tyre after the ceasefire.", "Lebanon", "", "Tyre", ""),
    ("Gaza and Lebanon", "Israeli forces entered Rafah in southern Gaza in May.", "Israel", "", "Rafah", ""),
    ("Gaza and Lebanon", "The Lebanese army sent 5,000 soldiers to south Lebanon, a minister said.", "Lebanon", "", "southern Lebanon", ""),
    ("Afghanistan", "The last 2,500 US troops left Afghanistan in August 2021.", "US", "Afghanistan", "", ""),
    ("Afghanistan", "About 1,000 Turkish soldiers stayed at Kabul airport.", "Turkey", "", "", "Hamid Karzai International Airport"),
    ("Afghanistan", "German troops withdrew from Mazar-i-Sharif in June.", "Germany", "Mazar-e Sharif", "", ""),
    ("Afghanistan", "Pakistan deployed 5,000 troops to the Torkham crossing.", "Pakistan", "", "Torkham crossing", ""),
    ("Balkans", "NATO sent 700 more troops to northern Kosovo after the clashes.", "NATO", "", "northern Kosovo", ""),
    ("Balkans", "EUFOR deployed 500 reserve troops to Sarajevo in March.", "EUFOR", "", "Sarajevo", ""),
    ("Balkans", "KFOR moved 200 soldiers from Pristina to northern Kosovo.", "KFOR", "Pristina", "northern Kosovo", ""),
    ("Latin America", "Colombia sent 2,000 soldiers to Catatumbo after the attacks.", "Colombia", "", "Catatumbo", ""),
    ("Latin America", "Brazil moved 600 soldiers to Roraima state near Venezuela.", "Brazil", "", "Roraima", ""),
    ("Latin America", "Mexico sent 10,000 troops to northern Mexico in February.", "Mexico", "", "northern Mexico", ""),
    ("South China Sea", "Philippine marines stationed on the Sierra Madre remain at Second Thomas Shoal.", "Philippines", "", "", "Second Thomas Shoal"),
    ("South China Sea", "About 2,500 US Marines arrived in Darwin for a rotation.", "US", "", "Darwin", ""),
    ("South China Sea", "The PLA sent 1,000 troops to Hainan for drills.", "China", "", "Hainan", ""),
]


def first_force_claim(text: str) -> Claim:
    claims = [c for c in extract_article(text, source_id="t", published=parse_value("2024-06-01")) if c.kind == "force"]
    assert claims, text
    return claims[0]


@pytest.mark.parametrize(("theatre", "text", "actor", "origin", "destination", "location"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_actor_and_places_in_every_theatre(theatre: str, text: str, actor: str, origin: str, destination: str, location: str) -> None:
    world = load_gazetteer()
    claim = first_force_claim(text)
    assert world.actor_for(claim.actor or "") == actor or claim.actor == actor, (theatre, claim.actor)
    for field, expected in (("origin", origin), ("destination", destination), ("location", location)):
        got = getattr(claim, field)
        if not expected:
            assert got is None, (theatre, field, got)
            continue
        assert got is not None, (theatre, field)
        place, wanted = world.resolve(got), world.resolve(expected)
        assert place is not None and wanted is not None and place.same(wanted), (theatre, field, got)


def test_theatres_are_at_least_ten() -> None:
    assert len({case[0] for case in CASES}) >= 10


@pytest.mark.parametrize(
    ("text", "field", "place_id"),
    [
        ("About 600 US troops arrived in Georgia for exercises near Tbilisi.", "destination", "GE"),
        ("About 800 soldiers from Fort Stewart, Georgia, flew to Poland.", "destination", "PL"),
        ("About 300 Lebanese troops deployed to Tripoli after clashes in the north.", "destination", "geonames:266826"),
        ("Libyan forces moved 300 fighters to Tripoli from Misrata.", "destination", "geonames:2210247"),
        ("French troops left Niger in December, not Nigeria.", "origin", "NE"),
        ("Chad Smith said 500 Jordanian troops moved to Jordan.", "destination", "JO"),
        # In news English a bare "Congo" is the Democratic Republic; the other one is named in full.
        ("Burundi sent 1,000 soldiers to Congo in October, officials said.", "destination", "CD"),
        ("About 3,000 Rwandan troops are fighting in eastern Congo, UN experts said.", "location", "compass:CD:e"),
        ("Some 200 French troops withdrew from the Republic of Congo last year.", "origin", "CG"),
        ("Angolan troops left Congo-Brazzaville in 2002.", "origin", "CG"),
        # ISO names some provinces in French; news writes them in English.
        ("About 1,000 Burundian soldiers were deployed to North Kivu in August.", "destination", "CD-NK"),
    ],
)
def test_ambiguous_names_resolve_by_the_sentence(text: str, field: str, place_id: str) -> None:
    world = load_gazetteer()
    claim = first_force_claim(text)
    got = getattr(claim, field)
    place = world.resolve(got) if got else None
    assert place is not None and place.id == place_id, (text, got)


def test_the_actor_is_never_borrowed_from_another_sentence() -> None:
    claims = [c for c in extract_article(
        "About 3,000 troops moved to the border on Friday. Polish officials said Lithuania would help.",
        source_id="t", published=parse_value("2024-06-01")) if c.kind == "force"]
    assert claims and claims[0].actor is None
    assert first_force_claim("About 3,000 Polish troops moved east. German officials said so.").actor is not None
