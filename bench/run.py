"""``./scripts/bench [--quick] [--only NAME ...]``.

Runs the cases, prints the table and writes bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import compileall
import importlib
import sys
import time
from pathlib import Path

from rich.console import Console

from bench.environment import bench_env
from bench.harness import CaseResult, load_average, machine, print_table, write_results

SOURCES = Path(__file__).resolve().parents[1] / "src"

CASES = [
    "get_by_id",
    "create",
    "bulk_import",
    "keyset_paging",
    "casbin_scale",
    "startup",
    "concurrency",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a reduced run of a few minutes")
    parser.add_argument("--only", nargs="*", choices=CASES, help="run only these cases")
    args = parser.parse_args(argv)
    console = Console(width=200)
    results: list[CaseResult] = []
    selected = args.only or CASES
    # The processes the cases start and time (the CLI, API servers) run as an installed
    # plugraph runs: from compiled bytecode, as pip writes it for a wheel. This checkout is
    # installed editable, and with PYTHONDONTWRITEBYTECODE set (as on this machine)
    # every start would compile the package's modules again (~0.15 s of the CLI's start).
    compileall.compile_dir(SOURCES, quiet=1)
    with bench_env() as env:
        for name in selected:
            try:
                module = importlib.import_module(f"bench.cases.{name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"bench.cases.{name}":
                    raise
                console.print(f"[yellow]{name}: not implemented in this checkout[/]")
                continue
            started = time.perf_counter()
            console.print(f"[bold]{name}[/] ...")
            try:
                case_results = module.run(env, args.quick)
            except Exception as exc:  # one broken case must not lose the others' results
                console.print_exception(max_frames=8)
                case_results = [
                    CaseResult(
                        name=f"{name}: failed",
                        value=0.0,
                        baseline=0.0,
                        ratio=0.0,
                        target="completes",
                        unit="",
                        note=f"{type(exc).__name__}: {str(exc)[:300]}",
                        passed=False,
                    )
                ]
            results.extend(case_results)
            write_results(results, args.quick)  # after every case: an interrupted run keeps them
            console.print(f"  done in {time.perf_counter() - started:.1f} s")
            print_table(case_results, console)
    print_table(results, console)
    path = write_results(results, args.quick)
    console.print(f"{machine()}; load average {load_average()}")
    console.print(f"wrote {path}")
    return 0 if all(r.passed is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
