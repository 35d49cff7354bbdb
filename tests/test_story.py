"""A new story from zero: init, add a folder of saved pages and text files, review, add again.

tests/data/story/ holds articles written for these tests: four web pages in different layouts
(an <article> with OpenGraph tags, schema.org JSON-LD with plain divs, plain divs with a byline
and dateline under the headline, itemprop and application-name meta tags), four text files with
datelines and bylines, and a manifest.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from troopclaims.datafile import check_file, load_dataset

from .conftest import TESTDATA, Invoke

STORY = TESTDATA / "story"

# file -> (outlet, title, date, time, url, basis)
EXPECTED = {
    "articles/convoy.txt": (
        "The Daily Ledger", "Convoy leaves the border base", "2024-02-14", "09:30:00+01:00",
        "https://ledger.example/world/2024/02/14/convoy-leaves", "stated",
    ),
    "articles/river.txt": (
        "Harbour Times", "Troops cross the river at dawn", "2023-11-11", "18:42:00Z",
        "https://harbour-times.example/news/troops-cross-river", "stated",
    ),
    "articles/capital.txt": (
        "Valley Post", "Soldiers reach the capital", "2024-02-14", None,
        "https://valleypost.example/2024/02/soldiers-reach-capital", "stated",
    ),
    "articles/airlift.txt": ("North Watch", "Airlift ends at northern airfield", "2024-03-02", None, None, "stated"),
    "articles/wire.txt": (
        "Reuters", "Brigade moves north after talks", "2024-02-14", None, "https://wire.example/brigade-moves-north", "stated",
    ),
    "articles/byline.txt": ("AFP", "Peacekeepers pull out of the valley", "2022-11-11", "18:42", None, "stated"),
    "articles/iso.txt": ("AP", "Marines arrive at the port", "2024-02-14", "09:30:00Z", None, "stated"),
    "articles/plain.txt": (
        "Coast Gazette", "Garrison hands over to police", "2024-03-05", "14:10",
        "https://coast-gazette.example/garrison-hands-over", "inferred",
    ),
}


@pytest.fixture
def story(run: Invoke, tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    result = run("init", str(folder))
    assert result.exit_code == 0, result.stderr
    for item in STORY.iterdir():
        shutil.copy(item, folder / "articles" / item.name)
    return folder


def test_init_starts_a_valid_empty_story_and_never_overwrites(run: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "new"
    result = run("init", str(folder))
    assert result.exit_code == 0 and "troopclaims add" in result.stderr
    data = folder / "claims.yaml"
    text = data.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=claims.schema.json\n") and "version: 1" in text and "root:" in text
    assert (folder / "claims.schema.json").is_file() and (folder / "articles").is_dir()
    assert check_file(data).problems == []
    data.write_text(text + "# mine\n", encoding="utf-8")
    again = run("init", str(folder))
    assert again.exit_code == 1 and "already exists" in again.stderr
    assert data.read_text(encoding="utf-8").endswith("# mine\n")


def test_the_walk_from_an_empty_folder_to_reviewed_claims(run: Invoke, story: Path) -> None:
    data = story / "claims.yaml"
    added = run("add", str(story / "articles"), "--data", str(data))
    assert added.exit_code == 0, added.stderr
    dataset = load_dataset(data)
    got = {
        source.file: (
            source.outlet, source.title, source.published.date, source.published.time, source.url, source.published.basis
        )
        for source in dataset.sources.values()
    }
    assert got == EXPECTED
    # Each saved page's text was written beside it, and the quotes are anchored to that text.
    for page in ("convoy", "river", "capital", "airlift"):
        text = (story / "articles" / f"{page}.txt").read_text(encoding="utf-8")
        assert "<" not in text and "Copyright" not in text and "Menu" not in text
    assert all(claim.id in dataset.spans for claim in dataset.claims)
    # Readable ids: the outlet and the title's words.
    assert "daily-ledger-convoy-leaves-the-border-base" in dataset.sources
    # How each date was found is recorded.
    reasons = {source.file: source.published.reason for source in dataset.sources.values()}
    assert reasons["articles/convoy.txt"] == "meta article:published_time '2024-02-14T09:30:00+01:00'"
    assert reasons["articles/wire.txt"] == "dateline 'Feb. 14, 2024' (line 2)"
    assert reasons["articles/plain.txt"] == "given in articles/manifest.csv:2"  # from the root, wherever add ran
    pending = dataset.unreviewed
    assert pending == len(dataset.claims) > 8

    # Review: reject the first candidate, accept the second, then stop.
    first, second = dataset.claims[0], dataset.claims[1]
    reviewed = run("review", "--data", str(data), input="r\na\nq\n")
    assert reviewed.exit_code == 0, reviewed.stderr
    assert first.quote[:40] in " ".join(reviewed.stdout.split())
    assert f"1 accepted, 1 rejected, 0 edited; {pending - 2} left to review" in reviewed.stderr
    after = load_dataset(data)
    assert [c.id for c in after.rejected] == [first.id]
    assert first.id not in {c.id for c in after.claims}
    assert next(c for c in after.claims if c.id == second.id).reviewed
    checked = run("check", "--data", str(data))
    assert checked.exit_code == 0 and f"{pending - 2} of {len(after.claims)} claims left to review" in checked.stderr
    report = json.loads(run("check", "--data", str(data), "--format", "json").stdout)
    assert (report["valid"], report["claims"], report["unreviewed"], report["rejected"]) == (True, len(after.claims), pending - 2, 1)

    # A second add brings nothing back, the rejected candidate least of all.
    before = data.read_text(encoding="utf-8")
    again = run("add", str(story / "articles"), "--data", str(data))
    assert again.exit_code == 0 and "added 0 unreviewed claims" in again.stderr
    assert data.read_text(encoding="utf-8") == before
    assert before.count(f"quote: {first.quote}") <= 1 and first.id in before


def test_review_edits_a_field_and_refuses_an_invalid_value(run: Invoke, story: Path) -> None:
    data = story / "claims.yaml"
    run("add", str(story / "articles" / "wire.txt"), "--data", str(data))
    claim = load_dataset(data).claims[0]
    answers = "e\nmovement: march\nactor: UA\ny\na\n"  # "march" is no movement: refused, then actor set
    result = run("review", "--data", str(data), input=answers)
    assert result.exit_code == 0, result.stderr
    assert "'march' is not a movement" in result.stderr and "nothing saved" in result.stderr
    edited = next(c for c in load_dataset(data).claims if c.id == claim.id)
    assert edited.actor == "UA" and edited.reviewed and edited.movement == claim.movement


def test_review_saves_each_decision_and_end_of_input_stops_cleanly(run: Invoke, story: Path) -> None:
    data = story / "claims.yaml"
    run("add", str(story / "articles"), "--data", str(data))
    total = load_dataset(data).unreviewed
    result = run("review", "--data", str(data), input="s\na\n")  # skip one, accept one, then input ends
    assert result.exit_code == 0
    assert load_dataset(data).unreviewed == total - 1


def test_bad_articles_are_named_and_the_others_still_added(run: Invoke, story: Path) -> None:
    articles = story / "articles"
    (articles / "undated.txt").write_text("Soldiers leave\n\nAbout 90 soldiers left the camp on Monday.\n", encoding="utf-8")
    (articles / "broken.html").write_bytes(b"<html>\xff\xfe</html>")
    (articles / "empty.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    data = story / "claims.yaml"
    result = run("add", str(articles), "--data", str(data))
    assert result.exit_code == 1
    for name in ("undated.txt", "broken.html", "empty.html"):
        assert f"skipped: {articles / name}" in result.stderr
    assert "3 article(s) not added" in result.stderr
    assert len(load_dataset(data).sources) == len(EXPECTED)
    dated = run("add", str(articles / "undated.txt"), "--published", "2024-02-20", "--data", str(data))
    assert dated.exit_code == 0 and "soldiers-leave" in dated.stderr


def test_a_yaml_manifest_named_on_the_command_line_dates_its_articles(run: Invoke, story: Path) -> None:
    articles = story / "articles"
    (articles / "manifest.csv").unlink()
    (articles / "list.yaml").write_text(
        "- file: plain.txt\n  outlet: Coast Gazette\n  published: 2024-03\n  url: https://coast-gazette.example/g\n",
        encoding="utf-8",
    )
    (story / "urls.yaml").write_text("- url: https://elsewhere.example/not-saved\n", encoding="utf-8")
    data = story / "claims.yaml"
    result = run("add", str(articles / "list.yaml"), "--data", str(data))
    assert result.exit_code == 0, result.stderr
    source = load_dataset(data).sources["coast-gazette-garrison-hands-over-to-police"]
    assert (source.published.date, source.published.basis, source.url) == ("2024-03", "inferred", "https://coast-gazette.example/g")
    unsaved = run("add", str(story / "urls.yaml"), "--data", str(data))
    assert unsaved.exit_code == 1 and "never downloads" in unsaved.stderr


def test_published_is_only_the_default_for_undated_articles(run: Invoke, story: Path) -> None:
    data = story / "claims.yaml"
    result = run("add", str(story / "articles"), "--published", "2001-01-01", "--data", str(data))
    assert result.exit_code == 0
    dates = {s.file: s.published.date for s in load_dataset(data).sources.values()}
    assert dates == {file: expected[2] for file, expected in EXPECTED.items()}


def test_add_needs_a_data_file(run: Invoke, story: Path) -> None:
    assert run("add", str(story / "articles")).exit_code == 2
    missing = run("add", str(story / "articles"), "--data", str(story / "nope.yaml"))
    assert missing.exit_code == 1 and "troopclaims init" in missing.stderr


def test_the_schema_knows_rejected_candidates_and_times_of_day(run: Invoke) -> None:
    schema = json.loads(run("schema").stdout)
    definitions = schema["$defs"]
    assert definitions["Claim"]["properties"]["status"]["enum"] == ["active", "rejected"]
    assert "time" in definitions["Published"]["properties"]
    assert {"author", "agency"} <= set(definitions["Source"]["properties"])


def test_a_page_whose_text_cannot_be_saved_is_named(run: Invoke, story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import troopclaims.intake.articles as articles_module

    def refuse(path: Path, text: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(articles_module, "atomic_write_text", refuse)  # as a read-only folder would, even for root
    result = run("add", str(story / "articles" / "convoy.html"), "--data", str(story / "claims.yaml"))
    assert result.exit_code == 1 and "convoy.html: cannot save its text as convoy.txt: Permission denied" in result.stderr
    assert not (story / "articles" / "convoy.txt").exists()


def test_reading_a_page_never_touches_the_network(run: Invoke, story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("troopclaims tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    page = story / "articles" / "address.html"
    page.write_text("https://news.example/2024/02/14/soldiers-leave.html\n", encoding="utf-8")
    result = run("add", str(page), str(story / "articles" / "convoy.html"), "--data", str(story / "claims.yaml"))
    assert result.exit_code == 1 and f"skipped: {page}: no article text found in the page" in result.stderr
    assert "daily-ledger-convoy-leaves-the-border-base" in result.stderr


def test_two_workers_add_the_same_story(run: Invoke, story: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(story, other)
    assert run("add", str(story / "articles"), "--data", str(story / "claims.yaml"), "-q").exit_code == 0
    assert run("add", str(other / "articles"), "--data", str(other / "claims.yaml"), "--jobs", "2", "-q").exit_code == 0
    assert (story / "claims.yaml").read_text(encoding="utf-8") == (other / "claims.yaml").read_text(encoding="utf-8")


def test_a_list_of_addresses_is_named_and_nothing_is_downloaded(run: Invoke, story: Path) -> None:
    urls = story / "articles" / "urls.txt"
    urls.write_text("https://news.example/a 2024-02-14\nhttps://news.example/b\n", encoding="utf-8")
    result = run("add", str(urls), "--data", str(story / "claims.yaml"))
    assert result.exit_code == 1 and f"skipped: {urls}: a list of addresses, not an article" in result.stderr
