"""`troopclaims extract`: verbatim candidates, streaming, workers, merge that keeps every byte, coverage."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest

from troopclaims.datafile import check_file

from .conftest import REPO, Invoke

ARTICLE = (
    "Norwegian battalion heads south\n\n"
    "About 600 soldiers left Lithuania on Monday and will move to Poland, the Norwegian defence ministry said.\n\n"
    "A spokesman said more than 80 armoured vehicles were on the road.\n"
)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    shutil.copytree(REPO / "data", tmp_path / "data")
    return tmp_path


def test_extract_seeds_quotes_are_verbatim_and_offsets_slice(run: Invoke) -> None:
    result = run("extract", str(REPO / "seeds"), "--format", "json")
    assert result.exit_code == 0
    claims = json.loads(result.stdout)
    assert len({c["article"] for c in claims}) == 5
    for claim in claims:
        text = Path(claim["article"]).read_text(encoding="utf-8")
        assert text[claim["start"] : claim["end"]] == claim["quote"]
        assert claim["reviewed"] is False


def test_merge_into_a_copy_passes_check_and_keeps_every_byte(run: Invoke, workspace: Path) -> None:
    data = workspace / "data" / "claims.yaml"
    before = data.read_text(encoding="utf-8")
    result = run("extract", str(workspace / "seeds"), "--published", "2019-10-25", "--merge", str(data))
    assert result.exit_code == 0, result.stderr
    after = data.read_text(encoding="utf-8")
    removed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line.startswith("- ")]
    assert removed == [] and len(after) > len(before)
    assert "# troopclaims data file" in after  # the header comment survives
    assert check_file(data).errors == []
    again = run("extract", str(workspace / "seeds"), "--published", "2019-10-25", "--merge", str(data))
    assert "added 0 unreviewed claims" in again.stderr and data.read_text(encoding="utf-8") == after


def test_merge_adds_a_new_article_as_a_source(run: Invoke, workspace: Path) -> None:
    (workspace / "seeds" / "new story.txt").write_text(ARTICLE, encoding="utf-8")
    data = workspace / "data" / "claims.yaml"
    result = run("extract", str(workspace / "seeds" / "new story.txt"), "--published", "2024-02-14", "--merge", str(data))
    # The id is read from the title, not the file name: the outlet is unknown, so the title alone.
    assert result.exit_code == 0 and "new sources: norwegian-battalion-heads-south" in result.stderr
    dataset = check_file(data)
    assert dataset.errors == [] and dataset.dataset is not None
    source = dataset.dataset.sources["norwegian-battalion-heads-south"]
    assert source.file == "seeds/new story.txt" and source.published.basis == "inferred"
    added = dataset.dataset.claims_of("norwegian-battalion-heads-south")
    assert added and not any(claim.reviewed for claim in added)


def test_an_article_with_no_date_extracts_unresolved_and_cannot_be_merged_without_one(run: Invoke, workspace: Path) -> None:
    article = workspace / "seeds" / "undated.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    claims = json.loads(run("extract", str(article), "--format", "json").stdout)
    dated = [c for c in claims if "when" in c]
    assert dated and all("value" not in c["when"] for c in dated)
    result = run("extract", str(article), "--merge", str(workspace / "data" / "claims.yaml"))
    assert result.exit_code == 1 and f"skipped: {article}: states no publication date" in result.stderr


def test_a_stated_date_is_used_before_published(run: Invoke, tmp_path: Path) -> None:
    article = tmp_path / "dated.txt"
    article.write_text("Published: 2024-02-14\n\n" + ARTICLE, encoding="utf-8")
    claims = json.loads(run("extract", str(article), "--published", "2020-01-01", "--format", "json").stdout)
    values = [c["when"]["value"] for c in claims if "value" in c.get("when", {})]
    assert values and all(value.startswith("2024-02") for value in values)


def test_jsonl_streams_one_claim_per_line_and_workers_agree(run: Invoke) -> None:
    one = run("extract", str(REPO / "seeds"), "--format", "jsonl").stdout.splitlines()
    two = run("extract", str(REPO / "seeds"), "--format", "jsonl", "--jobs", "2").stdout.splitlines()
    assert one == two and all(json.loads(line)["quote"] for line in one)


def test_bad_usage(run: Invoke, tmp_path: Path) -> None:
    assert run("extract", str(tmp_path / "missing.txt")).exit_code == 2
    assert run("extract", str(tmp_path)).exit_code == 2  # a folder with no articles
    bad_date = run("extract", str(REPO / "seeds"), "--published", "2019-02-30")
    assert bad_date.exit_code == 2 and "not a date on the calendar" in bad_date.stderr


def test_check_warns_about_counts_no_claim_covers(run: Invoke, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "sources:\n  - {id: a, file: a.txt, outlet: X, title: T, published: {date: '2024-02-14', basis: stated}}\n"
        "claims:\n  - {id: c1, source: a, quote: 'A spokesman said more than 80 armoured vehicles', actor: Norway}\n",
        encoding="utf-8",
    )
    result = run("check", str(tmp_path / "claims.yaml"))
    assert result.exit_code == 0
    assert "warning: coverage: a.txt line 3 has a count no claim covers: 'About 600 soldiers" in result.stderr
