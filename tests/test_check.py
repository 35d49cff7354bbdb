"""`troopclaims check`: every kind of error, with its message, position and exit code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from troopclaims.datafile import check_file, fold_quote, load_dataset
from troopclaims.errors import TroopclaimsError

from .conftest import BUNDLED, TESTDATA, VALID, Invoke

INVALID = sorted((TESTDATA / "invalid").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+):(\d+): (.+)$", re.MULTILINE)


def expectations(path: Path) -> list[tuple[int, int, str]]:
    found = [(int(m[1]), int(m[2]), m[3]) for m in EXPECT.finditer(path.read_text(encoding="utf-8"))]
    assert found, f"{path.name} states no expectation"
    return found


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_file_reports_message_line_and_column(path: Path) -> None:
    problems = check_file(path).errors
    for line, column, message in expectations(path):
        matching = [p for p in problems if message in p.message]
        assert matching, f"no problem says {message!r}; got {[str(p) for p in problems]}"
        assert (matching[0].line, matching[0].column) == (line, column), str(matching[0])


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_file_exits_1_with_errors_on_stderr(run: Invoke, path: Path) -> None:
    result = run("check", str(path))
    assert result.exit_code == 1
    line, column, message = expectations(path)[0]
    where = f"{path}:{line}:{column}: " if line else f"{path}: "
    assert f"{where}" in result.stderr and message in result.stderr
    assert "Traceback" not in result.output


def test_valid_file_is_clean(run: Invoke) -> None:
    result = run("check", str(VALID))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"{VALID}: ok"


def test_bundled_data_is_clean() -> None:
    assert [str(p) for p in check_file(BUNDLED).errors] == []


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Some 300 marines landed on Friday. Then 300 marines left.", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "sources:\n"
        "  - {id: a, file: articles/a.txt, outlet: X, title: T, published: {date: '2024-01-05', basis: stated}}\n"
        "claims:\n"
        "  - {id: c1, source: a, quote: 300 marines}\n"
        "  - {id: c2, source: b, quote: landed}\n"
        "  - {id: c3, source: a, quote: sailed away}\n"
        "  - {id: c4, source: a, quote: landed on Friday, count: {value: 7}}\n",
        encoding="utf-8",
    )
    problems = check_file(tmp_path / "claims.yaml").errors
    assert [p.line for p in problems] == [4, 5, 6, 7]


def test_quote_offsets_slice_the_article() -> None:
    dataset = load_dataset(VALID)
    for claim in dataset.claims:
        start, end = dataset.spans[claim.id]
        sliced = dataset.texts[claim.source][start:end]
        assert fold_quote(sliced) == fold_quote(claim.quote)


def test_whitespace_and_typographic_quotes_are_forgiven_nothing_else() -> None:
    dataset = load_dataset(VALID)
    curly = next(c for c in dataset.claims if c.id == "rebuttal-1")
    assert "'" in curly.quote and "’" in dataset.texts["rebuttal"]


def test_load_dataset_raises_with_the_first_error_and_a_count() -> None:
    with pytest.raises(TroopclaimsError, match=r"duplicate-id.yaml:13:9: duplicate claim id"):
        load_dataset(TESTDATA / "invalid" / "duplicate-id.yaml")


def test_json_format_lists_problems(run: Invoke) -> None:
    result = run("check", str(TESTDATA / "invalid" / "quote-twice.yaml"), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert report["problems"][0]["line"] == 12 and report["problems"][0]["code"] == "quote"


def test_github_format_annotates_with_escaped_fields(run: Invoke) -> None:
    result = run("check", str(TESTDATA / "invalid" / "count-not-in-quote.yaml"), "--format", "github")
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("::error file=") and ",line=13,col=38," in first
    assert "count 500 does not appear" in first


def test_missing_path_is_a_data_error_not_a_traceback(run: Invoke, tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 1
    assert "nope.yaml: no such file" in result.stderr


def test_unknown_format_is_a_usage_error(run: Invoke) -> None:
    result = run("check", str(VALID), "--format", "xml")
    assert result.exit_code == 2
