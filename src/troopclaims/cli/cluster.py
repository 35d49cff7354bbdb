"""`troopclaims extract --scheduler ADDRESS --partitions FOLDER`: extraction over a corpus on a Dask cluster."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import TroopclaimsError, UsageError
from .options import Talk, is_stdin

EXTRA = "pip install 'troopclaims[cluster]'"


@contextlib.contextmanager
def connected(scheduler: str) -> Iterator[Any]:
    """A distributed.Client: to the scheduler at ADDRESS, or to a cluster of this machine for "local" or
    "local:N" (N worker processes, one thread each)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError(f"--scheduler needs Dask's distributed scheduler: {EXTRA}") from None
    if scheduler == "local" or scheduler.startswith("local:"):
        workers = scheduler.partition(":")[2] or "2"
        if not workers.isdigit() or int(workers) < 1:
            raise UsageError(f"--scheduler {scheduler}: give local:N with N a number of workers, at least 1")
        # ":0": any free port for its web pages; the default, 8787, may be held by another cluster here.
        # ":0": any free port for its web pages; the default, 8787, may be held by another cluster here.
        with LocalCluster(n_workers=int(workers), threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:  # type: ignore[no-untyped-call]
            with Client(cluster) as client:  # type: ignore[no-untyped-call]
                yield client
        return
    try:
        client = Client(scheduler, timeout="20s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        raise TroopclaimsError(f"--scheduler {scheduler}: cannot reach the scheduler: {str(exc) or type(exc).__name__}") from None
    with client:
        yield client


def extract_on_cluster(
    paths: list[Path], scheduler: str, out: Path, size: int, published: str | None, gazetteer: Path | None, talk: Talk
) -> None:
    """Extract the articles paths name on the cluster into out's partitions; exit 1 when any could not be read."""
    from ..extraction import run_on_cluster
    from ..intake import find_articles
    from ..present import article_lines
    from .add import parse_default_date, report_skipped

    if any(is_stdin(path) for path in paths):
        raise UsageError("--scheduler reads files, not standard input")
    default = parse_default_date(published)
    entries, skipped = find_articles(paths)
    gazetteers = (gazetteer.resolve(),) if gazetteer is not None else ()
    with connected(scheduler) as client:
        run = run_on_cluster(entries, out, client, default, gazetteers, article_lines, size,
                             on_written=lambda index: talk.detail(f"{out}: partition {index} written"))
    talk.say(f"{out}: {run.written} partition(s) written, {run.done_before} done before; {run.articles} article(s) in all")
    if run.unreadable:
        talk.say(f"{out}: {run.unreadable} article(s) could not be read; each one's error is in its partition")
    report_skipped(skipped)
    if run.unreadable:
        raise TroopclaimsError(f"{run.unreadable} article(s) could not be read (see the \"error\" lines in {out})")
