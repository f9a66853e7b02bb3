"""Case 4: keyset paging, latency of page 1,000 vs page 1; and the same for SKIP to show why.

``N`` AwsAccount entities (100,000; quick: 10,000) are written with a raw UNWIND;
pages hold ``N / 1,000`` rows, so page 1,000 is the last one. The cursor for page
1,000 is built from the id of the last row of page 999 (checked against what the API
returns before timing). Latency = mean over the requests of a round, median over
rounds; requests of all series interleaved one by one.

* generic list, ``sort=id`` (default):  ``GET .../AwsAccount?limit=L[&cursor=...]``
* generic list, ``sort=accountId`` (a declared unique index): keyset on (accountId, id)
* the generic list's Cypher for ``sort=id`` run through the driver alone
* SKIP: the same query with ``SKIP $skip LIMIT $limit`` instead of the keyset predicate

Target: page 1,000 / page 1 <= 1.2 for the generic list (sort=id).
"""

from __future__ import annotations

import httpx

from bench.environment import BenchEnv
from bench.harness import CaseResult, from_rounds
from bench.http_server import HttpServer
from bench.stack import ACCOUNTS, LABEL, PLUGIN, deployment, interleaved, raw_rows, raw_unwind
from plugraph.entities.cursor import Cursor
from plugraph.entities.filters import Sort
from plugraph.entities.query import list_query

PAGES = 1000
# A deliberately bad contrast, not product code (product queries live in cypher/).
SKIP_QUERY = (
    "MATCH (n:`AwsAccount`:PluginEntity {_org: $org, _plugin: $plugin})\n"
    "WITH n\nORDER BY n.id ASC\nSKIP $skip\nLIMIT $limit\nRETURN properties(n) AS props"
)


def run(env: BenchEnv, quick: bool) -> list[CaseResult]:
    entities = 10_000 if quick else 100_000
    limit = entities // PAGES
    per_round = 5 if quick else 2
    rounds = 4 if quick else 5
    scope = f"entities:{PLUGIN}:{LABEL}"
    with deployment(env) as dep:
        rows = raw_rows(range(entities), dep.org_id)
        raw_unwind(dep.store, rows, 2000)
        by_id = sorted(row["id"] for row in rows)
        by_account = sorted(rows, key=lambda row: (row["accountId"], row["id"]))
        last_of_999 = (PAGES - 1) * limit - 1
        id_cursor = Cursor(scope, "id", None, by_id[last_of_999]).encode()
        account_row = by_account[last_of_999]
        account_cursor = Cursor(
            scope, "accountId", account_row["accountId"], account_row["id"]
        ).encode()
        org = {"org": dep.org_id, "plugin": PLUGIN}
        first = list_query(LABEL, **org, filters=(), sort=Sort("id"), limit=limit + 1)
        deep = list_query(
            LABEL, **org, filters=(), sort=Sort("id"), limit=limit + 1,
            after=(None, by_id[last_of_999]),
        )  # fmt: skip
        with (
            HttpServer(dep.conn, dep.org_id, env.workdir) as server,
            httpx.Client(base_url=server.url, headers=dep.auth, timeout=120.0) as client,
        ):
            queries = {
                "generic_id_1": {"limit": limit},
                "generic_id_1000": {"limit": limit, "cursor": id_cursor},
                "generic_account_1": {"limit": limit, "sort": "accountId"},
                "generic_account_1000": {
                    "limit": limit, "sort": "accountId", "cursor": account_cursor,
                },
            }  # fmt: skip
            # the API agrees with the cursors we built
            page = client.get(ACCOUNTS, params=queries["generic_id_1000"]).json()
            assert [i["id"] for i in page["items"]] == by_id[-limit:], page
            assert page["next_cursor"] is None
            page = client.get(ACCOUNTS, params=queries["generic_account_1000"]).json()
            assert [i["id"] for i in page["items"]] == [r["id"] for r in by_account[-limit:]]
            page = client.get(ACCOUNTS, params=queries["generic_id_1"]).json()
            assert [i["id"] for i in page["items"]] == by_id[:limit]

            def http(params: dict[str, object]):
                def one(_: int) -> None:
                    response = client.get(ACCOUNTS, params=params)
                    if response.status_code != 200:
                        raise RuntimeError(f"{response.status_code}: {response.text}")

                return one

            def driver(text: str, params: dict[str, object], expect: int):
                def one(_: int) -> None:
                    found = dep.store.read(text, params)
                    assert len(found) == expect, len(found)

                return one

            series = {name: http(params) for name, params in queries.items()}
            series |= {
                "driver_keyset_1": driver(first.text, first.params, limit + 1),
                "driver_keyset_1000": driver(deep.text, deep.params, limit),
                "driver_skip_1": driver(SKIP_QUERY, {**org, "skip": 0, "limit": limit}, limit),
                "driver_skip_1000": driver(
                    SKIP_QUERY, {**org, "skip": (PAGES - 1) * limit, "limit": limit}, limit
                ),
            }
            interleaved(1, 2, series)  # warm-up
            rates = interleaved(rounds, per_round, series)
    ms = {name: [1000.0 / r for r in values] for name, values in rates.items()}
    size = f"{entities:,} entities, {limit} per page, page {PAGES} is the last"
    note = f"{per_round} requests per series and round, interleaved; {rounds} rounds"

    def row(title: str, key: str, target: str, check=None) -> CaseResult:
        return from_rounds(
            f"{title} ({size}): page {PAGES} vs page 1",
            ms[f"{key}_1000"],
            ms[f"{key}_1"],
            unit="ms/page",
            target=target,
            check=check,
            note=note,
        )

    return [
        row("keyset paging, generic list sort=id", "generic_id", "<= 1.2", lambda r: r <= 1.2),
        row("keyset paging, generic list sort=accountId", "generic_account", "<= 1.2 (info)"),
        row("keyset paging, driver alone sort=id", "driver_keyset", "(info)"),
        row("SKIP paging, driver alone sort=id (contrast)", "driver_skip", "(info)"),
    ]
