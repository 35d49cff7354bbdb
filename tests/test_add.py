"""add is idempotent for real: what review made of a candidate stays, and an article already in the story is not added again."""

from __future__ import annotations

import shutil
from pathlib import Path

from troopclaims.datafile import load_dataset

from .conftest import Invoke
from .test_review import HEADLINE, NORTH, READY, STAYED, make_story


def test_add_twice_with_review_between_adds_nothing(run: Invoke, tmp_path: Path) -> None:
    data = make_story(run, tmp_path / "story")
    answers = [
        "r",  # the headline, rejected
        "e", "about 450", "y", "a",  # the count edited, then accepted
        "e", 'quote: "We are ready to help": the ministry said 300 more Latvian soldiers', "y", "a",  # narrowed
        "r",  # rejected
        "q",
    ]
    assert run("review", "--data", str(data), input="\n".join(answers) + "\n").exit_code == 0
    before = data.read_bytes()
    again = run("add", str(data.parent / "articles"), "--data", str(data))
    assert again.exit_code == 0, again.stderr
    assert "added 0 unreviewed claims" in again.stderr
    assert data.read_bytes() == before
    dataset = load_dataset(data)
    assert {c.id for c in dataset.rejected} == {HEADLINE, STAYED}
    assert next(c for c in dataset.claims if c.id == READY).quote.endswith("300 more Latvian soldiers")


def test_a_renamed_copy_of_an_article_is_named_and_not_added(run: Invoke, tmp_path: Path) -> None:
    data = make_story(run, tmp_path / "story")
    articles = data.parent / "articles"
    sources = len(load_dataset(data).sources)
    # The same story saved again under another name, its header and line breaks changed.
    (articles / "latvia-copy.txt").write_text(
        NORTH.replace("March 7, 2024 | Reuters", "7 March 2024 | Reuters").replace("\n\n", "\n\n\n"), encoding="utf-8")
    result = run("add", str(articles), "--data", str(data))
    assert result.exit_code == 0, result.stderr
    assert f"not added: {articles / 'latvia-copy.txt'} is the article already in the story as source reuters-latvian" in result.stderr
    assert "(articles/north.txt)" in result.stderr and "--allow-duplicate" in result.stderr
    assert len(load_dataset(data).sources) == sources
    allowed = run("add", str(articles / "latvia-copy.txt"), "--data", str(data), "--allow-duplicate")
    assert allowed.exit_code == 0 and len(load_dataset(data).sources) == sources + 1


def test_two_copies_in_one_run_add_one(run: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "story"
    assert run("init", str(folder), "-q").exit_code == 0
    (folder / "articles" / "a.txt").write_text(NORTH, encoding="utf-8")
    shutil.copy(folder / "articles" / "a.txt", folder / "articles" / "b.txt")
    result = run("add", str(folder / "articles"), "--data", str(folder / "claims.yaml"))
    assert result.exit_code == 0 and "not added: " in result.stderr and "added in this run" in result.stderr
    assert len(load_dataset(folder / "claims.yaml").sources) == 1


def test_a_pdf_is_refused_by_name(run: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "story"
    assert run("init", str(folder), "-q").exit_code == 0
    pdf = folder / "articles" / "report.txt"  # named as text, but a PDF by its first bytes
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nAbout 400 soldiers left.\n")
    result = run("add", str(pdf), "--published", "2024-02-14", "--data", str(folder / "claims.yaml"))
    assert result.exit_code == 1 and f"{pdf}: is a PDF, not text or a saved web page" in result.stderr
    assert load_dataset(folder / "claims.yaml").sources == {}


def test_init_prints_real_line_breaks(run: Invoke, tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "story"))
    assert "\\n" not in result.stderr and len(result.stderr.splitlines()) >= 6
    assert "troopclaims add articles/" in result.stderr


def test_a_folder_is_read_with_its_subfolders_hidden_ones_left_out(run: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "story"
    assert run("init", str(folder), "-q").exit_code == 0
    outlet = folder / "articles" / "reuters"
    outlet.mkdir()
    (outlet / "north.txt").write_text(NORTH, encoding="utf-8")
    hidden = folder / "articles" / ".drafts"
    hidden.mkdir()
    (hidden / "draft.txt").write_text(NORTH.replace("300", "900"), encoding="utf-8")
    result = run("add", str(folder / "articles"), "--data", str(folder / "claims.yaml"))
    assert result.exit_code == 0, result.stderr
    sources = load_dataset(folder / "claims.yaml").sources
    assert [s.file for s in sources.values()] == ["articles/reuters/north.txt"]
