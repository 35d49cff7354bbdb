"""`troopclaims export`: Web Annotations that re-anchor on their articles, schema.org Claims, and SQLite."""

from __future__ import annotations

import functools
import json
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml

from troopclaims.cli.export import TARGETS
from troopclaims.present import EXPORTERS

from .conftest import BUNDLED, VALID, Invoke

#: Terms the W3C Web Annotation context (http://www.w3.org/ns/anno.jsonld) defines, from the
#: Web Annotation Vocabulary; an annotation may use these and the terms of its own extra context only.
ANNO_TERMS = {
    "@context", "id", "type", "Annotation", "AnnotationCollection", "AnnotationPage", "Dataset", "Image", "Video",
    "Audio", "Text", "TextualBody", "ResourceSelection", "SpecificResource", "FragmentSelector", "CssSelector",
    "XPathSelector", "TextQuoteSelector", "TextPositionSelector", "DataPositionSelector", "SvgSelector",
    "RangeSelector", "TimeState", "HttpRequestState", "CssStylesheet", "Choice", "Person", "Organization",
    "Software", "Audience", "body", "target", "source", "selector", "state", "stylesheet", "canonical", "via",
    "motivation", "purpose", "created", "modified", "generated", "creator", "generator", "audience", "rights",
    "accessibility", "value", "exact", "prefix", "suffix", "start", "end", "refinedBy", "renderedVia",
    "styleClass", "textDirection", "bodyValue", "format", "language", "processingLanguage", "name", "nickname",
    "email", "email_sha1", "homepage", "conformsTo", "sourceDate", "sourceDateStart", "sourceDateEnd", "cached",
    "scope", "items", "label", "total", "first", "last", "next", "prev", "partOf", "startIndex",
}  # fmt: skip
MOTIVATIONS = {
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
    "identifying", "linking", "moderating", "questioning", "replying", "tagging",
}  # fmt: skip
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def _export(run: Invoke, target: str, *args: str) -> Any:
    result = run("export", "--to", target, *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for v in node.values() if not isinstance(v, str) for k in _keys(v)}
    if isinstance(node, list):
        return {k for item in node for k in _keys(item)}
    return set()


@functools.lru_cache(maxsize=None)
def _article(data: Path, source_id: str) -> str:
    """The article's text read here, independently of troopclaims' reader, line ends kept as they are."""
    parsed = yaml.safe_load(data.read_text(encoding="utf-8"))
    (source,) = [s for s in parsed["sources"] if s["id"] == source_id]
    with open(data.parent / parsed.get("root", ".") / source["file"], encoding="utf-8-sig", newline="") as article:
        return article.read()


def test_cli_targets_match_the_exporters() -> None:
    assert set(TARGETS) == set(EXPORTERS)


@pytest.mark.parametrize("data", [BUNDLED, VALID], ids=["bundled", "valid"])
def test_annotations_use_only_web_annotation_terms_and_have_the_required_ones(run: Invoke, data: Path) -> None:
    found = _export(run, "annotations", "--data", str(data))
    claims = json.loads(run("list", "--data", str(data), "--format", "json").stdout)
    assert len(found) == len(claims)
    for annotation in found:
        context = annotation["@context"]
        assert context[0] == "http://www.w3.org/ns/anno.jsonld"
        extra = set(context[1]) if len(context) > 1 else set()
        assert not (extra & ANNO_TERMS), "the extra context must not redefine a Web Annotation term"
        assert all(IRI.match(iri) for iri in context[1].values())
        unknown = _keys(annotation) - ANNO_TERMS - extra
        assert not unknown, unknown
        assert annotation["type"] == "Annotation" and IRI.match(annotation["id"])
        assert annotation["motivation"] in MOTIVATIONS
        assert IRI.match(annotation["target"]["source"])
        for body in annotation["body"]:
            assert body["type"] in ("TextualBody", "TroopClaim")
            assert body["type"] != "TextualBody" or (isinstance(body["value"], str) and body["purpose"] in MOTIVATIONS)
    assert len({a["id"] for a in found}) == len(found)


