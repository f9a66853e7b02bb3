"""Case 1: GET one entity by id through the full generic stack vs a hand-written route.

Subject: ``GET /admin/plugins/aws-iam-ic/entities/AwsAccount/{id}`` (bearer token,
Casbin check, manifest lookup, the query, ``Entity.public()``, ETag).
Baseline: ``GET /bare/aws/accounts/{id}`` on the same app, uvicorn and driver pool,
running the same Cypher text through ``GraphStore.read`` and returning the same JSON
(checked equal before timing). One keep-alive httpx client sends the requests one
after another; throughput = requests / second. Target: subject/baseline >= 0.8
(goal 0.9).

Also both against the raw driver call alone: ``GraphStore.read`` of the same query
in the bench process, no HTTP at all. And a scaling guard (not in the issue): the same
query through the driver on a database holding 100,000 entities (quick: 10,000) vs
the one holding 1,000, which should be flat for an index-backed lookup.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import httpx

from bench.environment import BenchEnv
from bench.harness import CaseResult, from_rounds
from bench.http_server import HttpServer
from bench.stack import (
    ACCOUNTS,
    BARE,
    LABEL,
    PLUGIN,
    deployment,
    interleaved,
    raw_rows,
    raw_unwind,
)
from plugraph.graph.queries import QUERIES

ENTITIES = 1000


def _scaling(
    env: BenchEnv,
    small: Callable[[int], None],
    text: str,
    big: int,
    rounds: int,
    quick: bool,
) -> dict[str, list[float]] | None:
    """The same query at ``big`` entities (another database) vs at 1,000; None against one
    external graph (no second database to compare with)."""
    if env.external is not None:
        return None
    with deployment(env) as large:
        rows = raw_rows(range(big), large.org_id)
        raw_unwind(large.store, rows, 2000)
        ids = [row["id"] for row in rows[:: max(1, big // 1000)]]

        def driver_big(i: int) -> None:
            params = {"org": large.org_id, "plugin": PLUGIN, "id": ids[i % len(ids)]}
            assert large.store.read(text, params)

        return interleaved(rounds, 10 if quick else 5, {"small": small, "big": driver_big})


def run(env: BenchEnv, quick: bool) -> list[CaseResult]:
    requests = 200 if quick else 1000
    big = 10_000 if quick else 100_000
    rounds = 5 if quick else 9
    rng = random.Random(1)
    with deployment(env) as dep:
        rows = raw_rows(range(ENTITIES), dep.org_id)
        raw_unwind(dep.store, rows)
        ids = [row["id"] for row in rows]
        text = QUERIES.render("entities/get", label=LABEL)
        with (
            HttpServer(dep.conn, dep.org_id, env.workdir) as server,
            httpx.Client(base_url=server.url, headers=dep.auth, timeout=30.0) as client,
        ):
            generic = client.get(f"{ACCOUNTS}/{ids[0]}")
            bare = client.get(f"{BARE}/{ids[0]}")
            assert generic.status_code == 200, generic.text
            assert generic.json() == bare.json(), (generic.json(), bare.json())
            assert generic.headers["etag"] == bare.headers["etag"]

            sample = [rng.choice(ids) for _ in range(requests * rounds + 100)]

            def http(prefix: str):
                def one(i: int) -> None:
                    response = client.get(f"{prefix}/{sample[i]}")
                    if response.status_code != 200:
                        raise RuntimeError(f"{response.status_code}: {response.text}")

                return one

            def driver(i: int) -> None:
                params = {"org": dep.org_id, "plugin": PLUGIN, "id": sample[i]}
                assert dep.store.read(text, params)

            series = {"generic": http(ACCOUNTS), "bare": http(BARE), "driver": driver}
            interleaved(1, 50, series)  # warm-up
            values = interleaved(rounds, requests, series)
        scaling = _scaling(env, driver, text, big, rounds, quick)
    note = (
        f"{requests} sequential keep-alive requests per side and round, interleaved one by one; "
        f"{rounds} rounds; {ENTITIES} entities"
    )
    results = [
        from_rounds(
            "GET by id: generic route vs hand-written route (throughput)",
            values["generic"],
            values["bare"],
            unit="req/s",
            target=">= 0.8 (goal 0.9)",
            check=lambda r: r >= 0.8,
            note=note,
        ),
        from_rounds(
            "GET by id: generic route vs raw driver call (info)",
            values["generic"],
            values["driver"],
            unit="req/s",
            target="(info)",
            note="driver: GraphStore.read of the same query in the bench process, no HTTP",
        ),
        from_rounds(
            "GET by id: hand-written route vs raw driver call (info)",
            values["bare"],
            values["driver"],
            unit="req/s",
            target="(info)",
            note="what HTTP + FastAPI + uvicorn cost on their own",
        ),
    ]
    if scaling is not None:
        results.append(
            from_rounds(
                f"GET by id query (entities/get, driver) at {big:,} entities vs at {ENTITIES:,}",
                [1000 / x for x in scaling["big"]],
                [1000 / x for x in scaling["small"]],
                unit="ms/query",
                target="<= 1.5 (scaling guard)",
                check=lambda r: r <= 1.5,
                note="an index-backed lookup is flat; a ratio near N/1,000 means a label scan",
            )
        )
    return results
