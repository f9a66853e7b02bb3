"""Timing, results and reporting shared by every case.

Each case measures its subject and a baseline in the same run, on the same
embedded database, repeated ``rounds`` times; we report the median of the
rounds and the spread (min..max of the per-round ratio), so a noisy machine
moves both sides together and the ratio holds.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

RESULTS_DIR = Path(__file__).resolve().parent / "results"


@dataclass
class CaseResult:
    name: str
    value: float
    baseline: float
    ratio: float
    target: str
    unit: str
    spread: tuple[float, float] = (0.0, 0.0)  # min..max ratio over the rounds
    note: str = ""
    passed: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def per_op_seconds(fn: Callable[[], object], ops: int) -> float:
    return timed(fn) / ops


def compare(
    name: str,
    subject: Callable[[], float],
    baseline: Callable[[], float],
    *,
    rounds: int,
    unit: str,
    target: str,
    check: Callable[[float], bool] | None = None,
    higher_is_better: bool = True,
    note: str = "",
) -> CaseResult:
    """Alternate subject and baseline ``rounds`` times; each call returns one measurement."""
    subject_values, baseline_values = [], []
    for _ in range(rounds):
        subject_values.append(subject())
        baseline_values.append(baseline())
    return from_rounds(
        name, subject_values, baseline_values, unit=unit, target=target, check=check, note=note
    )


def from_rounds(
    name: str,
    subject_values: list[float],
    baseline_values: list[float],
    *,
    unit: str,
    target: str,
    check: Callable[[float], bool] | None = None,
    note: str = "",
    extra: dict[str, Any] | None = None,
) -> CaseResult:
    """A result from paired per-round measurements (round i of each side ran back to back):
    medians of each side, their ratio, and the min..max of the per-round ratios."""
    ratios = [
        s / b if b else float("inf") for s, b in zip(subject_values, baseline_values, strict=True)
    ]
    value, base = median(subject_values), median(baseline_values)
    ratio = value / base if base else float("inf")
    return CaseResult(
        name=name,
        value=round(value, 6),
        baseline=round(base, 6),
        ratio=round(ratio, 3),
        target=target,
        unit=unit,
        spread=(round(min(ratios), 3), round(max(ratios), 3)),
        note=note,
        passed=check(ratio) if check else None,
        extra=extra or {},
    )


def machine() -> str:
    cpus = os.cpu_count() or 0
    try:
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        memory = f"{mem_kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        memory = "?"
    python = platform.python_version()
    return f"{platform.system()} {platform.machine()}, {cpus} cores, {memory}, Python {python}"


def load_average() -> list[float]:
    """1, 5 and 15 minute load averages when the results are written (other work on the
    machine widens the spread; the ratios are meant to survive it)."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def write_results(results: list[CaseResult], quick: bool, path: Path | None = None) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    target = path or RESULTS_DIR / "latest.json"
    document = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "mode": "quick" if quick else "full",
        "load_average": load_average(),
        "cases": [
            {
                k: v
                for k, v in asdict(r).items()
                if k in {"name", "value", "baseline", "ratio", "target", "unit"}
            }
            | {
                "spread": list(r.spread),
                "passed": r.passed,
                "note": r.note,
                **({"extra": r.extra} if r.extra else {}),
            }
            for r in results
        ],
    }
    target.write_text(json.dumps(document, indent=2) + "\n")
    return target


def print_table(results: list[CaseResult], console: Console | None = None) -> None:
    console = console or Console(width=200)
    table = Table(
        "case",
        "value",
        "baseline",
        "ratio (spread)",
        "target",
        "unit",
        "ok",
        title="plugraph benchmarks",
    )
    for r in results:
        ok = "" if r.passed is None else ("yes" if r.passed else "NO")
        table.add_row(
            r.name,
            f"{r.value:.6g}",
            f"{r.baseline:.6g}",
            f"{r.ratio:.3f} ({r.spread[0]:.2f}..{r.spread[1]:.2f})",
            r.target,
            r.unit,
            ok,
        )
    console.print(table)
