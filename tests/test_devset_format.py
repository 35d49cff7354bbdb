"""The development set's readings follow their format, and the scorer's matching rules hold.

No article text is needed or used here: the texts stay outside the repository, and the sentences
below are made up for the tests.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
DEVSET = BENCHMARKS / "devset"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


fmt = _load("devset_format")
scorer = _load("devset_score")
STORY_FILES = sorted(DEVSET.glob("*.yaml"))


def test_the_set_has_stories_and_no_article_text() -> None:
    assert len(STORY_FILES) >= 4
    assert not [p for p in DEVSET.rglob("*") if p.suffix.lower() in {".txt", ".html", ".htm"}]


@pytest.mark.parametrize("path", STORY_FILES, ids=lambda p: p.stem)
def test_story_file_follows_the_format(path: Path) -> None:
    (story,) = [s for s in fmt.load_stories(path.parent) if s["_file"] == path.name]
    assert fmt.problems(story, path.name) == []


def test_article_ids_are_unique_and_readings_are_full() -> None:
    stories = fmt.load_stories(DEVSET)
    articles = [a for story in stories for a in story["articles"]]
    repeated = [i for i, n in Counter(a["id"] for a in articles).items() if n > 1]
    assert repeated == []
    assert sum(len(a["facts"]) for a in articles) >= 4 * len(articles)


def _story(**fact: Any) -> dict[str, Any]:
    base = {"anchor": "1,200", "occurrence": 1, "kind": "force", "speaker": "", "polarity": "asserted"}
    article = {"id": "x-1", "url": "https://example.org/a", "query": "q", "outlet": "O",
               "published": "2024-05-01", "facts": [{**base, **fact}]}
    return {"story": "made-up", "title": "t", "articles": [article]}


@pytest.mark.parametrize(
    ("fact", "complaint"),
    [
        ({"date": "2024-13-01"}, "date"),
        ({"date": "last week"}, "date"),
        ({"kind": "troops"}, "kind"),
        ({"polarity": "maybe"}, "polarity"),
        ({"count": {"value": 1200, "qualifier": "roughly"}}, "qualifier"),
        ({"count": {"qualifier": "range", "value": 1200}}, "low"),
        ({"count": {"qualifier": "vague", "low": 900, "high": 200}}, "above"),
        ({"count": {"qualifier": "exact", "value": "1200"}}, "whole number"),
        ({"occurrence": 0}, "occurrence"),
        ({"destination": ""}, "destination"),
        ({"actor": "", "speaker": 3}, "speaker"),
        ({"where": "north"}, "unknown key"),
    ],
)
def test_format_faults_are_named(fact: dict[str, Any], complaint: str) -> None:
    found = fmt.problems(_story(**fact), "made-up.yaml")
    assert found and all("made-up.yaml" in line for line in found)
    assert any(complaint in line for line in found)


def test_a_well_formed_made_up_story_passes() -> None:
    good = _story(count={"value": 1200, "qualifier": "about", "unit": "troops"}, actor="NATO",
                  destination=["Poland", "Romania"], date="2024-W18")
    assert fmt.problems(good, "made-up.yaml") == []
    missing = {k: v for k, v in _story().items() if k != "title"}
    assert any("'title'" in line for line in fmt.problems(missing, "made-up.yaml"))


def test_names_fold_case_diacritics_articles_and_dots() -> None:
    assert fmt.fold("The U.S. Army’s") == fmt.fold("us army")
    assert fmt.fold("Rzeszów") == "rzeszow"


def test_speakers() -> None:
    assert fmt.same_speaker("Gen. Kenneth F. McKenzie", "McKenzie")
    assert fmt.same_speaker("Israel Defense Forces", "IDF")
    assert fmt.same_speaker("", None)  # both the outlet's own voice
    assert fmt.same_speaker("several U.S. officials", "US officials")
    assert fmt.same_speaker("Israel military", "the Israeli military")
    assert fmt.same_speaker("American officials", "U.S. officials")
    assert not fmt.same_speaker("Turkish officials", "Iraqi officials")
    assert not fmt.same_speaker("officials in Kyiv", "officials")
    assert not fmt.same_speaker("", "Jane Doe")
    assert not fmt.same_speaker("Jane Doe", None)
    assert not fmt.same_speaker("senior government official", "senior military official")
    assert not fmt.same_speaker("Pentagon", "Pentagon spokesman John Roe")


def test_places() -> None:
    assert fmt.same_place("Kursk", "Kursk region")
    assert fmt.same_place("Rzeszów", "rzeszow")
    assert fmt.same_place("United States", "US")
    assert fmt.same_place(["Poland", "Romania"], "Poland and Romania")
    assert fmt.same_place("Chad, Gabon and Côte d'Ivoire", ["Gabon", "Chad", "Cote d'Ivoire"])
    assert fmt.same_place("Rzeszow", {"name": "Rzeszow airport", "country": "PL"})
    assert not fmt.same_place(["Poland", "Romania"], "Poland")
    assert not fmt.same_place("southern Gaza", "Gaza Strip")
    assert not fmt.same_place("Iraq", None)


def test_actors_and_counts() -> None:
    assert fmt.same_actor("KP", "North Korea")
    assert fmt.same_actor("US", "United States")
    assert fmt.same_actor("NATO", "nato")
    assert not fmt.same_actor("KP", "Russia")
    assert not fmt.same_actor("US", None)
    assert fmt.same_count({"value": 700, "qualifier": "about"}, {"value": 700, "qualifier": "exact"})
    assert fmt.same_count({"qualifier": "vague", "low": 200, "high": 999},
                          {"qualifier": "vague", "low": 200, "high": 999, "text": "hundreds"})
    assert not fmt.same_count({"qualifier": "range", "low": 400, "high": 600}, {"value": 600})
    assert not fmt.same_count(None, None)


TEXT = ("About 1,200 soldiers left the northern town, a ministry spokesman said. "
        "The general said 300 more would follow, and 1,200 would stay.")


def _candidate(start: int, end: int, **fields: Any) -> dict[str, Any]:
    return {"quote": TEXT[start:end], "start": start, "end": end, "kind": "force", "polarity": "asserted", **fields}


def test_anchor_offsets_and_candidate_choice() -> None:
    assert scorer.anchor_offset(TEXT, "1,200", 2) == TEXT.index("1,200 would")
    assert scorer.anchor_offset(TEXT, "1,200", 3) is None
    first_end = TEXT.index(".") + 1
    second = TEXT.index("The general")
    wide = _candidate(0, len(TEXT), count={"value": 300, "qualifier": "exact", "text": "300"})
    narrow = _candidate(second, len(TEXT), count={"value": 1200, "qualifier": "exact", "text": "1,200"})
    plain = _candidate(0, first_end)
    at = TEXT.index("1,200 would")
    assert scorer.choose([wide, narrow], at, at + 5, counted=True) is narrow  # its count is written there
    assert scorer.choose([wide, plain], 10, 15, counted=False) is plain  # no count for a fact without one
    assert scorer.choose([narrow], 0, 5, counted=True) is None


def test_article_score_counts_recall_and_precision() -> None:
    first_end = TEXT.index(".") + 1
    second = TEXT.index("The general")
    candidates = [
        _candidate(0, first_end, count={"value": 1200, "qualifier": "about", "text": "About 1,200"},
                   actor="Ukraine", speaker="spokesman", origin="northern town"),
        _candidate(second, len(TEXT), count={"value": 30, "qualifier": "exact", "text": "300"},
                   speaker="The general", destination="the capital"),
    ]
    facts = [
        {"anchor": "1,200", "occurrence": 1, "count": {"value": 1200, "qualifier": "about"}, "kind": "force",
         "actor": "UA", "speaker": "ministry spokesman", "origin": "northern town", "polarity": "asserted"},
        {"anchor": "300", "occurrence": 1, "count": {"value": 300, "qualifier": "more_than"}, "kind": "force",
         "speaker": "general", "polarity": "asserted"},
        {"anchor": "not in the text", "occurrence": 1, "kind": "force", "speaker": "", "polarity": "denied"},
    ]
    misses: list[tuple[str, str]] = []
    score, notes = scorer.score_article(facts, TEXT, candidates, misses)
    tallies = score.fields
    assert (score.facts, score.matched) == (3, 2)
    assert len(notes) == 1 and "not in the text" in notes[0]
    assert (tallies["count"].recall_hits, tallies["count"].recall_n) == (1, 2)
    assert (tallies["count"].precision_hits, tallies["count"].precision_n) == (1, 2)  # 30 is no count of the text
    assert (tallies["qualifier"].recall_hits, tallies["qualifier"].precision_hits) == (1, 1)
    assert (tallies["actor"].recall_hits, tallies["actor"].recall_n) == (1, 1)
    assert (tallies["speaker"].recall_hits, tallies["speaker"].recall_n) == (2, 3)
    assert (tallies["origin"].recall_hits, tallies["origin"].precision_n) == (1, 1)
    # a destination the reading does not give is a false one
    assert (tallies["destination"].recall_n, tallies["destination"].precision_hits,
            tallies["destination"].precision_n) == (0, 0, 1)
    assert (tallies["polarity"].recall_hits, tallies["polarity"].recall_n) == (2, 3)
    assert sorted(name for name, _ in misses) == ["count", "count", "destination", "unmatched"]
    assert any("'the capital'" in what for name, what in misses if name == "destination")


def test_without_the_articles_the_scorer_says_how_to_rebuild(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert scorer.main(["--articles", str(tmp_path / "absent")]) == 0
    out = capsys.readouterr().out
    stories = fmt.load_stories(DEVSET)
    first = stories[0]["articles"][0]
    assert str(first["url"]) in out and f"{first['id']}.txt" in out and str(first["query"]) in out


def test_a_broken_reading_stops_the_scorer_with_its_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "made-up.yaml").write_text(
        "story: made-up\ntitle: t\narticles:\n  - id: x-1\n    url: https://example.org/a\n    query: q\n"
        "    outlet: O\n    published: '2024-05-01'\n    facts:\n"
        "      - {anchor: '300', occurrence: 1, kind: force, speaker: '', polarity: perhaps}\n",
        encoding="utf-8",
    )
    assert scorer.main(["--readings", str(tmp_path), "--articles", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "made-up.yaml" in err and "polarity" in err


@pytest.mark.parametrize("path", STORY_FILES, ids=lambda p: p.stem)
def test_story_disputes_follow_the_format(path: Path) -> None:
    (story,) = [s for s in fmt.load_stories(path.parent) if s["_file"] == path.name]
    assert fmt.dispute_problems(story, path.name) == []


def _disputed(*disputes: dict[str, Any], not_disputes: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    story = _story()
    story["articles"].append({**story["articles"][0], "id": "x-2"})
    story["articles"].append({**story["articles"][0], "id": "x-3"})
    story["disputes"] = list(disputes)
    if not_disputes is not None:
        story["not_disputes"] = not_disputes
    return story


def _dispute(kind: str, first: object, second: object, **more: Any) -> dict[str, Any]:
    return {"id": f"{kind}-one", "kind": kind, "severity": "hard", "question": "how many went",
            "sides": [{"articles": ["x-1"], "value": first}, {"articles": ["x-2", "x-3"], "value": second}], **more}


def test_well_formed_made_up_disputes_pass() -> None:
    good = _disputed(
        _dispute("count", {"value": 800, "qualifier": "more_than"}, {"value": 700, "qualifier": "about"}),
        _dispute("force-size", {"qualifier": "vague", "low": 2000, "high": 5000}, {"value": 900, "qualifier": "exact"}),
        _dispute("destination", "home", ["Poland", "Romania"], note="a plan against a fact"),
        _dispute("completion", True, "no"),
        _dispute("timing", "2024-12-10", "2024-12"),
        _dispute("duration", 7, 21.5),
        not_disputes=[{"kind": "timing", "articles": ["x-1", "x-3"], "reason": "the start against the end"}],
    )
    assert fmt.dispute_problems(good, "made-up.yaml") == []
    assert fmt.dispute_problems(_story(), "made-up.yaml") == []  # both sections are optional


@pytest.mark.parametrize(
    ("dispute", "complaint"),
    [
        (_dispute("rumour", "yes", "no"), "kind"),
        (_dispute("occurred", "yes", "no", severity="big"), "severity"),
        (_dispute("occurred", "yes", "no", question=""), "question"),
        (_dispute("occurred", "yes", "maybe"), "yes or no"),
        (_dispute("count", {"value": 800, "qualifier": "exact"}, {"value": 800, "qualifier": "about"}), "same value"),
        (_dispute("count", {"value": "800", "qualifier": "exact"}, {"value": 700, "qualifier": "exact"}), "whole number"),
        (_dispute("timing", "last Sunday", "2024-12-10"), "date"),
        (_dispute("duration", "a week", 21), "days"),
        (_dispute("origin", "", "Chad"), "place"),
        (_dispute("occurred", "yes", "no", where="north"), "unknown key"),
        ({**_dispute("occurred", "yes", "no"), "id": "Not An Id"}, "id"),
        ({**_dispute("occurred", "yes", "no"), "sides": [{"articles": ["x-1"], "value": "yes"}]}, "two or more"),
        ({**_dispute("occurred", "yes", "no"),
          "sides": [{"articles": ["x-1"], "value": "yes"}, {"articles": ["x-9"], "value": "no"}]}, "no article"),
        ({**_dispute("occurred", "yes", "no"),
          "sides": [{"articles": ["x-1"], "value": "yes"}, {"articles": ["x-1"], "value": "no"}]}, "two sides"),
        ({**_dispute("occurred", "yes", "no"),
          "sides": [{"articles": [], "value": "yes"}, {"articles": ["x-2"], "value": "no"}]}, "article ids"),
    ],
)
def test_dispute_faults_are_named(dispute: dict[str, Any], complaint: str) -> None:
    found = fmt.dispute_problems(_disputed(dispute), "made-up.yaml")
    assert found and all(line.startswith("made-up.yaml") for line in found)
    assert any(complaint in line for line in found), found


def test_dispute_ids_are_unique_and_not_disputes_are_checked() -> None:
    twice = _disputed(_dispute("occurred", "yes", "no"), _dispute("occurred", "no", "yes"))
    assert any("used twice" in line for line in fmt.dispute_problems(twice, "made-up.yaml"))
    bad_pairs = [{"kind": "timing", "articles": ["x-1"], "reason": "x"},
                 {"kind": "timing", "articles": ["x-1", "x-2"], "reason": ""},
                 {"kind": "weather", "articles": ["x-1", "x-2"], "reason": "r"}]
    found = fmt.dispute_problems(_disputed(not_disputes=bad_pairs), "made-up.yaml")
    assert [line.split(":")[1].strip() for line in found] == ["not_dispute 1", "not_dispute 2", "not_dispute 3"]
