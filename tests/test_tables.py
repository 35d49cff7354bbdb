"""Terminal tables fit the width they are given: no line wider, no id broken, long text wrapped at words and cut."""

from __future__ import annotations

import io
import json
import re

import pytest

from troopclaims.present.render import Column, View, render_table
from troopclaims.present.table import MAX_LINES, cell_len, clip, terminal_width, wrap

from .conftest import BUNDLED, Invoke

WIDTHS = (80, 100, 200)


def _whole(token: str) -> re.Pattern[str]:
    """The token standing alone: not glued to letters, digits or hyphens on either side."""
    return re.compile(rf"(?<![\w-]){re.escape(token)}(?![\w-])")


def _table(run: Invoke, monkeypatch: pytest.MonkeyPatch, width: int, *args: str) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _fits(out: str, width: int) -> None:
    too_wide = [line for line in out.splitlines() if cell_len(line) > width]
    assert not too_wide, f"{len(too_wide)} lines wider than {width}: {too_wide[0]!r}"


@pytest.mark.parametrize("width", WIDTHS)
def test_list_fits_and_shows_every_claim_id_whole_once(run: Invoke, monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    claims = json.loads(run("list", "--format", "json").stdout)
    out = _table(run, monkeypatch, width, "list")
    _fits(out, width)
    for claim in claims:
        assert len(_whole(claim["id"]).findall(out)) == 1, claim["id"]


@pytest.mark.parametrize("width", WIDTHS)
def test_conflicts_fit_with_every_conflict_id_and_claim_id_whole(run: Invoke, monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    conflicts = json.loads(run("conflicts", "--format", "json").stdout)
    out = _table(run, monkeypatch, width, "conflicts")
    _fits(out, width)
    # Still a table: where the id's column does not fit, the id leads its conflict's heading row.
    assert out.splitlines()[1].startswith("+-")
    assert conflicts
    for conflict in conflicts:
        assert _whole(conflict["id"]).search(out), conflict["id"]
        for claim_id in conflict["claims"]:
            assert _whole(claim_id).search(out), claim_id


@pytest.mark.parametrize("width", WIDTHS)
def test_timeline_fits_and_names_the_conflicts_the_conflicts_table_shows(
    run: Invoke, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    ids = {c["id"] for c in json.loads(run("conflicts", "--format", "json").stdout)}
    named = {i for row in json.loads(run("timeline", "--format", "json").stdout) for i in row["conflicts"]}
    assert named and named <= ids
    out = _table(run, monkeypatch, width, "timeline")
    _fits(out, width)
    if width < 200:
        # Narrower, the ids (long words) give way to who says it: the kinds disputed stay, and a line says so.
        assert re.search(rf"Not shown at {width} columns: [^\n]*\bconflicts\b", out)
        assert {conflict_id.split(".")[1] for conflict_id in named} <= set(re.findall(r"[a-z]+", out))
        return
    for conflict_id in named:
        assert _whole(conflict_id).search(out), conflict_id


def test_a_narrow_terminal_leaves_out_columns_and_says_which(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _table(run, monkeypatch, 80, "list", "--data", str(BUNDLED))
    assert "Not shown at 80 columns:" in out and "source" in out.split("Not shown at 80 columns:")[1]
    wide = _table(run, monkeypatch, 200, "list", "--data", str(BUNDLED))
    assert "Not shown" not in wide


def test_long_quotes_are_cut_in_tables_and_whole_in_json_and_csv(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    words = " ".join(f"word{n}" for n in range(200))
    view = View("t", [Column("id", "id"), Column("quote", "quote", wide=True)], [{"id": "a-1", "quote": words}], [{"quote": words}])
    monkeypatch.setenv("COLUMNS", "60")
    out = io.StringIO()
    render_table(view, out)
    body = [line for line in out.getvalue().splitlines() if line.startswith("|") and "word" in line]
    assert len(body) == MAX_LINES and body[-1].rstrip(" |").endswith("…")
    # every word shown is whole: the words of the cell are an unbroken prefix of the quote
    shown = " ".join(line.strip("| ").split("|")[-1].strip() for line in body).rstrip("…").split()
    assert shown == words.split()[: len(shown)]
    longest = max((c["quote"] for c in json.loads(run("list", "--format", "json").stdout)), key=len)
    assert " ".join(longest.split()) in run("list", "--format", "csv").stdout
    assert " ".join(longest.split()) not in " ".join(_table(run, monkeypatch, 80, "list").split())


def test_wrap_breaks_at_spaces_and_never_inside_a_word_that_fits() -> None:
    lines = wrap("US troops-return-to-syria-14 moved to Erbil, officials said", 26)
    assert "troops-return-to-syria-14" in lines
    assert all(cell_len(line) <= 26 for line in lines)
    assert " ".join(lines) == "US troops-return-to-syria-14 moved to Erbil, officials said"


def test_wrap_counts_wide_characters_as_two_columns() -> None:
    lines = wrap("東京 部隊 撤退 開始 発表", 9)
    assert all(cell_len(line) <= 9 for line in lines) and len(lines) == 3


def test_clip_marks_the_cut_and_stays_within_the_width() -> None:
    cut = clip(["aaaa bbbb", "cccc dddd", "eeee"], 9, 2)
    assert cut == ["aaaa bbbb", "cccc…"]


def test_piped_output_without_columns_is_80_wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr("os.isatty", lambda fd: False)
    assert terminal_width(io.StringIO()) == 80
    monkeypatch.setenv("COLUMNS", "123")
    assert terminal_width(io.StringIO()) == 123


def test_machine_formats_ignore_the_width(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    rows = run("list", "--format", "csv").stdout.splitlines()
    assert max(len(r) for r in rows) > 40
