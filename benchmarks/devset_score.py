"""Score `troopclaims extract` against the hand readings of the development set.

    python benchmarks/devset_score.py [--articles DIR] [--json] [--jobs N]

The readings (benchmarks/devset/*.yaml) are committed; the article texts are not. They live in a
scratch folder named by --articles DIR or the environment variable TROOPCLAIMS_DEVSET, one
<article-id>.txt each. Without that folder the script says how to set and rebuild it and exits 0.

Each article is run through the public command line, `python -m troopclaims extract FILE
--published DATE --format json`, so the scorer never depends on the package's inner layout. A fact
is matched to the candidate claim whose quote span holds the anchor's occurrence; then, per field,
recall = facts with the field whose matched candidate has an equal value / facts with the field,
precision = matched candidates whose value is equal / matched candidates that give the field.
Counts differ: precision is over every candidate force count, right when a fact anchored inside
its quote has the same number.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset_format import (  # noqa: E402  (a script beside its helper module, not a package)
    date_text,
    load_stories,
    problems,
    same_actor,
    same_count,
    same_place,
    same_speaker,
)

READINGS = Path(__file__).resolve().parent / "devset"
# "denied": polarity on the denied facts alone (recall), and how many candidates saying "denied" are (precision).
FIELDS = ("count", "qualifier", "kind", "actor", "speaker", "origin", "destination", "location", "polarity", "denied",
          "date")

Json = dict[str, Any]


@dataclass
class Tally:
    """Hits over totals for the recall and the precision of one field."""

    recall_hits: int = 0
    recall_n: int = 0
    precision_hits: int = 0
    precision_n: int = 0

    def add_recall(self, hit: bool) -> None:
        self.recall_n += 1
        self.recall_hits += hit

    def add_precision(self, hit: bool) -> None:
        self.precision_n += 1
        self.precision_hits += hit

    def merge(self, other: Tally) -> None:
        self.recall_hits += other.recall_hits
        self.recall_n += other.recall_n
        self.precision_hits += other.precision_hits
        self.precision_n += other.precision_n

    def as_json(self) -> Json:
        return {
            "recall": _ratio(self.recall_hits, self.recall_n), "recall_hits": self.recall_hits,
            "recall_n": self.recall_n, "precision": _ratio(self.precision_hits, self.precision_n),
            "precision_hits": self.precision_hits, "precision_n": self.precision_n,
        }


@dataclass
class Score:
    articles: int = 0
    facts: int = 0
    matched: int = 0
    fields: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FIELDS})

    def merge(self, other: Score) -> None:
        self.articles += other.articles
        self.facts += other.facts
        self.matched += other.matched
        for name, tally in other.fields.items():
            self.fields[name].merge(tally)

    def as_json(self) -> Json:
        return {"articles": self.articles, "facts": self.facts, "matched": self.matched,
                "fields": {name: tally.as_json() for name, tally in self.fields.items()}}


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 3) if total else None


def anchor_offset(text: str, anchor: str, occurrence: int) -> int | None:
    """Where the anchor's nth occurrence starts in the article, or None when there are fewer."""
    position = -1
    for _ in range(occurrence):
        position = text.find(anchor, position + 1)
        if position < 0:
            return None
    return position


def _count_at(candidate: Json, start: int, end: int) -> bool:
    """Whether the candidate's count, as written, overlaps the span start..end of the article."""
    written = (candidate.get("count") or {}).get("text")
    quote, origin = candidate.get("quote", ""), candidate["start"]
    if not written:
        return False
    at = quote.find(written)
    while at >= 0:
        if origin + at < end and start < origin + at + len(written):
            return True
        at = quote.find(written, at + 1)
    return False


def choose(candidates: Iterable[Json], start: int, end: int, counted: bool) -> Json | None:
    """The candidate a fact anchored at start..end is compared with.

    Of those whose quote holds the anchor: for a counted fact the one whose own count is written at
    the anchor, for a fact without a count one without a count; then the shortest quote.
    """
    holding = [c for c in candidates if c["start"] <= start < c["end"]]
    if not holding:
        return None

    def rank(candidate: Json) -> tuple[bool, int, int]:
        fits = _count_at(candidate, start, end) if counted else "count" not in candidate
        return (not fits, candidate["end"] - candidate["start"], candidate["start"])

    return min(holding, key=rank)


def _value(candidate: Json, name: str) -> Any:
    if name == "date":
        return (candidate.get("when") or {}).get("value")
    return candidate.get(name)


_EQUAL: dict[str, Callable[[Any, Any], bool]] = {
    "actor": same_actor,
    "speaker": same_speaker,
    "origin": same_place,
    "destination": same_place,
    "location": same_place,
    "polarity": lambda a, b: a == b,
    "kind": lambda a, b: a == b,
    "date": lambda a, b: b is not None and date_text(a) == str(b),
}


