"""Worker processes that never outlive the process that started them.

A pool of workers is ended on any way out of the caller (an exception, Ctrl-C, SIGTERM turned into
an exit), and each worker also watches its parent: on Linux the kernel kills it when the parent
dies (prctl PR_SET_PDEATHSIG), elsewhere it polls its parent's process id. So neither a signal nor
SIGKILL to the parent leaves workers running with the parent's output held open.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 0.5


def _die_with(parent: int) -> None:
    """Worker start-up: end when the parent ends, and leave Ctrl-C to the parent."""
    # Ctrl-C reaches every process of the terminal's group; the parent alone decides, then ends the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the watch was set up
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()


def _watch(parent: int) -> None:
    # Where the kernel offers no parent-death signal, and as a second guard where it does.
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)
    os._exit(1)


def ordered_map(func: Callable[[Item], Result], items: Iterable[Item], jobs: int, chunksize: int = 8) -> Iterator[Result]:
    """func over items in `jobs` worker processes, results in the order of items, one at a time.

    The workers are started fresh ("spawn"): a forked copy of a parent that holds threads or locks
    can deadlock, and a fresh worker has the parent's process id as its parent's, which the watch needs.
    """
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(jobs, initializer=_die_with, initargs=(os.getpid(),))
    try:
        yield from pool.imap(func, items, chunksize=chunksize)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
