"""One measured call: CPU time, wall time and the peak memory it raised, for the benchmark scripts beside it."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Measured(Generic[T]):
    result: T
    cpu: float  # seconds of this process's own time
    wall: float  # seconds on the clock, which also counts other work on a shared machine
    peak_mb: float  # the process's peak RSS after the call
    raised_mb: float  # how much the call raised that peak

    def line(self) -> str:
        return f"CPU {self.cpu:7.2f} s  wall {self.wall:7.2f} s  peak RSS {self.peak_mb:7.1f} MB (+{self.raised_mb:6.1f} MB)"


def measure(call: Callable[[], T]) -> Measured[T]:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    began, cpu = time.perf_counter(), time.process_time()
    result = call()
    wall, used = time.perf_counter() - began, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Measured(result, used, wall, peak, peak - before)
