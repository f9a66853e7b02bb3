"""Entity history: one immutable ``(:EntityVersion)`` per write, in the write's transaction.

``(:EntityVersion {entity_id, _org, plugin, label, version, op, data, at, actor})``:
``data`` is the JSON text of the document at that version (for ``delete``, the last
document before deletion, which ``restore`` recreates). Versions are not linked to the
entity node, so the history of a deleted entity stays readable.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import orjson
from neo4j import ManagedTransaction

from plugraph.graph.batch import Batch
from plugraph.graph.queries import QUERIES

Op = Literal["create", "update", "delete", "restore"]


@dataclass(frozen=True)
class EntityVersion:
    entity_id: str
    plugin: str
    label: str
    version: int
    op: Op
    document: dict[str, Any]
    at: str
    actor: str

    @classmethod
    def from_properties(cls, props: Mapping[str, Any]) -> EntityVersion:
        return cls(
            entity_id=str(props["entity_id"]),
            plugin=str(props["plugin"]),
            label=str(props["label"]),
            version=int(props["version"]),
            op=props["op"],
            document=json.loads(props["data"]),
            at=str(props["at"]),
            actor=str(props["actor"]),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "version": self.version,
            "op": self.op,
            "at": self.at,
            "actor": self.actor,
            "data": self.document,
        }


def version_row(
    *,
    entity_id: str,
    org: str,
    plugin: str,
    label: str,
    version: int,
    op: Op,
    document: Mapping[str, Any],
    at: str,
    actor: str,
) -> dict[str, Any]:
    """The properties of one ``(:EntityVersion)``."""
    return {
        "entity_id": entity_id,
        "_org": org,
        "plugin": plugin,
        "label": label,
        "version": version,
        "op": op,
        "data": version_data(document),
        "at": at,
        "actor": actor,
    }


def version_data(document: Mapping[str, Any]) -> str:
    """The ``data`` of a version: the document as canonical JSON text (sorted keys, no
    spaces, UTF-8 characters as they are)."""
    try:
        return orjson.dumps(document, option=orjson.OPT_SORT_KEYS).decode()
    except orjson.JSONEncodeError:  # an integer beyond 64 bits, which only json can write
        return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def record_versions_tx(tx: ManagedTransaction, rows: Iterable[Mapping[str, Any]]) -> None:
    batch = Batch(rows)
    if batch:
        tx.run(QUERIES.text("entities/version_create"), versions=batch).consume()


def list_versions_tx(
    tx: ManagedTransaction,
    *,
    org: str,
    plugin: str,
    label: str,
    entity_id: str,
    after: int,
    limit: int,
) -> list[EntityVersion]:
    rows = tx.run(
        QUERIES.text("entities/version_list"),
        org=org,
        plugin=plugin,
        label=label,
        id=entity_id,
        after=after,
        limit=limit,
    ).data()
    return [EntityVersion.from_properties(row["version"]) for row in rows]


def get_version_tx(
    tx: ManagedTransaction, *, org: str, plugin: str, label: str, entity_id: str, version: int
) -> EntityVersion | None:
    row = tx.run(
        QUERIES.text("entities/version_get"),
        org=org,
        plugin=plugin,
        label=label,
        id=entity_id,
        version=version,
    ).single()
    return EntityVersion.from_properties(row["version"]) if row else None


def latest_version_tx(tx: ManagedTransaction, org: str, entity_id: str) -> EntityVersion | None:
    """The entity's latest version in ``org``, or None when it has no history."""
    row = tx.run(QUERIES.text("entities/version_latest"), org=org, id=entity_id).single()
    return EntityVersion.from_properties(row["version"]) if row else None
