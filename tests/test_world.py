"""The world layer: places and actors of any country, compass regions, ambiguity, and the shipped index.

Every sentence here was written for these tests, in news style.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from troopclaims.world import Gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def world() -> Gazetteer:
    return load_gazetteer()


def places(world: Gazetteer, text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(written, canonical name, id, country) of each place the text names."""
    index = world.index(text)
    return [(text[s:e], p.name, p.id, world.describe(p)["country"]) for s, e, p in index.places_in(0, len(text))]


def actors(world: Gazetteer, text: str) -> list[str]:
    return [actor for _, _, actor in world.index(text).actors_in(0, len(text))]


# --- places of every country ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "written", "name", "place_id", "country"),
    [
        ("Troops reached Ouagadougou on Monday.", "Ouagadougou", "Ouagadougou", "geonames:2357048", "BF"),
        ("Shelling hit Kharkiv overnight.", "Kharkiv", "Kharkiv", "geonames:706483", "UA"),
        ("Reinforcements arrived in the Kherson region.", "Kherson region", "Kherson Oblast", "UA-65", "UA"),
        ("A battalion left Vilnius for the border.", "Vilnius", "Vilnius", "geonames:593116", "LT"),
        ("Marines landed near Busan.", "Busan", "Busan", "geonames:1838524", "KR"),
        ("Troops were flown to Mogadishu.", "Mogadishu", "Mogadishu", "geonames:53654", "SO"),
        ("The convoy entered Kandahar province.", "Kandahar province", "Kandahar Province", "AF-KAN", "AF"),
        ("Troops were sent to the Gao region.", "Gao region", "Gao Region", "ML-7", "ML"),
        ("Peacekeepers patrolled Pristina.", "Pristina", "Pristina", "geonames:786714", "XK"),
        ("Soldiers were sent to Caracas.", "Caracas", "Caracas", "geonames:3646738", "VE"),
        ("Ships sailed from Manila.", "Manila", "Manila", "geonames:1701668", "PH"),
        ("Two brigades moved into Gaza.", "Gaza", "Gaza Strip", None, "PS"),
    ],
)
def test_places_of_any_theatre_carry_id_and_country(world: Gazetteer, text: str, written: str, name: str,
                                                    place_id: str | None, country: str) -> None:
    found = places(world, text)
    assert (written, name, place_id, country) in found, found


def test_every_country_is_a_place_and_an_actor(world: Gazetteer) -> None:
    for name, code, demonym in [("Mali", "ML", "Malian"), ("Estonia", "EE", "Estonian"), ("Somalia", "SO", "Somali"),
                                ("Colombia", "CO", "Colombian"), ("Vietnam", "VN", "Vietnamese"), ("Chad", "TD", "Chadian")]:
        place = world.lookup(name)
        assert place is not None and place.id == code and place.kind == "country"
        assert world.actor_for(demonym) == place.actor_name


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("About 3,000 Polish troops moved east.", "Poland"),
        ("Some 200 Poles joined the exercise.", "Poland"),
        ("Spain is pulling its troops out.", "Spain"),
        ("The IDF said two brigades moved.", "Israel"),
        ("The PLA held drills.", "China"),
        ("The Bundeswehr will send a brigade.", "Germany"),
        ("U.S. forces left the base.", "US"),
        ("KFOR reinforced its patrols.", "KFOR"),
        ("NATO allies sent jets.", "NATO"),
        ("UNIFIL peacekeepers stayed.", "UNIFIL"),
        ("al-Shabaab fighters attacked the base.", "al-Shabaab"),
        ("Filipino troops resupplied the outpost.", "Philippines"),
        ("South Korean marines deployed.", "South Korea"),
        ("Ukrainians held the line.", "Ukraine"),
    ],
)
def test_actors_of_every_country_and_alliance(world: Gazetteer, text: str, actor: str) -> None:
    assert actor in actors(world, text)


# --- longest match ---------------------------------------------------------------------------------------------

def test_the_longest_name_wins(world: Gazetteer) -> None:
    assert [p[1] for p in places(world, "Warships patrolled the Gulf of Aden.")] == ["Gulf of Aden"]
    assert [p[1] for p in places(world, "Carriers sailed into the South China Sea.")] == ["South China Sea"]
    # An unknown "Gulf of ..." is neither the Gulf nor the country after "of".
    assert places(world, "Warships patrolled the Gulf of Carpentaria.") == []


def test_case_rules_hold(world: Gazetteer) -> None:
    assert places(world, "We turkey-trotted home.") == []
    assert actors(world, "the troops said it is over") == []
    assert "US" in actors(world, "US troops left.")


# --- compass regions -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("written", "name", "country"),
    [
        ("northern Kosovo", "northern Kosovo", "XK"),
        ("eastern Ukraine", "eastern Ukraine", "UA"),
        ("southern Lebanon", "southern Lebanon", "LB"),
        ("north-east Syria", "northeastern Syria", "SY"),
        ("the north of Mali", "northern Mali", "ML"),
        ("central Somalia", "central Somalia", "SO"),
    ],
)
def test_compass_regions_exist_for_every_country(world: Gazetteer, written: str, name: str, country: str) -> None:
    place = world.lookup(written)
    assert place is not None and place.name == name and place.kind == "region"
    assert world.describe(place)["country"] == country
    assert world.contains(world.lookup(world.describe(place)["country"] or "") or place, place) or \
        world.country_of(place) is not None


