"""CPU time by process, to say where a case's time goes (Linux ``/proc``; elsewhere nothing).

    meter = CpuMeter({"database": db_pid, "api server": server_pid})
    with meter.measure("http"):
        ...  # the work; child processes waited for inside count as "subprocess"
    meter.per_rows(rows=100_000)  # {"http": {"database": 812.0, ...}} ms per 1,000 rows

Wall-clock ratios say how much slower the generic path is; CPU time per process says
which process pays for it (the database doing more work per row, or Python around it), and
whether the machine had idle cores that overlapping the two could use.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BENCH_PROCESS = "bench process"
SUBPROCESS = "subprocess"


def process_cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of process ``pid`` so far (all its threads); None if unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # children waited for so far
    return usage.ru_utime + usage.ru_stime


class CpuMeter:
    """Sums the CPU time each named process spends inside :meth:`measure`, by side."""

    def __init__(self, pids: dict[str, int | None]) -> None:
        self.pids = {name: pid for name, pid in pids.items() if pid is not None}
        self.seconds: dict[str, dict[str, float]] = {}
        self.wall: dict[str, float] = {}

    def _sample(self) -> dict[str, float]:
        sample = {BENCH_PROCESS: time.process_time(), SUBPROCESS: _children_cpu_seconds()}
        for name, pid in self.pids.items():
            seconds = process_cpu_seconds(pid)
            if seconds is not None:
                sample[name] = seconds
        return sample

    @contextmanager
    def measure(self, side: str) -> Iterator[None]:
        before, started = self._sample(), time.perf_counter()
        try:
            yield
        finally:
            after = self._sample()
            self.wall[side] = self.wall.get(side, 0.0) + time.perf_counter() - started
            spent = self.seconds.setdefault(side, {})
            for name, value in after.items():
                if name in before:
                    spent[name] = spent.get(name, 0.0) + value - before[name]

    def per_rows(self, rows: int) -> dict[str, dict[str, float]]:
        """Milliseconds of CPU per 1,000 rows, by side and process (and the wall time as
        ``wall``), over ``rows`` rows per side; processes that used no CPU are left out."""
        report: dict[str, dict[str, float]] = {}
        for side, spent in self.seconds.items():
            per = {
                name: round(seconds * 1e6 / rows, 1)
                for name, seconds in sorted(spent.items())
                if seconds > 0
            }
            per["wall"] = round(self.wall[side] * 1e6 / rows, 1)
            report[side] = per
        return report
