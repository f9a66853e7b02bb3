"""Case 7: N concurrent clients (1, 8, 32) doing mixed reads and writes over HTTP.

Load generator: a bounded asyncio loop with one ``httpx.AsyncClient`` (keep-alive,
at most N connections) in the bench process; N workers take request numbers from
one counter until the round's fixed count is done; every request has a 30 s
timeout; only 127.0.0.1 is addressed. Mix: 80 % GET one entity by id (from 1,000
seeded), 20 % POST a new entity.

Subject: the generic routes (``/admin/plugins/aws-iam-ic/entities/AwsAccount``).
Baseline: the same mix on the hand-written routes (``/bare/aws/accounts``) of the same
app and uvicorn. Per N: throughput (requests/s over the round's wall time), p50 and
p99 latency, and the error count (any non-2xx answer or transport error), which must
be 0 on both sides. Rounds alternate subject and baseline.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from itertools import count

import httpx

from bench.environment import BenchEnv
from bench.harness import CaseResult, from_rounds
from bench.http_server import HttpServer
from bench.stack import ACCOUNTS, BARE, account, deployment, raw_rows, raw_unwind

CLIENTS = (1, 8, 32)
SEEDED = 1000
WRITE_EVERY = 5  # one request in five is a POST


@dataclass
class Round:
    throughput: float
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def percentile(self, p: float) -> float:
        """Nearest-rank percentile, in ms."""
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000


async def _round(
    url: str, auth: dict[str, str], prefix: str, clients: int, total: int, ids: list[str],
    numbers: count, seed: int,
) -> Round:  # fmt: skip
    rng = random.Random(seed)
    plan = [
        ("POST", None) if i % WRITE_EVERY == 0 else ("GET", rng.choice(ids)) for i in range(total)
    ]
    result = Round(0.0)
    next_request = iter(range(total))
    # Idle connections expire on the client before uvicorn's 5 s keep-alive timeout closes
    # them: the full run of 0.1.0 had 2 httpx.ReadErrors at 32 clients from a request sent
    # on a connection the server was closing (both sides defaulted to 5 s).
    limits = httpx.Limits(
        max_connections=clients, max_keepalive_connections=clients, keepalive_expiry=2.0
    )
    async with httpx.AsyncClient(base_url=url, headers=auth, limits=limits, timeout=30.0) as client:
        # open the connections before timing
        await asyncio.gather(*(client.get("/healthz") for _ in range(clients)))

        async def worker() -> None:
            for i in next_request:
                method, entity_id = plan[i]
                started = time.perf_counter()
                try:
                    if method == "GET":
                        response = await client.get(f"{prefix}/{entity_id}")
                        ok = response.status_code == 200
                    else:
                        response = await client.post(prefix, json=account(next(numbers)))
                        ok = response.status_code == 201
                    if not ok:
                        result.errors.append(
                            f"{method} {response.status_code} {response.text[:200]}"
                        )
                except httpx.HTTPError as exc:
                    result.errors.append(f"{method} {type(exc).__name__}: {exc}")
                result.latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*(worker() for _ in range(clients))), timeout=1800)
        result.throughput = total / (time.perf_counter() - started)
    return result


def run(env: BenchEnv, quick: bool) -> list[CaseResult]:
    total = 300 if quick else 1500
    rounds = 2 if quick else 3
    numbers = count(10_000)
    results: list[CaseResult] = []
    with deployment(env) as dep:
        rows = raw_rows(range(SEEDED), dep.org_id)
        raw_unwind(dep.store, rows)
        ids = [row["id"] for row in rows]
        with HttpServer(dep.conn, dep.org_id, env.workdir) as server:

            def one(prefix: str, clients: int, seed: int) -> Round:
                return asyncio.run(
                    _round(server.url, dep.auth, prefix, clients, total, ids, numbers, seed)
                )

            one(ACCOUNTS, 4, 0), one(BARE, 4, 0)  # warm-up
            for clients in CLIENTS:
                generic: list[Round] = []
                bare: list[Round] = []
                for r in range(rounds):
                    pair = [(ACCOUNTS, generic), (BARE, bare)]
                    for prefix, into in pair if r % 2 == 0 else reversed(pair):
                        into.append(one(prefix, clients, seed=r))
                errors = sum(len(x.errors) for x in generic + bare)
                sample = next((x.errors[0] for x in generic + bare if x.errors), "")
                note = (
                    f"{total} requests per side and round (80% GET, 20% POST), {rounds} rounds; "
                    f"errors: generic {sum(len(x.errors) for x in generic)}, "
                    f"hand-written {sum(len(x.errors) for x in bare)}"
                    + (f"; first: {sample}" if sample else "")
                )
                results.append(
                    from_rounds(
                        f"{clients} concurrent clients, mixed: generic vs hand-written throughput",
                        [x.throughput for x in generic],
                        [x.throughput for x in bare],
                        unit="req/s",
                        target="errors = 0",
                        note=note,
                        extra={"errors": errors},
                    )
                )
                results[-1].passed = errors == 0
                for p, label in ((0.5, "p50"), (0.99, "p99")):
                    results.append(
                        from_rounds(
                            f"{clients} concurrent clients, mixed: generic vs hand-written {label}",
                            [x.percentile(p) for x in generic],
                            [x.percentile(p) for x in bare],
                            unit="ms",
                            target="(report)",
                            note=f"latency {label} per round, median of rounds",
                        )
                    )
    return results
