"""The place and actor knowledge base: lookups, spans in text, containment, and user extension files."""

from __future__ import annotations

from pathlib import Path

import pytest

from troopclaims.errors import TroopclaimsError
from troopclaims.world import Gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def name(gaz: Gazetteer, text: str) -> str | None:
    place = gaz.lookup(text)
    return place.name if place else None


def test_the_default_gazetteer_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Syria", "Syria"),
        ("syria", "Syria"),
        ("the United States", "United States"),
        ("U.S.", "United States"),
        ("Türkiye", "Turkey"),
        ("north-east Syria", "northeastern Syria"),
        ("northeast Syria", "northeastern Syria"),
        ("North East Syria", "northeastern Syria"),
        ("northeastern Syria", "northeastern Syria"),
        ("Western Iraq", "western Iraq"),
        ("Nineveh province", "Nineveh Governorate"),
        ("Nineveh Governorate", "Nineveh Governorate"),
        ("the Anbar governorate", "Anbar Governorate"),
        ("Baghdad", "Baghdad"),  # the city wins over the governorate of the same name
        ("Baghdad province", "Baghdad Governorate"),
        ("Kirkuk governorate", "Kirkuk Governorate"),
        ("Al-Hasakah", "Hasakah"),
        ("Hasakah", "Hasakah"),
        ("al Hasakah", "Hasakah"),
        ("Raqqa city", "Raqqa"),
        ("the Al Waleed crossing", "Al-Waleed crossing"),
        ("Iraqi Kurdistan", "Kurdistan Region"),
        ("home", "home"),
    ],
)
def test_lookup(gaz: Gazetteer, written: str, canonical: str) -> None:
    assert name(gaz, written) == canonical


def test_lookup_of_unknown_names(gaz: Gazetteer) -> None:
    assert gaz.lookup("Qwertzistan") is None  # ("Atlantis" is a town in South Africa: the world layer knows it)
    assert gaz.lookup("") is None
    assert gaz.lookup("Iraqi") is None  # a demonym names an actor, not a place


def test_find_gives_longest_spans(gaz: Gazetteer) -> None:
    text = "Convoys left north-eastern Syria's oil fields for the Al-Waleed border crossing and Nineveh province."
    found = [(text[s:e], p.name) for s, e, p in gaz.find(text)]
    assert found == [
        ("north-eastern Syria", "northeastern Syria"),
        ("Al-Waleed border crossing", "Al-Waleed crossing"),
        ("Nineveh province", "Nineveh Governorate"),
    ]


def test_find_needs_capitals_where_the_name_has_them(gaz: Gazetteer) -> None:
    assert [p.name for _, _, p in gaz.find("roast turkey at home in Turkey")] == ["Turkey"]


def test_find_never_reports_home(gaz: Gazetteer) -> None:
    assert gaz.find("They are going home.") == []


def test_containment(gaz: Gazetteer) -> None:
    qamishli = gaz.lookup("Qamishli")
    syria, iraq = gaz.lookup("Syria"), gaz.lookup("Iraq")
    assert qamishli is not None and syria is not None and iraq is not None
    assert [p.name for p in gaz.ancestors(qamishli)] == ["Hasakah Governorate", "northeastern Syria", "Syria"]
    country = gaz.country_of(qamishli)
    assert country is not None and country.name == "Syria"
    assert gaz.contains(syria, qamishli)
    assert gaz.contains(syria, syria)
    assert not gaz.contains(iraq, qamishli)
    assert not gaz.contains(qamishli, syria)


@pytest.mark.parametrize(
    ("outer", "inner", "held"),
    [
        ("Europe", "Poland", True),
        ("eastern Europe", "Rzeszow", True),
        ("Eastern Europe", "Baltics", True),
        ("Europe", "Syria", False),
        ("Middle East", "Iraq", True),
        ("Middle East", "Mali", False),
        ("Sahel", "Gao", True),
        ("West Africa", "Niger", True),
        ("Africa", "Sahel", True),
        ("Poland", "Europe", False),
    ],
)
def test_a_region_of_several_countries_holds_what_lies_in_them(gaz: Gazetteer, outer: str, inner: str, held: bool) -> None:
    region, place = gaz.resolve(outer), gaz.resolve(inner)
    assert region is not None and place is not None, (outer, inner)
    assert gaz.contains(region, place) is held


def test_every_place_lies_in_a_known_place(gaz: Gazetteer) -> None:
    for place in gaz.places.values():
        if place.within is not None:
            assert gaz.parent(place) is not None, place  # a hand-kept place, or one of the world layer
        if place.kind in ("province", "city", "base", "crossing", "field") and place.within:
            assert gaz.country_of(place) is not None or place.name == "Brussels", place