def test_compass_regions_compare_by_containment(world: Gazetteer) -> None:
    def at(name: str):  # noqa: ANN202 - a Place
        place = world.lookup(name)
        assert place is not None, name
        return place

    assert world.contains(at("Ukraine"), at("eastern Ukraine"))
    assert world.contains(at("eastern Ukraine"), at("Kharkiv"))
    assert not world.contains(at("western Ukraine"), at("Kharkiv"))
    assert world.contains(at("western Ukraine"), at("Lviv"))
    assert world.contains(at("northern Syria"), at("northeastern Syria"))
    assert not world.contains(at("northeastern Syria"), at("northern Syria"))
    assert world.overlaps(at("northern Syria"), at("eastern Syria"))
    assert not world.contains(at("northern Kosovo"), at("Prizren"))
    assert world.contains(at("northern Kosovo"), at("Mitrovica"))
    assert world.contains(at("southern Lebanon"), at("Tyre"))
    assert world.contains(at("Ukraine"), at("Donbas"))
    assert world.contains(at("eastern Ukraine"), at("Donbas"))
    # A province has no outline: whether it lies in a compass region is not known, rather than denied.
    assert world.undecided(at("eastern Ukraine"), at("Kharkiv Oblast"))
    assert not world.undecided(at("western Iraq"), at("Nineveh"))  # its hand-kept parent is northern Iraq
    assert not world.contains(at("western Iraq"), at("Nineveh"))


# --- ambiguity -------------------------------------------------------------------------------------------------

def test_georgia_is_the_country_unless_next_to_us_places(world: Gazetteer) -> None:
    assert places(world, "US troops arrived in Georgia for drills near Tbilisi.")[1][2] == "GE"
    assert places(world, "Troops from Fort Stewart, Georgia, flew to Poland.")[1][2] == "US-GA"
    assert places(world, "The brigade left Savannah, Georgia, on Monday.")[0][3] == "US"
    assert places(world, "Units from Atlanta and Savannah trained at bases in Georgia.")[-1][2] == "US-GA"
    assert places(world, "Georgia said Russian troops remain in South Ossetia.")[0][2] == "GE"


def test_tripoli_takes_the_country_the_text_is_about(world: Gazetteer) -> None:
    assert places(world, "Lebanese troops deployed in Tripoli.")[0][2] == "geonames:266826"
    assert places(world, "Libyan forces massed outside Tripoli.")[0][2] == "geonames:2210247"
    assert places(world, "Fighting broke out in Tripoli.")[0][2] == "geonames:2210247"  # the larger city


def test_given_names_are_not_places(world: Gazetteer) -> None:
    assert places(world, "Spokesman Chad Miller said the unit moved.") == []
    assert places(world, "The coach, Michael Jordan, left.") == []
    assert [p[1] for p in places(world, "Troops left Jordan for Chad.")] == ["Jordan", "Chad"]
    assert "Jordan" not in actors(world, "Sgt. Jordan Ellis said the convoy left.")


def test_niger_is_not_nigeria(world: Gazetteer) -> None:
    assert [p[2] for p in places(world, "Troops left Niger and Nigeria.")] == ["NE", "NG"]
    assert world.actor_for("Nigerien") == "Niger" and world.actor_for("Nigerian") == "Nigeria"
    assert places(world, "Nigerian troops met in Abuja and Lagos before moving to Niger.")[-1][2] == "NE"
    assert places(world, "Police patrolled Minna in Niger State.")[-1][2] == "NG-NI"


def test_a_capital_counts_in_any_story(world: Gazetteer) -> None:
    assert [p[1] for p in places(world, "About 600 Senegalese troops arrived in Banjul.")] == ["Banjul"]


def test_small_towns_need_their_country_in_the_story(world: Gazetteer) -> None:
    assert places(world, "Police said the convoy had left.") == []  # Police is a town in Poland
    assert places(world, "Troops in Poland moved to Police, a port town.")[1][2] is not None


# --- layers ----------------------------------------------------------------------------------------------------

def test_hand_kept_places_take_world_ids(world: Gazetteer) -> None:
    mosul = world.lookup("Mosul")
    assert mosul is not None and mosul.id == "geonames:99072" and mosul.within == "Nineveh Governorate"
    syria = world.lookup("Syrian Arab Republic")
    assert syria is not None and syria.name == "Syria" and syria.id == "SY"


def test_a_user_file_goes_on_top(tmp_path: Path) -> None:
    extra = tmp_path / "places.yaml"
    extra.write_text(
        "places:\n  - {name: Camp Swift, kind: base, within: northern Kosovo}\n"
        "  - {name: Tripoli, kind: city, within: Lebanon}\n", encoding="utf-8")
    mine = load_gazetteer(extra)
    swift = mine.lookup("Camp Swift")
    assert swift is not None and mine.contains(mine.lookup("Kosovo"), swift)  # type: ignore[arg-type]
    assert mine.describe(mine.lookup("Tripoli"))["country"] == "LB"  # type: ignore[arg-type]
