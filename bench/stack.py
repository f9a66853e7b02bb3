"""What the HTTP cases share: a bootstrapped, plugin-installed database and sample data.

``deployment(env)`` gives a fresh migrated database with the demo org, its org-admin
token and the example plugins installed through ``PluginRegistry.install`` (as
``plugraph serve`` does at start-up), plus the parent-side services for seeding.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction

from bench.environment import BenchEnv
from bench.http_server import REPO_ROOT, Connection
from plugraph.api.context import AppContext, build_context
from plugraph.entities.storage import SystemProperties, node_properties
from plugraph.graph.batch import Batch, batches
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.manifests.loader import load_manifest
from plugraph.security.bootstrap import bootstrap
from plugraph.security.principal import Principal, system_principal
from plugraph.settings import Settings

PLUGIN = "aws-iam-ic"
LABEL = "AwsAccount"
ACCOUNTS = f"/admin/plugins/{PLUGIN}/entities/{LABEL}"
BARE = "/bare/aws/accounts"
EXAMPLE_PLUGINS = ("aws-iam-ic", "github", "pagerduty")


@dataclass
class Deployment:
    store: GraphStore
    conn: Connection
    context: AppContext
    org_id: str
    token: str
    admin: Principal  # the org-admin user the token belongs to

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def connection(env: BenchEnv, store: GraphStore) -> Connection:
    if env.embedded is not None:
        return Connection(store.uri, env.embedded.user, env.embedded.password, store.database)
    assert env.external is not None
    return Connection(env.external.uri, env.external.user, env.external.password, store.database)


@contextmanager
def deployment(env: BenchEnv, plugins: tuple[str, ...] = (PLUGIN,)) -> Iterator[Deployment]:
    with env.fresh_store() as store:
        context = build_context(store, Settings(manifests_dir=REPO_ROOT / "manifests"))
        result = bootstrap(store, context.authorizer, context.tokens)
        assert result.new_token is not None
        system = system_principal(result.org_id, result.org_slug)
        for slug in plugins:
            context.registry.install(load_manifest(REPO_ROOT / "manifests" / slug), system)
        admin = Principal(
            kind="user", id=result.admin_user_id, org_id=result.org_id, org_slug=result.org_slug
        )
        yield Deployment(
            store, connection(env, store), context, result.org_id, result.new_token, admin
        )


def account(number: int) -> dict[str, Any]:
    """A valid AwsAccount document; ``number`` makes accountId and name unique."""
    return {
        "accountId": f"{number:012d}",
        "name": f"account-{number:07d}",
        "email": f"root+{number}@example.com",
        "status": ("ACTIVE", "SUSPENDED", "PENDING_CLOSURE")[number % 3],
        "organizationalUnit": "Workloads/Prod",
        "tags": ["env=prod", "team=core"],
        "owner": {"name": "Ana", "email": "ana@example.com"},
    }


def raw_rows(numbers: range, org_id: str, actor: str = "user:bench") -> list[dict[str, Any]]:
    """Node properties exactly as the generic write stores them (document + system)."""
    from plugraph.clock import utc_now
    from plugraph.ids import new_id

    now = utc_now()
    return [
        node_properties(
            account(n),
            SystemProperties(
                id=new_id(),
                plugin=PLUGIN,
                label=LABEL,
                org=org_id,
                version=1,
                created_at=now,
                updated_at=now,
                created_by=actor,
                updated_by=actor,
            ),
        )
        for n in numbers
    ]


def raw_unwind(store: GraphStore, rows: list[dict[str, Any]], batch: int = 1000) -> None:
    """The raw baseline write: ``cypher/entities/bulk_create`` (UNWIND ... CREATE ... SET n = row),
    one managed transaction per batch."""
    text = QUERIES.render("entities/bulk_create", label=LABEL)
    # Batch, as plugraph's own writes send rows: a plain list would have the driver format
    # every row for its debug log (~7 ms per 1,000 rows here) and slow the baseline down.
    for chunk in batches(rows, batch):

        def work(tx: ManagedTransaction, c: Batch[dict[str, Any]] = chunk) -> None:
            tx.run(text, rows=c).consume()

        store.execute_write(work)


def rotate(rounds: int, series: dict[str, Callable[[], float]]) -> dict[str, list[float]]:
    """Run each series once per round, starting each round with the next series in turn,
    so drift and warm-up hit every side alike. Returns the per-round values by name."""
    names = list(series)
    values: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        for i in range(len(names)):
            name = names[(r + i) % len(names)]
            values[name].append(series[name]())
    return values


def interleaved(
    rounds: int, per_round: int, series: dict[str, Callable[[int], object]]
) -> dict[str, list[float]]:
    """Operations per second of each series, per round, with the operations of all series
    interleaved one by one (a, b, c, b, c, a, ...) so load from elsewhere on the machine
    falls on every series alike. ``series[name](i)`` performs operation ``i``."""
    names = list(series)
    values: dict[str, list[float]] = {name: [] for name in names}
    op = 0
    for _ in range(rounds):
        spent = dict.fromkeys(names, 0.0)
        for _ in range(per_round):
            for k in range(len(names)):
                name = names[(op + k) % len(names)]
                started = time.perf_counter()
                series[name](op)
                spent[name] += time.perf_counter() - started
            op += 1
        for name in names:
            values[name].append(per_round / spent[name])
    return values


def rate(fn: Callable[[], object], ops: int) -> float:
    """Operations per second of ``ops`` operations done by ``fn``."""
    started = time.perf_counter()
    fn()
    return ops / (time.perf_counter() - started)