@pytest.mark.parametrize(
    ("word", "actor"),
    [
        ("American", "US"), ("US", "US"), ("U.S.", "US"), ("USA", "US"), ("Americans", "US"),
        ("Iraqi", "Iraq"), ("Turkish", "Turkey"), ("Russian", "Russia"), ("Syrian", "Syria"), ("British", "UK"),
        ("Kurdish", "Kurds"), ("coalition", "coalition"), ("Syrian Democratic Forces", "SDF"), ("SDF", "SDF"),
        ("Daesh", "ISIS"), ("Peshmerga", "Peshmerga"), ("Iraq", "Iraq"),
    ],
)
def test_actor_for(gaz: Gazetteer, word: str, actor: str) -> None:
    assert gaz.actor_for(word) == actor


def test_actor_for_unknown(gaz: Gazetteer) -> None:
    assert gaz.actor_for("Martian") is None


def test_find_actors_prefers_the_longest_name(gaz: Gazetteer) -> None:
    text = "The Syrian Democratic Forces and U.S.-led coalition troops met Iraqi officers; is IS there?"
    assert [actor for _, _, actor in gaz.find_actors(text)] == ["SDF", "coalition", "Iraq", "ISIS"]


def test_home_of(gaz: Gazetteer) -> None:
    home = gaz.home_of("US")
    assert home is not None and home.name == "United States"
    assert gaz.home_of("Martians") is None
    assert gaz.home_of(None) is None


def test_text_index_answers_for_parts(gaz: Gazetteer) -> None:
    text = "Troops left Mosul. They reached Erbil."
    index = gaz.index(text, [(0, 18), (19, len(text))])
    assert [p.name for _, _, p in index.places_in(19, len(text))] == ["Erbil"]
    assert [p.name for _, _, p in index.places_in(0, len(text))] == ["Mosul", "Erbil"]


# --- user files ------------------------------------------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "places.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_file_extends_the_built_in_places(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "places:\n"
        "  - name: Camp Example\n"
        "    kind: base\n"
        "    aliases: [Example Base]\n"
        "    within: Anbar Governorate\n"
        "  - {name: Syria, kind: country, aliases: [Sham]}\n"
        "actors:\n"
        "  - {name: Example Brigade, aliases: [the Brigade]}\n"
        "home_of:\n"
        "  Example Brigade: Iraq\n",
    )
    gaz = load_gazetteer(path)
    base = gaz.lookup("example base")
    assert base is not None and base.name == "Camp Example"
    country = gaz.country_of(base)
    assert country is not None and country.name == "Iraq"
    assert name(gaz, "Sham") == "Syria"  # the user's entry replaced the built-in one
    assert gaz.actor_for("Example Brigade") == "Example Brigade"
    home = gaz.home_of("Example Brigade")
    assert home is not None and home.name == "Iraq"
    assert load_gazetteer().lookup("example base") is None  # the built-in one is untouched


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("places:\n  - name: A\n    kind: base\n    kind: city\n", 4, "duplicate key"),
        ("places:\n  - name: A\n    kind: village\n", 3, "kind 'village'"),
        ("places:\n  - name: A\n    kind: city\n    within: Nowhere\n", 4, "'Nowhere', which is not a known place"),
        ("places:\n  - name: A\n    kind: city\n    colour: red\n", 4, "unknown key 'colour'"),
        ("places:\n  - name: A\n    kind: city\n  - name: A\n    kind: base\n", 4, "listed twice"),
        ("places:\n  - {name: A, kind: city, within: B}\n  - {name: B, kind: city, within: A}\n", 2, "inside itself"),
        ("towns: []\n", 1, "unknown key 'towns'"),
        ("places: [\n", 2, "YAML"),
        ("home_of:\n  X: Nowhere\n", 2, "not a known place"),
        ("places:\n  - name: A\n    kind: region\n    members: [Syria, Atlantis]\n", 4, "'Atlantis', which is not a known country"),
    ],
)
def test_user_file_errors_name_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(TroopclaimsError) as caught:
        load_gazetteer(path)
    assert str(caught.value).startswith(f"{path.resolve()}:{line}:")
    assert message in str(caught.value)


def test_a_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(TroopclaimsError, match="no such gazetteer file"):
        load_gazetteer(tmp_path / "absent.yaml")


def test_an_edited_user_file_is_read_again(tmp_path: Path) -> None:
    path = write(tmp_path, "places:\n  - {name: Camp One, kind: base}\n")
    assert load_gazetteer(path).lookup("Camp One") is not None
    path.write_text("places:\n  - {name: Camp Two, kind: base}\n  - {name: Camp Three, kind: base}\n", encoding="utf-8")
    assert load_gazetteer(path).lookup("Camp Two") is not None


@pytest.mark.parametrize(
    ("written", "place_id"),
    [
        ("Burma", "MM"),
        ("Macedonia", "MK"),
        ("Bosnia", "BA"),
        ("eastern Bosnia", "compass:BA:e"),
        ("South Kivu", "CD-SK"),
        ("Amhara region", None),
    ],
)
def test_names_news_uses_that_iso_does_not(gaz: Gazetteer, written: str, place_id: str | None) -> None:
    place = gaz.resolve(written)
    assert place is not None, written
    assert place.id == place_id or (place_id is None and place.country == "ET"), (written, place)
