"""Score `troopclaims conflicts` against the dispute readings of the development set.

    python benchmarks/conflicts_score.py [--articles DIR] [--json] [--jobs N]

For each story in benchmarks/devset/ it runs a new user's workflow through the public command line,
in a temporary folder: `init`, `add` of all the story's articles with no review (a manifest gives
each one's url, outlet and publication date), then `conflicts --format json`. It also reads `list`
and `events` (JSON) to say why a dispute was missed.

Per story and in total it reports the disputes found, the disputes missed with the reason for each
(no claim, wrong field, no such question, split event, judged compatible) and the invented
conflicts: reported ones that match no dispute, marked when they match a reader's "not a dispute"
pair. The matching rules are in conflicts_match.py.

The article texts live outside the repository, in the folder --articles DIR or $TROOPCLAIMS_DEVSET
names (see benchmarks/devset/README.md); without it the script says how to rebuild it and exits 0.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conflicts_match import StoryResult, score_story  # noqa: E402  (scripts beside their helper modules)
from devset_format import date_text, dispute_problems, load_stories, problems  # noqa: E402
from devset_score import devset_parser, texts_missing  # noqa: E402

READINGS = Path(__file__).resolve().parent / "devset"
Json = dict[str, Any]


class ToolFailed(Exception):
    """A command of the tool exited with an error the workflow cannot go on from."""


def _tool(args: list[str], cwd: Path, allowed: tuple[int, ...] = (0,)) -> str:
    # the tool's analysis cache goes in the temporary folder: the score is the engine's, run each time
    env = {**os.environ, "TROOPCLAIMS_CACHE_DIR": str(cwd / ".analysis-cache")}
    done = subprocess.run([sys.executable, "-m", "troopclaims", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", check=False, env=env)
    if done.returncode not in allowed:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ToolFailed(f"troopclaims {args[0]} exited {done.returncode}: {last}")
    return done.stdout


def asked_kinds() -> set[str]:
    """The conflict kinds the installed tool can report, from its own --kind choices."""
    with tempfile.TemporaryDirectory(prefix="conflicts-score-") as temp:
        text = _tool(["conflicts", "--help"], Path(temp))
    choices = re.search(r"--kind\s+\[([^\]]+)\]", text)
    if not choices:  # without them every miss would read "no such question"
        raise ToolFailed("troopclaims conflicts --help lists no --kind choices")
    return set(choices.group(1).split("|"))


def present_articles(story: Json, folder: Path) -> list[Json]:
    return [a for a in story["articles"] if (folder / f"{a['id']}.txt").is_file()]


@dataclass
class Run:
    """What the tool printed for one story, with the article each of its sources was read from."""

    story: Json
    conflicts: list[Json]
    claims: list[Json]
    events: list[Json]
    article_of: dict[str, str]
    notes: list[str]


def questions_asked(kinds: set[str], conflicts: list[Json]) -> set[str]:
    """The questions the tool asks: its --kind choices, and the first word of each reported conflict's scope.

    A conflict's id is "<event>.<kind>.<scope>"; a question filed under another kind (a completion
    under status, "...status.completion-chad") shows there once the tool reports one anywhere in the run.
    """
    scopes = {str(c.get("id", "")).split(".")[-1].split("-")[0] for c in conflicts if c.get("event")}
    return kinds | {scope for scope in scopes if scope}


def run_story(story: Json, folder: Path) -> Run:
    """The user's workflow on one story in a temporary folder, and notes on what went wrong."""
    articles = present_articles(story, folder)
    with tempfile.TemporaryDirectory(prefix="conflicts-score-") as temp:
        home = Path(temp) / story["story"]
        _tool(["init", str(home), "--quiet"], Path(temp))
        with (home / "articles" / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["file", "url", "outlet", "published", "title", "author"])
            for article in articles:
                shutil.copyfile(folder / f"{article['id']}.txt", home / "articles" / f"{article['id']}.txt")
                writer.writerow([f"{article['id']}.txt", article["url"], article["outlet"],
                                 date_text(article["published"]), "", ""])
        notes = []
        try:
            _tool(["add", "articles", "--data", "claims.yaml", "--quiet"], home)
        except ToolFailed as failure:  # some articles could not be added; the others were
            notes.append(f"{story['story']}: {failure}")
        data = ["--data", "claims.yaml", "--format", "json"]
        conflicts = json.loads(_tool(["conflicts", *data], home))
        claims = json.loads(_tool(["list", *data], home))
        events = json.loads(_tool(["events", *data], home))
        sources = (yaml.safe_load((home / "claims.yaml").read_text(encoding="utf-8")) or {}).get("sources") or []
    article_of = {s["id"]: Path(str(s.get("file", ""))).stem for s in sources}
    left_out = [a["id"] for a in articles if a["id"] not in article_of.values()]
    if left_out:  # e.g. taken for a copy of another article: its claims are missing from the score
        notes.append(f"{story['story']}: not added by the tool: {', '.join(left_out)}")
    scored = {**story, "disputes": _scorable(story.get("disputes") or [], {a["id"] for a in articles})}
    return Run(scored, conflicts, claims, events, article_of, notes)


