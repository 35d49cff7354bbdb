"""A progress bar on stderr for long work: shown only on a terminal, and only once the work has taken a second."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from rich.console import Console

T = TypeVar("T")
#: Work shorter than this shows no bar: it would only flicker.
DELAY_SECONDS = 1.0


def tracked(
    items: Iterable[T], total: int, label: str, *, enabled: bool = True, console: Console | None = None, delay: float = DELAY_SECONDS
) -> Iterator[T]:
    """items, unchanged; on a terminal, a bar with the count and the time left once delay has passed.

    Nothing is drawn when stderr is piped or redirected (a log stays clean), when enabled is False
    (--quiet), or when the work ends within the delay.
    """
    if not enabled or (console is None and not sys.stderr.isatty()):
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    if console is None:
        from rich.console import Console

        console = Console(stderr=True)
    progress: Progress | None = None
    started = time.monotonic()
    done = 0
    try:
        for item in items:
            yield item
            done += 1
            if progress is None and time.monotonic() - started >= delay and done < total:
                progress = Progress(
                    TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=console, transient=True,
                )
                progress.start()
                task = progress.add_task(label, total=total, completed=done)
            elif progress is not None:
                progress.update(task, completed=done)
    finally:
        if progress is not None:
            progress.stop()
