"""Case 5: Casbin enforcement cost with derived policies for 1, 100 and 1,000 plugins.

Policies: for every org and plugin, reader/writer/admin roles granting one pattern
per label (plugins:p<i>:entities:L<j>:<op>), i.e. plugins x 10 labels x 3 x orgs lines,
stored in the graph and loaded by plugraph's Authorizer exactly as in production.
Each org's user holds three of those roles plus the seeded viewer role; we time
allowed and denied checks with the decision cache off. Baseline: the same checks
with 1 plugin. Target: cost at 1,000 plugins / cost at 1 plugin <= 2.

For contrast, pycasbin's plain Enforcer (role links resolved by g() in the
matcher, every policy line scanned) is timed on the same policies, up to
``PLAIN_MAX_LINES`` lines.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import casbin
from neo4j import ManagedTransaction

from bench.environment import BenchEnv
from bench.harness import CaseResult, median
from plugraph.authz.authorizer import MODEL_PATH, Authorizer
from plugraph.authz.graph_adapter import add_rules_tx, bump_version_tx, rule_row
from plugraph.authz.permissions import perm_match
from plugraph.graph.batch import batches
from plugraph.security.principal import Principal

LABELS = 10
CHECKS = 2000
# The plain Enforcer scans every line per check (29 s a check at 3 million lines); the
# contrast is timed up to this many lines.
PLAIN_MAX_LINES = 300_000


ROLE_OPS = {"reader": "read", "writer": "write", "admin": "*"}


def _policies(plugins: int, orgs: int) -> list[dict[str, str]]:
    """Per org and plugin: reader/writer/admin roles, one pattern per label each."""
    rows = []
    for org in range(orgs):
        domain = f"org{org}"
        for plugin in range(plugins):
            for role, op in ROLE_OPS.items():
                for label in range(LABELS):
                    rows.append(
                        rule_row(
                            "p",
                            [
                                f"role:p{plugin}-{role}",
                                domain,
                                f"plugins:p{plugin}:entities:L{label}:{op}",
                            ],
                        )
                    )
        # every user holds the same number of roles whatever the plugin count
        held = [(0, "writer"), (plugins // 2, "reader"), (plugins - 1, "admin")]
        for plugin, role in held:
            rows.append(rule_row("g", [f"user:u{org}", f"role:p{plugin}-{role}", domain]))
        rows.append(rule_row("g", [f"user:u{org}", "role:viewer", domain]))
    return rows


def _load(store, rows: list[dict[str, str]]) -> None:
    for chunk in batches(rows, 20000):
        store.execute_write(lambda tx, c=chunk: add_rules_tx(tx, c))

    def bump(tx: ManagedTransaction) -> None:
        bump_version_tx(tx)

    store.execute_write(bump)


def _questions(plugins: int, orgs: int, rng: random.Random) -> list[tuple[Principal, str]]:
    """The same mix of question shapes at every size, so only the policy count differs.

    Allowed through the first held role, allowed through the seeded viewer role (late in
    the search), and denied after asking every held subject.
    """
    questions = []
    for _ in range(CHECKS):
        org = rng.randrange(orgs)
        principal = Principal(kind="user", id=f"u{org}", org_id=f"org{org}", org_slug=f"org{org}")
        other = rng.randrange(1, plugins - 1) if plugins > 3 else plugins + rng.randrange(1000)
        label = f"L{rng.randrange(LABELS)}"
        shape = rng.randrange(3)
        if shape == 0:
            permission = f"plugins:p0:entities:{label}:write"
        elif shape == 1:
            permission = f"plugins:p{other}:entities:{label}:read"
        else:
            permission = f"plugins:p{other}:entities:{label}:delete"
        questions.append((principal, permission))
    return questions


def _time_authorizer(authorizer: Authorizer, questions: list[tuple[Principal, str]]) -> float:
    start = time.perf_counter()
    for principal, permission in questions:
        authorizer.decide(principal, permission)
    return (time.perf_counter() - start) / len(questions)


def _plain_enforcer(rows: list[dict[str, str]]) -> casbin.Enforcer:
    model = casbin.model.Model()
    model.load_model_from_text(
        Path(MODEL_PATH)
        .read_text()
        .replace(
            "m = r.sub == p.sub && r.dom == p.dom && perm_match(r.perm, p.perm)",
            "m = g(r.sub, p.sub, r.dom) && r.dom == p.dom && perm_match(r.perm, p.perm)",
        )
    )
    enforcer = casbin.Enforcer(model)
    enforcer.add_function("perm_match", perm_match)
    enforcer.add_policies([[r["v0"], r["v1"], r["v2"]] for r in rows if r["ptype"] == "p"])
    enforcer.add_grouping_policies([[r["v0"], r["v1"], r["v2"]] for r in rows if r["ptype"] == "g"])
    return enforcer


def run(env: BenchEnv, quick: bool) -> list[CaseResult]:
    orgs = 10 if quick else 100
    sizes = [1, 100, 1000]
    rounds = 3 if quick else 5
    rng = random.Random(7)
    per_size: dict[int, list[float]] = {}
    plain: dict[int, float] = {}
    policy_counts: dict[int, int] = {}
    for plugins in sizes:
        rows = _policies(plugins, orgs)
        policy_counts[plugins] = sum(1 for r in rows if r["ptype"] == "p")
        with env.fresh_store() as store:
            _load(store, rows)
            authorizer = Authorizer(store, check_interval=3600, cache_size=0)
            authorizer.seed_roles()
            questions = _questions(plugins, orgs, rng)
            _time_authorizer(authorizer, questions[:200])  # warm-up
            per_size[plugins] = [_time_authorizer(authorizer, questions) for _ in range(rounds)]
        if policy_counts[plugins] <= PLAIN_MAX_LINES:
            enforcer = _plain_enforcer(rows)
            sample = questions[:20]
            start = time.perf_counter()
            for principal, permission in sample:
                enforcer.enforce(principal.subject, principal.org_id, permission)
            plain[plugins] = (time.perf_counter() - start) / len(sample)
    base = median(per_size[1])
    results = []
    for plugins in sizes[1:]:
        value = median(per_size[plugins])
        ratios = [v / b for v, b in zip(per_size[plugins], per_size[1], strict=True)]
        results.append(
            CaseResult(
                name=f"casbin check, {plugins} plugins x {LABELS} labels x {orgs} orgs vs 1 plugin",
                value=round(value * 1e6, 2),
                baseline=round(base * 1e6, 2),
                ratio=round(value / base, 3),
                target="<= 2",
                unit="us/check",
                spread=(round(min(ratios), 3), round(max(ratios), 3)),
                passed=value / base <= 2,
                note=f"{policy_counts[plugins]:,} policy lines",
            )
        )
    for plugins, cost in plain.items():
        results.append(
            CaseResult(
                name=f"pycasbin plain Enforcer, {plugins} plugins (contrast)",
                value=round(cost * 1e6, 2),
                baseline=round(base * 1e6, 2),
                ratio=round(cost / base, 3),
                target="(info)",
                unit="us/check",
                note=f"{policy_counts[plugins]:,} policy lines, linear scan",
            )
        )
    return results
