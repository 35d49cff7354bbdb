"""Source ids and manifests: readable, stable, unique ids; a bad manifest row named by file and line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from troopclaims.errors import TroopclaimsError
from troopclaims.intake import read_manifest, slug, source_id, unique_source_id


def test_an_id_is_the_outlet_and_the_first_words_of_the_title() -> None:
    assert source_id("The Daily Ledger", "Convoy Leaves the Border Base, Officials Say", "01") == (
        "daily-ledger-convoy-leaves-the-border-base-officials"
    )
    assert source_id(None, "Convoy leaves", "01") == "convoy-leaves"
    assert source_id("unknown", "Convoy leaves", "01") == "convoy-leaves"
    assert source_id(None, "«»", "my file 01") == "my-file-01"


def test_a_slug_is_ascii_and_keeps_readable_words() -> None:
    assert slug("Soldats français quittent Gao’s base") == "soldats-francais-quittent-gaos-base"
    assert slug("The A-10s fly home") == "a-10s-fly-home"


def test_a_taken_id_gets_the_date_then_a_number() -> None:
    taken = {"reuters-convoy-leaves"}
    day = date(2024, 2, 14)
    assert unique_source_id("reuters-convoy-leaves", day, taken) == "reuters-convoy-leaves-2024-02-14"
    assert unique_source_id("reuters-convoy-leaves", day, taken) == "reuters-convoy-leaves-2024-02-14-2"
    assert unique_source_id("reuters-convoy-leaves", None, taken) == "reuters-convoy-leaves-2"
    assert unique_source_id("ap-convoy-leaves", day, taken) == "ap-convoy-leaves"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("file,outlet,when\na.txt,Ledger,2024\n", "manifest.csv:2: unknown column 'when'"),
        ("file,published\na.txt,2024-02-30\n", "manifest.csv:2: published: '2024-02-30' is not a date on the calendar"),
        ("file,url\n,https://x.example/a\n", "manifest.csv:2: no file for https://x.example/a"),
        ("file,url\na.txt,https://x.example/a,extra\n", "manifest.csv:2: more values than columns"),
    ],
)
def test_a_bad_manifest_row_is_named_by_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(content, encoding="utf-8")
    with pytest.raises(TroopclaimsError) as caught:
        read_manifest(manifest)
    assert str(caught.value).startswith(f"{tmp_path}/") and message in str(caught.value)


def test_a_manifest_row_with_a_time_keeps_it(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("- file: a.txt\n  published: 2024-02-14 09:30Z\n  outlet: Ledger\n", encoding="utf-8")
    (row,) = read_manifest(manifest)
    assert (row.file, row.outlet, row.published and row.published.value, row.time) == (tmp_path / "a.txt", "Ledger", "2024-02-14", "09:30Z")
    assert row.where == f"{manifest}:1"