def score_article(
    facts: list[Json], text: str, candidates: list[Json], misses: list[tuple[str, str]] | None = None
) -> tuple[Score, list[str]]:
    """Tallies for one article, and a note for each anchor its text does not hold.

    misses, when given, collects (field, what differs) for every wrong or missing value.
    """
    score, notes = Score(articles=1, facts=len(facts)), []
    missed: list[tuple[str, str]] = [] if misses is None else misses

    def miss(name: str, fact: Json | None, want: object, got: object) -> None:
        where = f"{fact['anchor']!r}#{fact.get('occurrence', 1)}" if fact else "candidate"
        missed.append((name, f"{where}: reading {want!r}, extractor {got!r}"))

    anchored: list[tuple[Json, int, int]] = []
    for fact in facts:
        start = anchor_offset(text, fact["anchor"], fact.get("occurrence", 1))
        if start is None:
            notes.append(f"anchor {fact['anchor']!r} (occurrence {fact.get('occurrence', 1)}) is not in the text")
            start = -1
        anchored.append((fact, start, start + len(fact["anchor"])))
    tallies = score.fields
    for fact, start, end in anchored:
        chosen = choose(candidates, start, end, "count" in fact) if start >= 0 else None
        score.matched += chosen is not None
        got = chosen or {}
        if chosen is None:
            miss("unmatched", fact, fact["anchor"], "no candidate holds it")
        if "count" in fact:
            same = same_count(fact["count"], got.get("count"))
            tallies["count"].add_recall(same)
            tallies["qualifier"].add_recall(same and fact["count"]["qualifier"] == got["count"].get("qualifier"))
            if not same and chosen is not None:
                miss("count", fact, fact["count"], got.get("count"))
        for name, equal in _EQUAL.items():
            value = _value(got, name)
            if name in fact:
                # a candidate naming no speaker gives the outlet's own voice, which is a value too
                given = chosen is not None and (name == "speaker" or value is not None)
                tallies[name].add_recall(given and equal(fact[name], value))
            if value:
                # a field the reading leaves out but the candidate gives is a false value
                tallies[name].add_precision(name in fact and equal(fact[name], value))
            if chosen is not None and (name in fact or value) and not (name in fact and equal(fact[name], value)):
                miss(name, fact, fact.get(name), value)
        if fact.get("polarity") == "denied":
            tallies["denied"].add_recall(got.get("polarity") == "denied")
        if got.get("polarity") == "denied":
            tallies["denied"].add_precision(fact.get("polarity") == "denied")
    for candidate in candidates:
        if candidate.get("kind", "force") != "force" or "count" not in candidate:
            continue
        inside = [f for f, s, _ in anchored if "count" in f and candidate["start"] <= s < candidate["end"]]
        right = [f for f in inside if same_count(f["count"], candidate["count"])]
        tallies["count"].add_precision(bool(right))
        if not right:
            miss("count", None, None, candidate["count"].get("text") or candidate["count"])
        tallies["qualifier"].add_precision(
            any(f["count"]["qualifier"] == candidate["count"].get("qualifier") for f in right)
        )
    return score, notes


def run_extractor(path: Path, published: str) -> tuple[list[Json], str | None]:
    """Candidate claims from the installed command line, or the reason there are none."""
    command = [sys.executable, "-m", "troopclaims", "extract", str(path), "--published", published,
               "--format", "json"]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return [], f"troopclaims extract exited {done.returncode}: {reason}"
    return list(json.loads(done.stdout)), None


NO_FOLDER = ("No folder of article texts given: pass --articles DIR or set TROOPCLAIMS_DEVSET=DIR "
             "(a scratch folder outside the repository).")


def articles_folder() -> Path | None:
    """The scratch folder of article texts named by $TROOPCLAIMS_DEVSET, or None when it is unset."""
    named = os.environ.get("TROOPCLAIMS_DEVSET")
    return Path(named) if named else None


