"""The merge keeps a claim whose quote equals another's when what it says differs (issue 20, class 7)."""

from __future__ import annotations

from pathlib import Path

from troopclaims.datafile import Claim, Extracted, load_dataset, merge_into, parse_value

QUOTE = "About 300 soldiers left Gao for Bamako and 200 more flew home to France, the ministry said."


def article(folder: Path, *claims: dict[str, object]) -> Extracted:
    path = folder / "articles" / "gao.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text("Troops leave Gao\n\n" + QUOTE + "\n", encoding="utf-8")
    built = tuple(
        Claim.model_validate({"id": f"gao-{i:02d}", "source": "gao", "quote": QUOTE, "actor": "France", "unit": "soldiers", "reviewed": False, **c})
        for i, c in enumerate(claims, 1)
    )
    return Extracted(path, "gao", parse_value("2022-08-15"), True, "Troops leave Gao", built, ((18, 18 + len(QUOTE)),) * len(built))


def test_two_claims_of_one_sentence_with_different_counts_and_places_are_both_kept(tmp_path: Path) -> None:
    data = tmp_path / "claims.yaml"
    data.write_text("version: 1\nsources: []\nclaims: []\n", encoding="utf-8")
    two = article(
        tmp_path,
        {"count": {"qualifier": "about", "value": 300}, "movement": "move", "origin": "Gao", "destination": "Bamako"},
        {"count": {"value": 200}, "movement": "return", "destination": "France"},
    )
    result = merge_into(data, [two], False)
    assert result.claims_added == 2
    assert sorted((c.count.value if c.count else None) for c in load_dataset(data).claims) == [200, 300]
    # the same candidates again: nothing new (add stays idempotent), and an exact repeat in one run is one claim
    again = merge_into(data, [two], False)
    assert (again.claims_added, again.claims_skipped) == (0, 2)


def test_an_exact_repeat_in_one_run_is_added_once(tmp_path: Path) -> None:
    data = tmp_path / "claims.yaml"
    data.write_text("version: 1\nsources: []\nclaims: []\n", encoding="utf-8")
    same = {"count": {"value": 200}, "movement": "return", "destination": "France"}
    assert merge_into(data, [article(tmp_path, same, same)], False).claims_added == 1
