"""Business-key uniqueness (declared unique indexes), checked inside the write transaction.

Uniqueness is per org: ``(n._org, n.f1, ...)``. The database enforces it with a
composite constraint when every field is always present (see
``plugraph.registry.ddl``); this check runs in every case, in the write's own
transaction, so a conflict is a 409 naming the fields and the entity holding them.
For unique indexes over optional fields there is no database constraint (ArcadeDB
would treat missing values as equal), so this check is the enforcement; two
concurrent transactions writing the same new value can then both pass it on Neo4j,
which is the documented limit of optional unique fields.

Queries are built from checked names only (back-quoted declared paths); values are
parameters. Samples are parsed in tests/test_cypher_texts.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from neo4j import ManagedTransaction

from plugraph.errors import Conflict
from plugraph.graph.identifiers import check_label, quote
from plugraph.manifests.model import IndexSpec
from plugraph.registry.fields import cypher_property
from plugraph.registry.runtime import VertexLabelRuntime


def conflict_query(label: str, fields: Sequence[str]) -> str:
    equal = " AND ".join(f"{cypher_property('n', name)} = $v{i}" for i, name in enumerate(fields))
    return (
        f"MATCH (n:{quote(check_label(label))} {{_org: $org}})\n"
        f"WHERE {equal} AND n.id <> $id\n"
        "RETURN n.id AS id\n"
        "LIMIT 1"
    )


def bulk_conflict_query(label: str, fields: Sequence[str]) -> str:
    equal = " AND ".join(
        f"{cypher_property('n', name)} = row.v{i}" for i, name in enumerate(fields)
    )
    return (
        "UNWIND $rows AS row\n"
        f"MATCH (n:{quote(check_label(label))} {{_org: $org}})\n"
        f"WHERE {equal} AND n.id <> row.id\n"
        "RETURN row.index AS index, n.id AS id"
    )


def key_values(index: IndexSpec, props: Mapping[str, Any]) -> tuple[Any, ...] | None:
    """The index's values in flattened ``props``; None when one is missing (not constrained)."""
    values = tuple(props.get(name) for name in index.fields)
    return None if any(value is None for value in values) else values


def ensure_unique(
    tx: ManagedTransaction,
    runtime: VertexLabelRuntime,
    org: str,
    entity_id: str,
    props: Mapping[str, Any],
) -> None:
    """409 if another entity of the org holds the values of one of the unique indexes."""
    for index in runtime.unique_indexes:
        values = key_values(index, props)
        if values is None:
            continue
        params = {f"v{i}": value for i, value in enumerate(values)}
        row = tx.run(
            conflict_query(runtime.name, index.fields), org=org, id=entity_id, **params
        ).single()
        if row is not None:
            raise unique_conflict(runtime.name, index, row["id"])


def unique_conflict(label: str, index: IndexSpec, holder: str) -> Conflict:
    fields = ", ".join(index.fields)
    return Conflict(
        f"another {label} of this org already has these values of ({fields}): {holder}",
        fields=list(index.fields),
        conflicting_id=holder,
    )


def bulk_conflicts(
    tx: ManagedTransaction,
    runtime: VertexLabelRuntime,
    org: str,
    rows: Sequence[tuple[int, str, Mapping[str, Any]]],
) -> list[tuple[int, IndexSpec, str]]:
    """(row index, unique index, holder id) for rows whose values another stored entity
    (not the row's own) already holds."""
    found: list[tuple[int, IndexSpec, str]] = []
    for index in runtime.unique_indexes:
        params = []
        for position, entity_id, props in rows:
            values = key_values(index, props)
            if values is not None:
                item = {f"v{i}": value for i, value in enumerate(values)}
                params.append(item | {"index": position, "id": entity_id})
        if not params:
            continue
        query = bulk_conflict_query(runtime.name, index.fields)
        for row in tx.run(query, rows=params, org=org):
            found.append((int(row["index"]), index, str(row["id"])))
    return found
