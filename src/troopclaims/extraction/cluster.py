"""Extraction over a corpus on a Dask distributed cluster, written as partitioned JSON lines.

Extraction is a pure map over articles, so a corpus is cut into partitions of a fixed number of articles, in
the order the articles are found, and each partition is one task. A worker process loads the parser and the
places once (a cache of the process: the first task pays for it, the others reuse it) and returns the
partition's lines; the client alone writes them, each partition to its own file, atomically, as its task
completes. So:
- an article appears exactly once: a task lost with a worker is run again elsewhere, and only the result
  the client receives is written;
- a run stopped at any point is restarted by running it again: the partitions already on disk are not
  computed again. The plan (which articles each partition holds) is kept beside them, and a run over
  another corpus into the same folder is refused rather than mixed in.

Each article's lines are its claim records, then, when it could not be read, one line {"article", "error"},
and one {"article", "warning"} line for each warning: its errors sit beside its results. Paths are sent to
the workers as they are: on a cluster of several machines, the corpus must be on a file system they share.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..datafile import DateValue, Extracted
from ..errors import TroopclaimsError, UsageError
from ..intake import Entry, Skipped

#: Articles per partition, unless asked otherwise: large enough that a task outweighs its scheduling.
PARTITION_SIZE = 50
PLAN = "plan.json"

#: What a worker turns one article's result into: its lines, without line ends.
Lines = Callable[[Extracted | Skipped, tuple[Path, ...]], list[str]]


@dataclass(frozen=True)
class CorpusRun:
    """What a run did: the partitions it wrote, those an earlier run had written, the articles in all."""

    written: int
    done_before: int
    articles: int
    unreadable: int  # articles of the partitions this run wrote that could not be read


def partition_name(index: int) -> str:
    return f"part-{index:06d}.jsonl"


def partitions(entries: Sequence[Entry], size: int) -> list[list[Entry]]:
    return [list(entries[start : start + size]) for start in range(0, len(entries), size)]


@functools.lru_cache(maxsize=None)
def ready(gazetteers: tuple[Path, ...]) -> int:
    """Load the extractor (its parser, the world index, the user's places) once in this process, by reading
    one sentence; the process id, for a caller that wants to know where it ran."""
    from ..world import load_gazetteer
    from .extract import extract_article

    extract_article("About 300 soldiers arrived in the city on Monday, officials said.", source_id="warm-up",
                    published=None, gazetteer=load_gazetteer(*gazetteers))
    return os.getpid()


def extract_partition(
    entries: list[Entry], published: DateValue | None, gazetteers: tuple[Path, ...], lines: Lines
) -> tuple[str, int]:
    """One partition's text (each article's lines, in order) and how many of its articles could not be read.
    Runs on a worker."""
    from .run import extract_files

    ready(gazetteers)
    out: list[str] = []
    unreadable = 0
    for result in extract_files(entries, published, gazetteers=gazetteers):
        unreadable += isinstance(result, Skipped)
        out.extend(lines(result, gazetteers))
    return "".join(line + "\n" for line in out), unreadable


def run_on_cluster(
    entries: Sequence[Entry],
    out: Path,
    client: Any,
    published: DateValue | None,
    gazetteers: tuple[Path, ...],
    lines: Lines,
    size: int = PARTITION_SIZE,
    on_written: Callable[[int], None] | None = None,
) -> CorpusRun:
    """Extract entries on the cluster a distributed.Client is connected to, into out/part-NNNNNN.jsonl.

    on_written(index) is called after each partition is on disk (progress, or a test that stops the run).
    """
    from distributed import as_completed

    from ..files import atomic_write_text

    parts = partitions(entries, size)
    plan = [[str(entry.path) for entry in part] for part in parts]
    _keep_plan(out, plan)
    todo = [index for index in range(len(parts)) if not (out / partition_name(index)).is_file()]
    futures = {
        client.submit(extract_partition, parts[index], published, gazetteers, lines, pure=False): index for index in todo
    }
    unreadable = 0
    try:
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            index = futures[future]
            text, failed = future.result()
            atomic_write_text(out / partition_name(index), text)
            unreadable += failed
            if on_written is not None:
                on_written(index)
    finally:
        client.cancel(list(futures))
    return CorpusRun(len(todo), len(parts) - len(todo), len(entries), unreadable)


def _keep_plan(out: Path, plan: list[list[str]]) -> None:
    from ..files import atomic_write_text

    path = out / PLAN
    try:
        out.mkdir(parents=True, exist_ok=True)
        if path.is_file():
            if json.loads(path.read_text(encoding="utf-8")) != plan:
                raise UsageError(
                    f"{out}: holds the partitions of another corpus (or another --partition-size); "
                    "name an empty folder, or this run's own to finish it"
                )
            return
        if any(out.glob("part-*.jsonl")):
            raise UsageError(f"{out}: holds partitions without their {PLAN}; name an empty folder")
        atomic_write_text(path, json.dumps(plan))
    except OSError as exc:
        raise TroopclaimsError(f"{out}: cannot keep the partitions there: {exc.strerror or exc}") from None
    except ValueError:
        raise TroopclaimsError(f"{path}: not the plan of a run (not JSON); name an empty folder") from None
