"""Business-key uniqueness (declared unique indexes), checked inside the write transaction.

Uniqueness is per org: ``(n.f1, ..., n._org)``. The database enforces it with a
composite constraint when every field is always present (see
``plugraph.registry.ddl``); a single write checks every unique index in its own
transaction, so a conflict is a 409 naming the fields and the entity holding them.
A bulk write looks up only the indexes without a constraint first, and all of them
when it runs again after the database refused it (``plugraph.entities.bulk``).
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
from plugraph.graph.batch import Batch
from plugraph.graph.identifiers import check_label, quote
from plugraph.manifests.model import IndexSpec
from plugraph.registry.fields import cypher_key, cypher_property
from plugraph.registry.runtime import VertexLabelRuntime


def conflict_query(label: str, fields: Sequence[str]) -> str:
    """The holder of one key, other than the entity ``$id`` itself.

    The pattern names exactly the declared index's properties, ``(f1, ..., _org)``:
    ArcadeDB looks a pattern up in an index only when it covers all of the index's
    properties, and with ``{_org: $org}`` alone it seeked an ``(_org, ...)`` index and
    read the whole org (``plugraph.registry.ddl``).
    """
    keys = "".join(f"{cypher_key(name)}: $v{i}, " for i, name in enumerate(fields))
    return (
        f"MATCH (n:{quote(check_label(label))} {{{keys}_org: $org}})\n"
        "WHERE n.id <> $id\n"
        "RETURN n.id AS id\n"
        "LIMIT 1"
    )


def bulk_conflict_query(label: str, fields: Sequence[str]) -> str:
    """Stored entities of the org whose leading key field is one of ``$values``, with
    their whole key: one index seek per value (``IN``), matched to rows in Python. An
    ``UNWIND`` + ``MATCH`` per row is planned without indexes on ArcadeDB."""
    key = ", ".join(cypher_property("n", name) for name in fields)
    return (
        f"MATCH (n:{quote(check_label(label))})\n"
        f"WHERE {cypher_property('n', fields[0])} IN $values\n"
        "WITH n\n"
        "WHERE n._org = $org\n"
        f"RETURN n.id AS id, [{key}] AS key"
    )


def key_values(index: IndexSpec, props: Mapping[str, Any]) -> tuple[Any, ...] | None:
    """The index's values in flattened ``props``; None when one is missing (not constrained)."""
    values = tuple(map(props.get, index.fields))
    return None if None in values else values


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
    label: str,
    indexes: Sequence[IndexSpec],
    org: str,
    rows: Sequence[tuple[int, str, Mapping[str, Any]]],
) -> list[tuple[int, IndexSpec, str]]:
    """(row index, unique index, holder id) for rows whose values of one of ``indexes``
    another stored entity (not the row's own) already holds."""
    found: list[tuple[int, IndexSpec, str]] = []
    for index in indexes:
        wanted: dict[tuple[Any, ...], list[tuple[int, str]]] = {}
        for position, entity_id, props in rows:
            values = key_values(index, props)
            if values is not None:
                wanted.setdefault(_hashable(values), []).append((position, entity_id))
        if not wanted:
            continue
        leading = Batch(dict.fromkeys(values[0] for values in wanted))
        query = bulk_conflict_query(label, index.fields)
        for record in tx.run(query, values=leading, org=org):
            holder = str(record["id"])
            for position, entity_id in wanted.get(_hashable(tuple(record["key"])), ()):
                if entity_id != holder:
                    found.append((position, index, holder))
    return found


def _hashable(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """Key values as a dict key (scalars; the rare list value compares as a tuple)."""
    return tuple(tuple(v) if isinstance(v, list) else v for v in values)