@pytest.mark.parametrize("data", [BUNDLED, VALID], ids=["bundled", "valid"])
def test_every_selector_re_anchors_on_its_article(run: Invoke, data: Path) -> None:
    found = _export(run, "annotations", "--data", str(data))
    for annotation in found:
        fields = next(b for b in annotation["body"] if b["type"] == "TroopClaim")
        text = _article(data, fields["claimSource"])
        quote, position = annotation["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        start, end = position["start"], position["end"]
        assert 0 <= start < end <= len(text)
        assert text[start:end] == quote["exact"]
        assert text[:start].endswith(quote["prefix"]) and text[end:].startswith(quote["suffix"])
        whole = quote["prefix"] + quote["exact"] + quote["suffix"]
        assert [m.start() for m in re.finditer(re.escape(whole), text)] == [start - len(quote["prefix"])]


def _one_source_data(tmp_path: Path, article: str, quote: str, url: str | None) -> Path:
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    url_line = f"\n    url: {url}" if url else ""
    (tmp_path / "claims.yaml").write_text(
        f"""version: 1
sources:
  - id: wire
    file: a.txt
    outlet: Example Wire
    title: Convoy crosses the border{url_line}
    published: {{date: "2024-05-02", basis: stated}}
claims:
  - id: wire-1
    source: wire
    quote: "{quote}"
    speaker: Ana Ruiz
    speaker_role: army spokeswoman
    actor: Freedonian
    count: {{qualifier: more_than, value: 300}}
    unit: soldiers
    movement: move
    destination: Sylvania
""",
        encoding="utf-8",
    )
    return tmp_path / "claims.yaml"


def test_positions_count_code_points_not_utf16_units(run: Invoke, tmp_path: Path) -> None:
    # A flag and a mathematical letter are 2 code points each but 4 UTF-16 units: positions must count 4, not 8.
    article = "🇫🇷 𝔄𝔅 Wire. More than 300 soldiers crossed into Sylvania, the army spokeswoman Ana Ruiz said.\n"
    data = _one_source_data(tmp_path, article, "More than 300 soldiers crossed into Sylvania", "https://news.example/convoy")
    (annotation,) = _export(run, "annotations", "--data", str(data))
    position = annotation["target"]["selector"][1]
    assert position["start"] == article.index("More") == 12
    assert annotation["target"]["source"] == "https://news.example/convoy"


def test_claimreview_gives_claims_with_text_author_date_and_appearance_and_no_rating(run: Invoke, tmp_path: Path) -> None:
    article = "More than 300 soldiers crossed into Sylvania, the army spokeswoman Ana Ruiz said.\n"
    data = _one_source_data(tmp_path, article, "More than 300 soldiers crossed into Sylvania", "https://news.example/convoy")
    result = run("export", "--to", "claimreview", "--data", str(data))
    (claim,) = json.loads(result.stdout)
    assert claim["@context"] == "https://schema.org" and claim["@type"] == "Claim"
    assert claim["text"] == "More than 300 soldiers crossed into Sylvania"
    assert claim["author"] == {"@type": "Person", "name": "Ana Ruiz", "jobTitle": "army spokeswoman"}
    assert claim["datePublished"] == "2024-05-02"
    appearance = claim["appearance"]
    assert appearance["url"] == "https://news.example/convoy" and appearance["headline"] == "Convoy crosses the border"
    assert appearance["publisher"]["name"] == "Example Wire"
    for word in ("reviewRating", "ClaimReview", "ratingValue", "alternateName"):
        assert word not in result.stdout


def test_claimreview_narration_is_the_outlets_claim_and_every_text_is_in_its_article(run: Invoke) -> None:
    claims = _export(run, "claimreview", "--data", str(BUNDLED))
    listed = {c["id"]: c for c in json.loads(run("list", "--format", "json").stdout)}
    for claim in claims:
        source = listed[claim["identifier"]]
        assert claim["text"] in _article(BUNDLED, source["source"])
        if not source["speaker"] and source["outlet"] != "unknown":
            assert claim["author"] == {"@type": "Organization", "name": source["outlet"]}
        assert claim.get("citation") == source["cited"]
        if not source["speaker"] and source["outlet"] == "unknown":
            assert "author" not in claim and "publisher" not in claim["appearance"], "no author is made up"
        assert "url" not in claim["appearance"] or claim["appearance"]["url"].startswith("http")


def test_sqlite_joins_conflicts_to_quotes_with_keys_and_bounds(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "claims.sqlite"
    result = run("export", "--to", "sqlite", str(target))
    assert result.exit_code == 0, result.stderr
    conflicts = json.loads(run("conflicts", "--format", "json").stdout)
    db = sqlite3.connect(target)
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in ("sources", "claims", "events", "conflicts", "sides"):
        assert any(row[5] for row in db.execute(f"PRAGMA table_info({table})")), f"{table} has no primary key"
    linked = {row[3]: row[2] for row in db.execute("PRAGMA foreign_key_list(sides)")}
    assert linked == {"conflict_id": "conflicts", "claim_id": "claims"}
    rows = db.execute(
        """SELECT conflicts.id, claims.id, claims.quote, sources.outlet FROM conflicts
           JOIN sides ON sides.conflict_id = conflicts.id JOIN claims ON claims.id = sides.claim_id
           JOIN sources ON sources.id = claims.source_id"""
    ).fetchall()
    by_conflict: dict[str, set[str]] = {}
    for conflict_id, claim_id, quote, _outlet in rows:
        by_conflict.setdefault(conflict_id, set()).add(claim_id)
        assert quote
    assert by_conflict == {c["id"]: set(c["claims"]) for c in conflicts}
    listed = {c["id"]: c for c in json.loads(run("list", "--format", "json").stdout)}
    for claim_id, low, high, start, end, quote_start, quote_end in db.execute(
        "SELECT id, count_low, count_high, date_start, date_end, quote_start, quote_end FROM claims"
    ):
        count = listed[claim_id]["count"]
        if count and count["qualifier"] == "more_than":
            assert (low, high) == (count["value"] + 1, None)
        assert start <= end and (quote_start, quote_end) == (listed[claim_id]["start"], listed[claim_id]["end"])
    assert db.execute("SELECT count(*) FROM conflict_quotes").fetchone()[0] == len(rows)
    # Events and the values of the sides are the engine's, as data.
    events = json.loads(run("events", "--format", "json").stdout)
    assert {row[0] for row in db.execute("SELECT id FROM events")} == {e["id"] for e in events}
    member = {m["claim"]: e["id"] for e in events for m in e["claims"]}
    assert dict(db.execute("SELECT id, event_id FROM claims WHERE event_id IS NOT NULL").fetchall()) == member
    numeric = [c for c in conflicts if c["kind"] == "numeric"]
    assert numeric
    for conflict in numeric:
        for number, side in enumerate(conflict["sides"], 1):
            stored = db.execute(
                "SELECT DISTINCT value_type, count_qualifier, count_value, count_low, count_high FROM sides WHERE conflict_id = ? AND side = ?",
                (conflict["id"], number),
            ).fetchall()
            value = side["value"]
            assert stored == [("count", value["qualifier"], value["value"], value["low"], value["high"])]


def test_sqlite_needs_a_file_and_never_overwrites_an_input(run: Invoke, tmp_path: Path) -> None:
    assert run("export", "--to", "sqlite").exit_code == 2
    assert run("export", "--to", "sqlite", "-").exit_code == 2
    data = tmp_path / "claims.yaml"
    data.write_text(VALID.read_text(encoding="utf-8").replace("root:", "#root:"), encoding="utf-8")
    shutil.copytree(VALID.parent / "articles", tmp_path / "articles")
    before = data.read_bytes()
    result = run("export", "--to", "sqlite", str(data), "--data", str(data))
    assert result.exit_code == 1 and "an input of this command" in result.stderr
    assert data.read_bytes() == before


def test_a_second_export_replaces_the_database(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "out.sqlite"
    target.write_bytes(b"not a database")
    assert run("export", "--to", "sqlite", str(target), "--data", str(VALID)).exit_code == 0
    assert sqlite3.connect(target).execute("SELECT count(*) FROM claims").fetchone()[0] == 6