def _scorable(disputes: list[Json], present: set[str]) -> list[Json]:
    """The disputes with each side cut to the articles whose texts are there; a dispute needs two such sides."""
    kept = []
    for dispute in disputes:
        sides = [{**s, "articles": [a for a in s["articles"] if a in present]} for s in dispute["sides"]]
        sides = [s for s in sides if s["articles"]]
        if len(sides) >= 2:
            kept.append({**dispute, "sides": sides})
    return kept


def totals(results: list[StoryResult]) -> Json:
    disputes = sum(r.disputes for r in results)
    found = sum(len(r.found) for r in results)
    invented = sum(len(r.invented) for r in results)
    hard = [d for r in results for d in r.found + r.missed if d["severity"] == "hard"]
    return {
        "stories": len(results), "disputes": disputes, "found": found,
        "missed": sum(len(r.missed) for r in results), "invented": invented,
        "recall": round(found / disputes, 3) if disputes else None,
        "invented_per_story": round(invented / len(results), 2) if results else None,
        "hard_disputes": len(hard), "hard_found": sum(1 for r in results for d in r.found if d["severity"] == "hard"),
        "missed_by_reason": _tally(d["reason"] for r in results for d in r.missed),
        "invented_by_kind": _tally(str(c["kind"]) for r in results for c in r.invented),
    }


def _tally(items: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return dict(sorted(counts.items()))


def render(results: list[StoryResult], total: Json) -> str:
    lines = [f"{'story':38} {'disputes':>8} {'found':>5} {'missed':>6} {'invented':>8}"]
    for r in results:
        lines.append(f"{r.story[:38]:38} {r.disputes:8} {len(r.found):5} {len(r.missed):6} {len(r.invented):8}")
    lines.append(f"{'total':38} {total['disputes']:8} {total['found']:5} {total['missed']:6} {total['invented']:8}")
    recall = f"{total['recall']:.0%}" if total["recall"] is not None else "-"
    lines += ["", f"found {total['found']} of {total['disputes']} disputes ({recall}; hard: {total['hard_found']} of "
              f"{total['hard_disputes']}); {total['invented']} invented conflicts, "
              f"{total['invented_per_story']} per story",
              "missed by reason: " + (", ".join(f"{k} {v}" for k, v in total["missed_by_reason"].items()) or "none")]
    for r in results:
        for d in r.found:
            lines.append(f"  found    {r.story} / {d['dispute']} ({d['kind']}, {d['severity']}): "
                         f"{', '.join(d['conflicts'])} ({'/'.join(d['reported_severity'])})")
        for d in r.missed:
            lines.append(f"  missed   {r.story} / {d['dispute']} ({d['kind']}, {d['severity']}): "
                         f"{d['reason']}: {d['detail']}")
        for c in r.invented:
            look = f"; a reader's not-dispute: {c['not_dispute']}" if c["not_dispute"] else ""
            lines.append(f"  invented {r.story} / {c['conflict']} ({c['kind']}, {c['severity']}): "
                         f"{' vs '.join(map(str, c['sides']))}{look}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = devset_parser(__doc__, READINGS, "stories run at once (default 2)").parse_args(argv)

    stories = load_stories(args.readings)
    wrong = [p for story in stories for p in problems(story, story["_file"]) + dispute_problems(story, story["_file"])]
    if wrong:
        print("\n".join(wrong), file=sys.stderr)
        return 1
    absent = texts_missing(stories, args.articles)
    if absent or args.articles is None:
        print(absent)
        return 0
    runnable = [s for s in stories if present_articles(s, args.articles)]
    missing = [a["id"] for s in stories for a in s["articles"] if not (args.articles / f"{a['id']}.txt").is_file()]
    try:
        kinds = asked_kinds()
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            runs = list(pool.map(lambda story: run_story(story, args.articles), runnable))
    except ToolFailed as failure:
        print(failure, file=sys.stderr)
        return 1
    asked = questions_asked(kinds, [c for run in runs for c in run.conflicts])
    results = [score_story(r.story, r.conflicts, r.claims, r.events, asked, r.article_of) for r in runs]
    notes = [note for run in runs for note in run.notes]
    total = totals(results)
    if args.json:
        print(json.dumps({"total": total, "stories": [r.as_json() for r in results],
                          "missing_articles": missing, "notes": notes}, indent=2))
    else:
        print(render(results, total))
        if missing:
            print(f"\n{len(missing)} articles have no text in {args.articles} and were left out: {', '.join(missing)}")
    for note in notes:
        print(note, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
