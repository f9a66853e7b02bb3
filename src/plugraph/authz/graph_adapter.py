"""A Casbin adapter that keeps policies in the graph as (:CasbinRule) nodes.

Rules are keyed by a hash of their fields, so adding is idempotent. Team
memberships ((:User)-[:MEMBER_OF]->(:Team)) are read as ``g`` lines too, so a
team's roles reach its members without a second source of truth.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from casbin import persist
from neo4j import ManagedTransaction

from plugraph.graph.batch import Batch, batches
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore


def rule_id(ptype: str, fields: Sequence[str]) -> str:
    return hashlib.sha256("\x1f".join([ptype, *fields]).encode()).hexdigest()[:32]


def rule_row(ptype: str, fields: Sequence[str]) -> dict[str, str]:
    padded = [*fields, "", "", ""][:3]
    return {
        "id": rule_id(ptype, padded),
        "ptype": ptype,
        "v0": padded[0],
        "v1": padded[1],
        "v2": padded[2],
    }


def add_rules_tx(tx: ManagedTransaction, rules: list[dict[str, str]]) -> None:
    for batch in batches(rules, 2000):
        tx.run(QUERIES.text("authz/rules_add"), rules=batch).consume()


def remove_rules_tx(tx: ManagedTransaction, rules: list[dict[str, str]]) -> int:
    ids = Batch(rule["id"] for rule in rules)
    return int(tx.run(QUERIES.text("authz/rules_remove"), ids=ids).single(strict=True)["removed"])


def remove_filtered_tx(
    tx: ManagedTransaction, ptype: str, v0: str | None, v1: str | None, v2: str | None
) -> int:
    result = tx.run(QUERIES.text("authz/rules_remove_filtered"), ptype=ptype, v0=v0, v1=v1, v2=v2)
    return int(result.single(strict=True)["removed"])


def bump_version_tx(tx: ManagedTransaction) -> int:
    return int(tx.run(QUERIES.text("authz/state_bump")).single(strict=True)["version"])


class GraphAdapter(persist.Adapter):  # type: ignore[misc]
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def load_policy(self, model: Any) -> None:
        for row in self.store.read(QUERIES.text("authz/rules_all")):
            fields = [value for value in (row["v0"], row["v1"], row["v2"]) if value != ""]
            ptype = row["ptype"]
            key = ptype[0]
            if key in model.model and ptype in model.model[key]:
                model.model[key][ptype].policy.append(fields)

    def save_policy(self, model: Any) -> bool:
        rules = [
            rule_row(ptype, list(rule))
            for key in ("p", "g")
            for ptype, assertion in model.model.get(key, {}).items()
            for rule in assertion.policy
        ]

        def work(tx: ManagedTransaction) -> None:
            tx.run(QUERIES.text("authz/rules_clear")).consume()
            add_rules_tx(tx, rules)
            bump_version_tx(tx)

        self.store.execute_write(work)
        return True

    def add_policy(self, sec: str, ptype: str, rule: Sequence[str]) -> None:
        def work(tx: ManagedTransaction) -> None:
            add_rules_tx(tx, [rule_row(ptype, rule)])
            bump_version_tx(tx)

        self.store.execute_write(work)

    def remove_policy(self, sec: str, ptype: str, rule: Sequence[str]) -> None:
        def work(tx: ManagedTransaction) -> None:
            remove_rules_tx(tx, [rule_row(ptype, rule)])
            bump_version_tx(tx)

        self.store.execute_write(work)

    def remove_filtered_policy(
        self, sec: str, ptype: str, field_index: int, *field_values: str
    ) -> None:
        values: list[str | None] = [None, None, None]
        for offset, value in enumerate(field_values):
            if field_index + offset < 3 and value != "":
                values[field_index + offset] = value

        def work(tx: ManagedTransaction) -> None:
            remove_filtered_tx(tx, ptype, *values)
            bump_version_tx(tx)

        self.store.execute_write(work)