def devset_parser(doc: str | None, readings: Path, jobs_help: str) -> argparse.ArgumentParser:
    """The options every development-set scorer takes: the texts' folder, the readings, JSON and jobs."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0] if doc else None)
    parser.add_argument("--articles", type=Path, default=articles_folder(),
                        help="the folder of article texts (default: $TROOPCLAIMS_DEVSET)")
    parser.add_argument("--readings", type=Path, default=readings)
    parser.add_argument("--json", action="store_true", help="machine output")
    parser.add_argument("--jobs", type=int, default=2, help=jobs_help)
    return parser


def texts_missing(stories: list[Json], folder: Path | None) -> str | None:
    """What to print instead of a score when no folder is named or it holds none of the articles."""
    if folder is None:
        return NO_FOLDER + "\n" + rebuild_help(stories, None)
    if any((folder / f"{a['id']}.txt").is_file() for story in stories for a in story["articles"]):
        return None
    return rebuild_help(stories, folder)


def rebuild_help(stories: list[Json], folder: Path | None) -> str:
    lines = [
        f"No article texts in {folder or 'the folder'}: the readings are scored against texts kept outside "
        "the repository.",
        "To rebuild the folder, for each article below run its query in a news search, open its url,",
        "and save the text as printed (title, dateline, body) to <id>.txt in that folder;",
        "then pass it with --articles DIR or TROOPCLAIMS_DEVSET=DIR.",
        "",
    ]
    for story in stories:
        lines.append(f"# {story.get('story')}: {story.get('title')}")
        for article in story.get("articles", []):
            lines.append(f"{article.get('id')}.txt  {article.get('url')}")
            lines.append(f"    query: {article.get('query')}")
    return "\n".join(lines)


def _percent(hits: int, total: int) -> str:
    return f"{hits / total:5.2f} ({hits}/{total})" if total else "   -"


def render(overall: Score, stories: dict[str, Score]) -> str:
    lines = [
        f"{overall.articles} articles, {overall.facts} facts, {overall.matched} matched to a candidate "
        f"({_percent(overall.matched, overall.facts).strip()})",
        "",
        f"{'field':12} {'recall':>18} {'precision':>18}",
    ]
    for name, tally in overall.fields.items():
        lines.append(f"{name:12} {_percent(tally.recall_hits, tally.recall_n):>18} "
                     f"{_percent(tally.precision_hits, tally.precision_n):>18}")
    shown = ("count", "actor", "speaker", "origin", "destination", "location", "polarity", "date")
    lines += ["", "per story (recall/precision):", f"{'story':38} {'facts':>5} " + " ".join(f"{n[:11]:>11}" for n in shown)]
    for name, score in stories.items():
        cells = []
        for field_name in shown:
            tally = score.fields[field_name]
            recall = f"{tally.recall_hits / tally.recall_n:.2f}" if tally.recall_n else "-"
            precision = f"{tally.precision_hits / tally.precision_n:.2f}" if tally.precision_n else "-"
            cells.append(f"{recall + '/' + precision:>11}")
        lines.append(f"{name[:38]:38} {score.facts:5} " + " ".join(cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = devset_parser(__doc__, READINGS, "extractor runs at once (default 2)")
    parser.add_argument("--misses", action="append", default=[], metavar="FIELD",
                        help="list each fact or candidate wrong on FIELD (a field name, unmatched, or all)")
    args = parser.parse_args(argv)

    stories = load_stories(args.readings)
    wrong = [p for story in stories for p in problems(story, story["_file"])]
    if wrong:
        print("\n".join(wrong), file=sys.stderr)
        return 1
    absent = texts_missing(stories, args.articles)
    if absent:
        print(absent)
        return 0
    work = [(story["story"], article) for story in stories for article in story["articles"]
            if (args.articles / f"{article['id']}.txt").is_file()]

    def one(item: tuple[str, Json]) -> tuple[str, Json, list[Json], str | None]:
        story, article = item
        found, error = run_extractor(args.articles / f"{article['id']}.txt", date_text(article["published"]))
        return story, article, found, error

    overall, notes, failed = Score(), [], False
    wanted: list[str] = []
    per_story: dict[str, Score] = {}
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for story, article, candidates, error in pool.map(one, work):
            if error:
                failed = True
                notes.append(f"{article['id']}: {error}")
            text = (args.articles / f"{article['id']}.txt").read_text(encoding="utf-8")
            found: list[tuple[str, str]] = []
            score, article_notes = score_article(article["facts"], text, candidates, found)
            wanted += [f"{article['id']} {name}: {what}" for name, what in found
                       if name in args.misses or "all" in args.misses]
            notes += [f"{article['id']}: {note}" for note in article_notes]
            per_story.setdefault(story, Score()).merge(score)
            overall.merge(score)
    missing = sum(len(story["articles"]) for story in stories) - len(work)
    if args.json:
        print(json.dumps({"overall": overall.as_json(), "stories": {k: v.as_json() for k, v in per_story.items()},
                          "missing_articles": missing, "notes": notes, "misses": wanted}, indent=2))
    else:
        print(render(overall, per_story))
        if missing:
            print(f"\n{missing} articles of the readings have no text in {args.articles} and were skipped.")
        if wanted:
            print("", *wanted, sep="\n")
    for note in notes:
        print(note, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
