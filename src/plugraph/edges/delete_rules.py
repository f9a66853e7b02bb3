"""What happens to plugin edges (and the entities they own) when a node is deleted.

Every declared edge label carries ``on_delete``:

* ``restrict``: while such an edge touches the node, neither end can be deleted
  (409 naming the blocking edges); unlink it first.
* ``detach``: the edge is deleted with the node; the other end stays.
* ``cascade``: deleting the *source* deletes the edge and the target plugin entity,
  whose own edges follow the same rules, recursively; deleting the target only
  deletes the edge. Core anchors are never cascaded into.

The outcome does not depend on the order edges were created in: the full cascade
closure is computed first, then every restrict edge of the closure is checked
(a restrict edge between two nodes that are both being deleted blocks nothing),
and only then is anything deleted. The caller deletes the node itself, in the same
transaction, after this returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from plugraph.audit import recorder
from plugraph.clock import utc_now
from plugraph.edges.declarations import ManifestSource, all_declarations
from plugraph.edges.nodes import PLUGIN_ENTITY
from plugraph.entities import versions as history
from plugraph.entities.storage import stored_document
from plugraph.errors import Conflict
from plugraph.graph.queries import QUERIES
from plugraph.security.principal import Principal

MAX_CASCADE_DEPTH = 64  # a cascade chain longer than this is a modelling error


@dataclass(frozen=True)
class CascadedEntity:
    id: str
    label: str
    plugin: str
    version: int | None
    document: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class RemovedEdge:
    id: str
    plugin: str
    label: str
    source_id: str
    target_id: str


@dataclass(frozen=True)
class DeleteOutcome:
    edges: tuple[RemovedEdge, ...]
    entities: tuple[CascadedEntity, ...]

    @property
    def edges_deleted(self) -> int:
        return len(self.edges)

    @property
    def entities_deleted(self) -> int:
        return len(self.entities)

    def summary(self) -> dict[str, Any]:
        return {
            "edges_deleted": self.edges_deleted,
            "cascaded": [entity.id for entity in self.entities],
        }


@dataclass(frozen=True)
class _Rules:
    restrict: list[str]
    cascade: list[str]

    @classmethod
    def of(cls, registry: ManifestSource) -> _Rules:
        declarations = all_declarations(registry)
        return cls(
            restrict=sorted(d.key for d in declarations if d.edge.on_delete == "restrict"),
            cascade=sorted(d.key for d in declarations if d.edge.on_delete == "cascade"),
        )


def apply_on_delete(
    tx: ManagedTransaction,
    registry: ManifestSource,
    org_id: str,
    label: str,
    node_id: str,
    *,
    actor: Principal,
) -> DeleteOutcome:
    """Apply the delete rules for deleting node ``node_id`` (declared label ``label``).

    Raises :class:`Conflict` before changing anything when a restrict edge blocks;
    otherwise deletes the plugin edges touching the node and the cascade closure,
    writes a ``delete`` version (``plugraph.entities.versions``) per cascaded entity and an
    audit event per deleted edge and entity, and returns what it deleted.
    """
    rules = _Rules.of(registry)
    cascaded = _cascade_closure(tx, org_id, label, node_id, rules.cascade)
    doomed = [node_id, *(entity.id for entity in cascaded)]
    blocking = _restricting(tx, org_id, label, node_id, cascaded, doomed, rules.restrict)
    if blocking:
        raise _blocked(label, node_id, blocking)
    edges = _delete_edges(tx, org_id, label, node_id, cascaded)
    deleted_ids = _delete_entities(tx, org_id, cascaded)
    entities = tuple(entity for entity in cascaded if entity.id in deleted_ids)
    _record_versions(tx, actor, entities)
    _audit(tx, actor, node_id, edges, entities)
    return DeleteOutcome(edges=edges, entities=entities)


def _cascade_closure(
    tx: ManagedTransaction, org_id: str, label: str, node_id: str, cascade: list[str]
) -> tuple[CascadedEntity, ...]:
    if not cascade:
        return ()
    seen = {node_id}
    found: list[CascadedEntity] = []
    frontier, frontier_label = [node_id], label
    for _ in range(MAX_CASCADE_DEPTH):
        rows = tx.run(
            QUERIES.render("edges/cascade_step", label=frontier_label),
            org=org_id,
            frontier=frontier,
            cascade=cascade,
        ).data()
        fresh = [row for row in rows if row["id"] not in seen]
        if not fresh:
            break
        for row in sorted(fresh, key=lambda r: r["id"]):
            seen.add(row["id"])
            props = row["props"]
            found.append(
                CascadedEntity(
                    id=row["id"],
                    label=props["_label"],
                    plugin=props["_plugin"],
                    version=props.get("_version"),
                    document=stored_document(props),
                )
            )
        frontier, frontier_label = [row["id"] for row in fresh], PLUGIN_ENTITY
    else:
        raise Conflict(f"the cascade from {node_id} is deeper than {MAX_CASCADE_DEPTH} steps")
    return tuple(found)


def _restricting(
    tx: ManagedTransaction,
    org_id: str,
    label: str,
    node_id: str,
    cascaded: tuple[CascadedEntity, ...],
    doomed: list[str],
    restrict: list[str],
) -> list[dict[str, Any]]:
    if not restrict:
        return []
    groups = [(label, [node_id])]
    if cascaded:
        groups.append((PLUGIN_ENTITY, [entity.id for entity in cascaded]))
    blocking: dict[str, dict[str, Any]] = {}
    for group_label, ids in groups:
        query = QUERIES.render("edges/restricting", label=group_label)
        for row in tx.run(query, org=org_id, ids=ids, doomed=doomed, restrict=restrict):
            blocking.setdefault(row["id"], dict(row))
    return [blocking[key] for key in sorted(blocking)]


def _blocked(label: str, node_id: str, blocking: list[dict[str, Any]]) -> Conflict:
    described = "; ".join(
        f"{edge['plugin']} {edge['label']} {edge['source_id']} -> {edge['target_id']}"
        for edge in blocking
    )
    return Conflict(
        f"cannot delete {label} {node_id}: {len(blocking)} restrict edge(s) must be unlinked "
        f"first: {described}",
        blocking_edges=blocking,
    )


def _delete_edges(
    tx: ManagedTransaction,
    org_id: str,
    label: str,
    node_id: str,
    cascaded: tuple[CascadedEntity, ...],
) -> tuple[RemovedEdge, ...]:
    removed: dict[str, RemovedEdge] = {}
    groups = [(label, [node_id])]
    if cascaded:
        groups.append((PLUGIN_ENTITY, [entity.id for entity in cascaded]))
    for group_label, ids in groups:
        query = QUERIES.render("edges/delete_touching", label=group_label)
        for row in tx.run(query, org=org_id, ids=ids):
            edge = row["edge"]
            removed[edge["id"]] = RemovedEdge(
                edge["id"], edge["plugin"], edge["label"], edge["source_id"], edge["target_id"]
            )
    return tuple(removed[key] for key in sorted(removed))


def _delete_entities(
    tx: ManagedTransaction, org_id: str, cascaded: tuple[CascadedEntity, ...]
) -> set[str]:
    if not cascaded:
        return set()
    ids = [entity.id for entity in cascaded]
    return {row["id"] for row in tx.run(QUERIES.text("edges/delete_entities"), org=org_id, ids=ids)}


def _record_versions(
    tx: ManagedTransaction, actor: Principal, entities: tuple[CascadedEntity, ...]
) -> None:
    """A ``delete`` version per cascaded entity, as the entity service writes for its own."""
    now = utc_now()
    history.record_versions_tx(
        tx,
        [
            history.version_row(
                entity_id=entity.id,
                org=actor.org_id,
                plugin=entity.plugin,
                label=entity.label,
                version=(entity.version or 0) + 1,
                op="delete",
                document=entity.document,
                at=now,
                actor=actor.subject,
            )
            for entity in entities
        ],
    )


def _audit(
    tx: ManagedTransaction,
    actor: Principal,
    root_id: str,
    edges: tuple[RemovedEdge, ...],
    entities: tuple[CascadedEntity, ...],
) -> None:
    for edge in edges:
        recorder.record(
            tx,
            actor,
            action="edge.delete",
            target_kind="edge",
            target_id=edge.id,
            target_label=edge.label,
            plugin=edge.plugin,
            details={
                "source_id": edge.source_id,
                "target_id": edge.target_id,
                "deleted_with": root_id,
            },
        )
    for entity in entities:
        recorder.record(
            tx,
            actor,
            action="entity.delete",
            target_kind="entity",
            target_id=entity.id,
            target_label=entity.label,
            plugin=entity.plugin,
            before_version=entity.version,
            details={"cascade_from": root_id},
        )
