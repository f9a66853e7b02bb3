"""Case 3: bulk import through the bulk endpoint and the CLI vs a raw ``UNWIND`` of the same rows.

Subjects (each round imports ``N`` new AwsAccount entities per side):

* ``POST /admin/plugins/aws-iam-ic/entities/AwsAccount:bulk`` over HTTP, requests of
  1,000 items (the CLI's default batch), one after another on one keep-alive client:
  validation of every row, uniqueness checks against stored entities, the creates,
  one version record per row and one audit event per request, one transaction each.
* ``plugraph entities import <file>.jsonl`` as a subprocess on the same database
  (``PLUGRAPH_GRAPH_URL=bolt://...``), timed from spawn to exit (Python start-up
  included), batches of 1,000.

Baseline: ``cypher/entities/bulk_create`` (``UNWIND $rows AS row CREATE ... SET n = row``)
of the same rows, already flattened with their system properties, 1,000 rows per
managed transaction, from the bench process. Target: subject rate >= 0.5 x raw rate.
Each side first imports 20,000 rows untimed (the database's JIT warms up on them);
then three rounds alternate the three sides; each side writes fresh accountIds.
The first two results also carry, in ``extra``, each side's CPU milliseconds per 1,000
rows by process (:mod:`bench.cpu`; the database's only when it is the embedded one).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import httpx

from bench.cpu import CpuMeter
from bench.environment import BenchEnv
from bench.harness import CaseResult, from_rounds
from bench.http_server import REPO_ROOT, HttpServer
from bench.stack import ACCOUNTS, LABEL, PLUGIN, account, deployment, raw_rows, raw_unwind, rotate

BATCH = 1000
SIZE_ENV = "PLUGRAPH_BENCH_BULK_ENTITIES"  # default: the 100,000 (quick: 5,000)
WARM_UP_ENTITIES = 20_000  # per side, untimed, before the rounds
DELETE_BATCH = (
    "MATCH (n:`AwsAccount`)\nWITH n LIMIT 5000\nWITH n, n.id AS id\nDETACH DELETE n\n"
    "RETURN count(id) AS deleted"
)


def _empty_label(store) -> None:
    """Every side and round starts on an empty label (the import's cost grows with it)."""
    while store.write(DELETE_BATCH)[0]["deleted"]:
        pass


def run(env: BenchEnv, quick: bool) -> list[CaseResult]:
    entities = int(os.environ.get(SIZE_ENV) or (5_000 if quick else 100_000))
    rounds = 3
    warm_up = min(entities, WARM_UP_ENTITIES)
    next_number = iter(range(0, 10**11, entities))
    request_seconds: list[float] = []
    meter: CpuMeter | None = None  # set after the warm-up: only the rounds are measured

    def measured(side: str) -> AbstractContextManager[None]:
        return meter.measure(side) if meter else nullcontext()

    with deployment(env) as dep:
        cli_env = {
            **os.environ,
            "PLUGRAPH_GRAPH_URL": dep.conn.uri,
            "PLUGRAPH_GRAPH_USER": dep.conn.user,
            "PLUGRAPH_GRAPH_PASSWORD": dep.conn.password,
            "PLUGRAPH_GRAPH_DATABASE": dep.conn.database,
        }
        with (
            HttpServer(dep.conn, dep.org_id, env.workdir) as server,
            httpx.Client(base_url=server.url, headers=dep.auth, timeout=600.0) as client,
        ):

            def http(entities: int = entities) -> float:
                first = next(next_number)
                bodies = [
                    json.dumps(
                        {
                            "mode": "create",
                            "items": [
                                account(n) for n in range(s, min(s + BATCH, first + entities))
                            ],
                        }
                    ).encode()
                    for s in range(first, first + entities, BATCH)
                ]
                _empty_label(dep.store)
                started = time.perf_counter()
                with measured("http"):
                    for body in bodies:
                        sent = time.perf_counter()
                        response = client.post(
                            f"{ACCOUNTS}:bulk",
                            content=body,
                            headers={"Content-Type": "application/json"},
                        )
                        request_seconds.append(time.perf_counter() - sent)
                        if response.status_code != 200:
                            raise RuntimeError(f"{response.status_code}: {response.text[:2000]}")
                return entities / (time.perf_counter() - started)

            def cli(entities: int = entities) -> float:
                first = next(next_number)
                path = env.workdir / f"import-{first}.jsonl"
                with path.open("w") as out:
                    for n in range(first, first + entities):
                        out.write(json.dumps(account(n)) + "\n")
                command = [
                    str(Path(sys.executable).parent / "plugraph"), "entities", "import", str(path),
                    "--plugin", PLUGIN, "--label", LABEL, "--batch-size", str(BATCH),
                ]  # fmt: skip
                _empty_label(dep.store)
                started = time.perf_counter()
                with measured("cli"):
                    done = subprocess.run(
                        command, cwd=REPO_ROOT, env=cli_env, capture_output=True, timeout=1800
                    )
                elapsed = time.perf_counter() - started
                path.unlink()
                if done.returncode != 0:
                    raise RuntimeError(f"import failed: {done.stderr.decode()[-2000:]}")
                return entities / elapsed

            def raw(entities: int = entities) -> float:
                first = next(next_number)
                rows = raw_rows(range(first, first + entities), dep.org_id)
                _empty_label(dep.store)
                started = time.perf_counter()
                with measured("raw"):
                    raw_unwind(dep.store, rows, BATCH)
                return entities / (time.perf_counter() - started)

            # Untimed warm-up of every side: the database's JIT compiles the write paths
            # during the first tens of thousands of rows, which would otherwise fall on
            # whichever side runs first.
            for side in (http, cli, raw):
                side(warm_up)
            request_seconds.clear()
            meter = CpuMeter(
                {"database": env.embedded.pid if env.embedded else None, "api server": server.pid}
            )
            values = rotate(rounds, {"http": http, "cli": cli, "raw": raw})
    size = (
        f"{entities:,} entities per side and round, {rounds} rounds after an untimed "
        f"{warm_up:,}-row warm-up of each side, each on an empty label"
    )
    if entities < 100_000:
        size += f" (the issue's 100,000: {SIZE_ENV}=100000)"
    assert meter is not None
    cpu = {"cpu_ms_per_1000_rows": meter.per_rows(entities * rounds)}
    per_request = len(request_seconds) // rounds
    firsts = [request_seconds[r * per_request] for r in range(rounds)]
    lasts = [request_seconds[(r + 1) * per_request - 1] for r in range(rounds)]
    return [
        from_rounds(
            f"bulk import {entities:,}: :bulk endpoint (HTTP, 1,000/request) vs raw UNWIND",
            values["http"],
            values["raw"],
            unit="rows/s",
            target=">= 0.5",
            check=lambda r: r >= 0.5,
            note=size,
            extra=cpu,
        ),
        from_rounds(
            f"bulk import {entities:,}: plugraph entities import (CLI) vs raw UNWIND",
            values["cli"],
            values["raw"],
            unit="rows/s",
            target=">= 0.5",
            check=lambda r: r >= 0.5,
            note=size + "; CLI timed from spawn to exit",
            extra=cpu,
        ),
        from_rounds(
            f"bulk import: last :bulk request (at {entities - BATCH:,} stored) vs first (at 0)",
            lasts,
            firsts,
            unit="s/request",
            target="~1 (flat)",
            note="a ratio well above 1 means each batch costs more as the label grows",
        ),
    ]
