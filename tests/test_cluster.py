"""Extraction on a Dask cluster: a 2-worker LocalCluster over a corpus of 240 written articles gives, partition
after partition, exactly the JSON lines one process gives; a worker killed mid-run, or a run stopped and
started again, still yields every article exactly once.

The articles are made here from sentences written for these tests, with varied figures, places and days.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")

from troopclaims.extraction import cluster as corpus  # noqa: E402
from troopclaims.intake import find_articles  # noqa: E402
from troopclaims.present import article_lines  # noqa: E402

from .round2 import cli  # noqa: E402

ARTICLES = 240

OPENINGS = [
    "About {n} {people} soldiers left the garrison at {a} on {day} and will move to {b}, the defence ministry said.",
    "{n} {people} marines arrived in {b} on {day} after a week at sea, a navy spokesman said.",
    "The {people} army said on {day} that more than {n} troops had withdrawn from {a}.",
    "Officials in {b} said some {n} {people} paratroopers would be deployed there by the end of the month.",
]
PEOPLE = ["Danish", "Polish", "German", "British"]
MIDDLES = [
    "Residents watched the convoy pass through the town centre late in the evening.",
    "The move follows talks between the two governments earlier in the year.",
    "Local officials said the roads near the border would stay closed for several days.",
    "A monitoring group said at least {m} troops were already stationed near {b}.",
]
PLACES = ["Tapa", "Riga", "Vilnius", "Tallinn", "Klaipeda", "Tartu", "Kaunas", "Liepaja"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def write_corpus(folder: Path, count: int = ARTICLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        a, b = PLACES[i % len(PLACES)], PLACES[(i * 3 + 1) % len(PLACES)]
        fields = {"n": 100 + 10 * i, "m": 50 + i, "a": a, "b": b, "day": DAYS[i % len(DAYS)], "people": PEOPLE[i // 60 % len(PEOPLE)]}
        text = (f"Published: 2024-0{1 + i % 3}-1{i % 10}\n\n" + OPENINGS[i % len(OPENINGS)].format(**fields) + "\n\n"
                + MIDDLES[i % len(MIDDLES)].format(**fields) + "\n")
        (folder / f"article_{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        with distributed.Client(local) as connected:
            yield connected


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "articles")


@pytest.fixture(scope="module")
def single(articles: Path) -> str:
    ran = cli("extract", str(articles), "--format", "jsonl", "--quiet")
    assert ran.code == 0, ran.stderr
    return ran.stdout


def claim_lines(out: Path) -> str:
    """The partitions in order, without each article's about, error and warning lines: what `extract --format
    jsonl` writes."""
    text = "".join((out / corpus.partition_name(i)).read_text(encoding="utf-8") for i in range(len(list(out.glob("part-*.jsonl")))))
    return "".join(line + "\n" for line in text.splitlines() if not ({"about", "error", "warning"} & set(json.loads(line))))


def run(articles: Path, out: Path, client: Any, **options: Any) -> corpus.CorpusRun:
    entries, skipped = find_articles([articles])
    assert skipped == []
    return corpus.run_on_cluster(entries, out, client, None, (), article_lines, size=options.pop("size", 20), **options)


def test_a_two_worker_cluster_writes_what_one_process_writes(articles: Path, single: str, client: Any, tmp_path: Path) -> None:
    done = run(articles, tmp_path / "out", client)
    assert done == corpus.CorpusRun(written=12, done_before=0, articles=ARTICLES, unreadable=0)
    assert single.count("\n") > ARTICLES  # every article gave claims
    assert claim_lines(tmp_path / "out") == single
    # One parser per worker, loaded once: each worker's cache was filled once, however many tasks it ran.
    loads = client.run(lambda: corpus.ready.cache_info().misses)
    assert sorted(loads.values()) == [1, 1]


def test_the_command_line_writes_partitions_and_a_run_again_finishes_nothing_twice(articles: Path, single: str, tmp_path: Path) -> None:
    out = tmp_path / "claims"
    ran = cli("extract", str(articles), "--scheduler", "local:2", "--partitions", str(out), "--partition-size", "60")
    assert ran.code == 0, ran.stderr
    assert ran.lines == [f"{out}: 4 partition(s) written, 0 done before; {ARTICLES} article(s) in all"]
    assert claim_lines(out) == single
    again = cli("extract", str(articles), "--scheduler", "local:1", "--partitions", str(out), "--partition-size", "60")
    assert again.lines == [f"{out}: 0 partition(s) written, 4 done before; {ARTICLES} article(s) in all"]


def test_an_article_that_cannot_be_read_has_its_error_beside_the_others_results(client: Any, tmp_path: Path) -> None:
    articles = write_corpus(tmp_path / "articles", 6)
    (articles / "article_0002.txt").write_bytes(b"\x00 not text")
    done = run(articles, tmp_path / "out", client, size=4)
    assert done.unreadable == 1
    lines = [json.loads(line) for line in (tmp_path / "out" / corpus.partition_name(0)).read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if "about" not in line]
    order = [(Path(line["article"]).name, "error" in line) for line in lines]
    broken = order.index(("article_0002.txt", True))
    assert {name for name, _ in order[:broken]} == {"article_0000.txt", "article_0001.txt"}
    assert {name for name, _ in order[broken + 1 :]} == {"article_0003.txt"}
    assert "a NUL byte" in lines[broken]["error"]


def test_a_stopped_run_started_again_skips_the_partitions_it_finished(articles: Path, single: str, client: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    finished: list[int] = []

    def stop_after_three(index: int) -> None:
        finished.append(index)
        if len(finished) == 3:
            raise KeyboardInterrupt  # as Ctrl-C would, between two partitions

    with pytest.raises(KeyboardInterrupt):
        run(articles, out, client, on_written=stop_after_three)
    assert len(list(out.glob("part-*.jsonl"))) == 3
    before = {path.name: path.stat().st_mtime_ns for path in out.glob("part-*.jsonl")}
    done = run(articles, out, client)
    assert (done.written, done.done_before) == (9, 3)
    assert {name: (out / name).stat().st_mtime_ns for name in before} == before  # not written again
    assert claim_lines(out) == single


def test_another_corpus_into_the_same_folder_is_refused(articles: Path, client: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    other = write_corpus(tmp_path / "other", 5)
    run(other, out, client, size=5)
    ran = cli("extract", str(articles), "--scheduler", "local:1", "--partitions", str(out))
    assert ran.code == 2 and ran.lines[-1] == (f"Error: {out}: holds the partitions of another corpus (or another "
                                               "--partition-size); name an empty folder, or this run's own to finish it")


def test_killing_a_worker_mid_run_still_yields_every_article_exactly_once(articles: Path, single: str, tmp_path: Path) -> None:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        with distributed.Client(local) as client:
            pids = client.run(os.getpid)
            killed: list[int] = []

            def kill_one(index: int) -> None:
                if not killed:  # after the first partition: the others are queued or running on both workers
                    victim = sorted(pids.values())[0]
                    os.kill(victim, signal.SIGKILL)
                    killed.append(victim)

            done = run(articles, tmp_path / "out", client, size=10, on_written=kill_one)
    assert killed and done.written == ARTICLES // 10
    written = claim_lines(tmp_path / "out")
    assert written == single  # each article's claims once, in order: none lost with the worker, none twice
    assert len({json.loads(line)["article"] for line in written.splitlines()}) == ARTICLES


def without_text_notes(conflicts: str) -> list[Any]:
    """Conflicts as JSON, without the notes that compare the articles' texts (a corpus is read without them)."""
    found = json.loads(conflicts)
    for conflict in found:
        conflict["notes"] = [note for note in conflict.get("notes", []) if not note.startswith("not independent")]
    return found


def test_events_and_conflicts_read_a_corpus_as_they_read_its_data_file(articles: Path, client: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(articles, out, client)
    story = tmp_path / "story"
    assert cli("init", str(story), "--quiet").code == 0
    for article in articles.iterdir():
        (story / "articles" / article.name).write_bytes(article.read_bytes())
    # The invented articles share most of their words: add would take them for copies of one another.
    assert cli("add", str(story / "articles"), "--data", str(story / "claims.yaml"), "--quiet", "--allow-duplicate").code == 0
    data = ["--data", str(story / "claims.yaml"), "--no-cache", "--quiet"]
    events = cli("events", "--claims", str(out), "--format", "csv", "--quiet")
    assert events.code == 0 and events.stderr == ""
    assert events.stdout == cli("events", *data, "--format", "csv").stdout and events.stdout.count("\n") > 100
    conflicts = cli("conflicts", "--claims", str(out), "--format", "json", "--quiet").stdout
    assert without_text_notes(conflicts) == without_text_notes(cli("conflicts", *data, "--format", "json").stdout) != []
    one = cli("events", "--claims", str(out / corpus.partition_name(0)), "--format", "csv", "--quiet")
    assert one.code == 0 and 1 < one.stdout.count("\n") < events.stdout.count("\n")


def test_a_corpus_line_that_is_not_json_is_one_line_naming_it(tmp_path: Path) -> None:
    broken = tmp_path / "claims.jsonl"
    broken.write_text('{"article": "a.txt", "error": "x"}\n{"id": \n', encoding="utf-8")
    ran = cli("conflicts", "--claims", str(broken))
    assert ran.code == 1 and ran.lines[-1].startswith(f"Error: {broken}:2: not a JSON line: ")
    assert cli("events", "--claims", str(broken), "--data", str(broken)).code == 2


def test_claims_of_an_undated_article_are_left_out_and_counted(tmp_path: Path) -> None:
    undated = tmp_path / "articles"
    undated.mkdir()
    (undated / "a.txt").write_text("About 300 Danish soldiers arrived in Riga on Monday, the army said.\n", encoding="utf-8")
    lines = cli("extract", str(undated), "--format", "jsonl", "--quiet").stdout
    (tmp_path / "claims.jsonl").write_text(lines, encoding="utf-8")
    ran = cli("events", "--claims", str(tmp_path / "claims.jsonl"))
    assert ran.code == 0 and ran.lines == [f"{tmp_path / 'claims.jsonl'}: {lines.count(chr(10))} claim(s) left out: "
                                           "their article has no date (no \"about\" line)"]
