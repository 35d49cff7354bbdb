"""Review, scripted: natural edits read with the extractor's grammar, bad ones refused, bulk accept, undo, rejected revisited.

The file on disk must be one that `check` accepts after every single write.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from troopclaims.datafile import check_file, load_dataset
from troopclaims.datafile import edit as edit_module

from .conftest import Invoke

NORTH = """Latvian troops move to Tallinn
March 7, 2024 | Reuters

RIGA (Reuters) - About 450 Latvian soldiers moved from Latvia to Estonia on Tuesday, the Latvian defence ministry said.

"We are ready to help": the ministry said 300 more Latvian soldiers would move to Estonia next month.

Some 120 Latvian soldiers stayed in Latvia, officials said.
"""
SOUTH = """Estonia receives Latvian battalion
By Mari Tamm | AFP
8 March 2024

More than 1,200 Latvian soldiers arrived in Estonia on Tuesday, an Estonian army spokesman said.
"""
HEADLINE, ABOUT_450, READY, STAYED = (f"reuters-latvian-troops-move-to-tallinn-x00{n}" for n in range(1, 5))
ARRIVED = "afp-estonia-receives-latvian-battalion-x001"


def make_story(run: Invoke, folder: Path) -> Path:
    assert run("init", str(folder), "-q").exit_code == 0
    (folder / "articles" / "north.txt").write_text(NORTH, encoding="utf-8")
    (folder / "articles" / "south.txt").write_text(SOUTH, encoding="utf-8")
    data = folder / "claims.yaml"
    assert run("add", str(folder / "articles"), "--data", str(data), "-q").exit_code == 0
    assert [c.id for c in load_dataset(data).claims] == [HEADLINE, ABOUT_450, READY, STAYED, ARRIVED]
    return data


@pytest.fixture
def data(run: Invoke, tmp_path: Path) -> Path:
    return make_story(run, tmp_path / "story")


@pytest.fixture
def checked_writes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every write review makes, each checked right after it as `troopclaims check` would."""
    writes: list[Path] = []
    real = edit_module.atomic_write_text

    def write_and_check(path: Path, text: str) -> None:
        real(path, text)
        assert check_file(path).errors == [], check_file(path).errors
        writes.append(path)

    monkeypatch.setattr(edit_module, "atomic_write_text", write_and_check)
    return writes


def claims_of(data: Path) -> dict[str, object]:
    dataset = load_dataset(data)
    return {c.id: c for c in (*dataset.claims, *dataset.rejected)}


def test_natural_edits_are_read_confirmed_and_saved(run: Invoke, data: Path, checked_writes: list[Path]) -> None:
    answers = [
        "r",  # the headline
        "e", "about 450", "y",
        "e", "on Tuesday", "y",
        "e", "from Latvia to Estonia", "y",
        "e", "denied", "y",
        "e", "speaker: Latvian defence ministry", "y",
        "a",
        "e", 'quote: "We are ready to help": the ministry said 300 more Latvian soldiers', "y",
        "e", "plan", "y",
        "a", "q",
    ]
    result = run("review", "--data", str(data), input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "now: count: {qualifier: about, value: 450, text: about 450}" in result.stdout  # shown back before it is saved
    claims = claims_of(data)
    edited = claims[ABOUT_450]
    assert edited.reviewed and edited.count is not None and (edited.count.qualifier, edited.count.value) == ("about", 450)
    assert edited.when is not None and (edited.when.text, edited.when.value) == ("on Tuesday", "2024-03-05")
    assert (edited.origin, edited.destination, edited.polarity) == ("Latvia", "Estonia", "denied")
    assert edited.speaker == "Latvian defence ministry"
    narrowed = claims[READY]
    assert narrowed.quote == '"We are ready to help": the ministry said 300 more Latvian soldiers'
    assert narrowed.modality == "plan" and narrowed.reviewed
    assert claims[HEADLINE].status == "rejected"
    assert len(checked_writes) == 10


def test_bad_edits_are_refused_with_the_reason_and_asked_again(run: Invoke, data: Path, checked_writes: list[Path]) -> None:
    before = data.read_text(encoding="utf-8")
    answers = [
        "s",
        "e",
        "more than 1,200",  # a figure its quote does not give: check would refuse the file
        "count: lots",  # no amount
        "movement: march",  # no movement
        "marched",  # no field it could be
        "quote: 800 Latvian soldiers moved",  # not in the article
        "when: the other day",  # no date
        "",  # back to the menu with nothing changed
        "q",
    ]
    result = run("review", "--data", str(data), input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.stderr
    refused = [line for line in result.stderr.splitlines() if line.startswith("refused: ")]
    assert len(refused) == 6, result.stderr
    assert "count 1,200 does not appear in its quote" in refused[0]
    assert "'lots' is not an amount" in refused[1]
    assert "'march' is not a movement" in refused[2]
    assert "cannot tell which field 'marched' sets" in refused[3]
    assert "quote not found" in refused[4]
    assert all(line.endswith("nothing saved, try again") for line in refused)
    assert data.read_text(encoding="utf-8") == before and checked_writes == []


def test_review_shows_every_field_a_decision_rests_on(run: Invoke, data: Path) -> None:
    result = run("review", "--data", str(data), input="s\nq\n")
    shown = " ".join(result.stdout.split())
    for part in ("(candidate)", "count: about 450", "forces: Latvia", "from: Latvia", "to: Estonia",
                 "speaker: Latvian defence ministry", "polarity: asserted", "modality: fact"):
        assert part in shown, part


def test_bulk_accept_takes_every_candidate_of_the_article(run: Invoke, data: Path, checked_writes: list[Path]) -> None:
    result = run("review", "--data", str(data), input="b\nq\n")
    assert result.exit_code == 0, result.stderr
    assert "accept all 4 of this article" in result.stdout
    claims = claims_of(data)
    assert all(claims[c].reviewed for c in (HEADLINE, ABOUT_450, READY, STAYED))
    assert not claims[ARRIVED].reviewed
    assert len(checked_writes) == 1  # one decision, one write
    assert "4 accepted, 0 rejected, 0 edited; 1 left to review" in result.stderr


def test_undo_takes_back_the_last_decisions_one_by_one(run: Invoke, data: Path, checked_writes: list[Path]) -> None:
    answers = ["a", "e", "about 450", "y", "r", "u", "u", "u", "u", "q"]  # the last undo finds nothing left
    result = run("review", "--data", str(data), input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "nothing to undo" in result.stderr
    after = claims_of(data)
    original = load_dataset(data)
    assert not any(c.reviewed for c in original.claims) and not original.rejected
    assert after[ABOUT_450].count is not None and after[ABOUT_450].count.text == "About 450"  # the edit undone too
    bulk = run("review", "--data", str(data), input="b\nu\nq\n")
    assert "0 accepted" in bulk.stderr and load_dataset(data).unreviewed == 5


def test_rejected_candidates_can_be_revisited(run: Invoke, data: Path) -> None:
    run("review", "--data", str(data), input="r\ns\ns\nr\nq\n")
    assert {c.id for c in load_dataset(data).rejected} == {HEADLINE, STAYED}
    again = run("review", "--data", str(data), "--rejected", input="s\na\n")
    assert again.exit_code == 0, again.stderr
    assert "(rejected)" in again.stdout
    dataset = load_dataset(data)
    assert [c.id for c in dataset.rejected] == [HEADLINE]
    stayed = next(c for c in dataset.claims if c.id == STAYED)
    assert stayed.reviewed and stayed.status == "active"
