"""Edge writes inside one managed transaction: resolve, check, lock, write, audit.

Every function here takes the caller's transaction, so a route's checks and its
write commit together. ``execute_write`` re-runs the whole unit of work when the
database reports a transient conflict, so each check is evaluated again against
what concurrent writers committed; the ends are locked before any check reads
existing edges.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from neo4j import ManagedTransaction

from plugraph.audit import recorder
from plugraph.clock import utc_now
from plugraph.edges.access import Authorizer, ensure_can_link
from plugraph.edges.declarations import EdgeDeclaration
from plugraph.edges.models import EdgePublic
from plugraph.edges.nodes import NodeRef, find_node, lock_nodes
from plugraph.edges.properties import unflatten
from plugraph.errors import Conflict, FieldError, NotFound, ValidationFailed
from plugraph.graph.queries import QUERIES
from plugraph.ids import new_id
from plugraph.security.principal import Principal

SYSTEM_PROPERTIES = ("id", "_plugin", "_org", "_created_at", "_created_by", "_updated_at")


def resolve_endpoints(
    tx: ManagedTransaction,
    decl: EdgeDeclaration,
    principal: Principal,
    authorizer: Authorizer,
    source_id: str,
    target_id: str,
    *,
    pointers: tuple[str, str] = ("/source_id", "/target_id"),
) -> tuple[NodeRef, NodeRef]:
    """Both ends exist in the caller's org (404) and carry a declared label (422)."""
    source = find_node(tx, principal.org_id, source_id)
    target = find_node(tx, principal.org_id, target_id)
    if source is None:
        raise NotFound(f"no source node with id {source_id!r} in this org")
    if target is None:
        raise NotFound(f"no target node with id {target_id!r} in this org")
    errors = []
    if source.label not in decl.edge.from_labels:
        errors.append(_wrong_label(pointers[0], source, decl.edge.from_labels))
    if target.label not in decl.edge.to_labels:
        errors.append(_wrong_label(pointers[1], target, decl.edge.to_labels))
    if errors:
        raise ValidationFailed(
            f"{decl.plugin} {decl.label} connects {_labels(decl.edge.from_labels)} "
            f"to {_labels(decl.edge.to_labels)}",
            errors,
            allowed_source_labels=list(decl.edge.from_labels),
            allowed_target_labels=list(decl.edge.to_labels),
        )
    for node in (source, target):
        ensure_can_link(authorizer, principal, node.plugin, node.label, edge_plugin=decl.plugin)
    return source, target


def link(
    tx: ManagedTransaction,
    decl: EdgeDeclaration,
    source: NodeRef,
    target: NodeRef,
    properties: Mapping[str, Any],
    actor: Principal,
) -> EdgePublic:
    """Create the edge if it is not a duplicate and both cardinalities hold (409 otherwise)."""
    lock_nodes(tx, (source, target))
    duplicates = edges_between(tx, decl, source, target)
    if duplicates:
        raise Conflict(
            f"{decl.plugin} {decl.label} from {source.id} to {target.id} already exists",
            existing_edges=[_brief(edge, source.id, target.id) for edge in duplicates],
        )
    _check_cardinality(tx, decl, source, target)
    now = utc_now()
    props = {
        **properties,
        "id": new_id(),
        "_plugin": decl.plugin,
        "_org": actor.org_id,
        "_created_at": now,
        "_created_by": actor.subject,
    }
    query = QUERIES.render("edges/create", source=source.label, target=target.label, rel=decl.label)
    record = tx.run(
        query, org=actor.org_id, source_id=source.id, target_id=target.id, props=props
    ).single(strict=True)
    edge = edge_public(decl, record["edge"], source, target)
    audit(tx, actor, "edge.create", decl.plugin, decl.label, edge.id, source.id, target.id)
    return edge


def unlink(
    tx: ManagedTransaction,
    decl: EdgeDeclaration,
    at: NodeRef,
    edge: Mapping[str, str],
    actor: Principal,
) -> None:
    """Delete one edge (``edge``: id, source_id, target_id), found from ``at``, one of its ends."""
    query = QUERIES.render("edges/delete", label=at.label, rel=decl.label)
    deleted = tx.run(query, plugin=decl.plugin, node_id=at.id, id=edge["id"]).data()
    if not deleted:
        raise NotFound(f"edge {edge['id']} no longer exists")
    audit(
        tx,
        actor,
        "edge.delete",
        decl.plugin,
        decl.label,
        edge["id"],
        edge["source_id"],
        edge["target_id"],
    )


def replace_properties(
    tx: ManagedTransaction,
    decl: EdgeDeclaration,
    edge: EdgePublic,
    stored: Mapping[str, Any],
    source: NodeRef,
    target: NodeRef,
    properties: Mapping[str, Any],
    actor: Principal,
) -> EdgePublic:
    system = {key: stored[key] for key in SYSTEM_PROPERTIES if key in stored}
    props = {**properties, **system, "_updated_at": utc_now()}
    query = QUERIES.render("edges/set_properties", source=source.label, rel=decl.label)
    record = tx.run(query, plugin=decl.plugin, source_id=source.id, id=edge.id, props=props).single(
        strict=True
    )
    updated = edge_public(decl, record["edge"], source, target)
    audit(tx, actor, "edge.update", decl.plugin, decl.label, edge.id, source.id, target.id)
    return updated


def edges_between(
    tx: ManagedTransaction, decl: EdgeDeclaration, source: NodeRef, target: NodeRef
) -> list[dict[str, Any]]:
    """Stored properties of each edge of this label from ``source`` to ``target``."""
    query = QUERIES.render(
        "edges/between", source=source.label, target=target.label, rel=decl.label
    )
    rows = tx.run(query, plugin=decl.plugin, source_id=source.id, target_id=target.id)
    return [row["edge"] for row in rows]


def edge_public(
    decl: EdgeDeclaration, props: Mapping[str, Any], source: NodeRef, target: NodeRef
) -> EdgePublic:
    return stored_edge(decl.plugin, decl.label, props, source, target)


def stored_edge(
    plugin: str, label: str, props: Mapping[str, Any], source: NodeRef, target: NodeRef
) -> EdgePublic:
    """An edge as the API shows it, from its stored properties and its two ends."""
    return EdgePublic(
        id=props["id"],
        plugin=plugin,
        label=label,
        source_id=source.id,
        source_label=source.label,
        target_id=target.id,
        target_label=target.label,
        properties=unflatten(props),
        created_at=props["_created_at"],
        created_by=props["_created_by"],
        updated_at=props.get("_updated_at"),
    )


def _check_cardinality(
    tx: ManagedTransaction, decl: EdgeDeclaration, source: NodeRef, target: NodeRef
) -> None:
    cardinality = decl.edge.cardinality
    checks = (
        ("source", "max_per_source", cardinality.max_per_source, source, "edges/from_source"),
        ("target", "max_per_target", cardinality.max_per_target, target, "edges/to_target"),
    )
    for side, rule, limit, node, name in checks:
        if limit is None:
            continue
        query = QUERIES.render(name, **{side: node.label, "rel": decl.label})
        existing = tx.run(
            query, {"plugin": decl.plugin, f"{side}_id": node.id, "limit": limit}
        ).data()
        if len(existing) >= limit:
            raise Conflict(
                f"{decl.plugin} {decl.label} allows {limit} edge(s) per {side} ({rule}); "
                f"{side} {node.id} already has: "
                + ", ".join(f"{e['source_id']} -> {e['target_id']}" for e in existing),
                rule=rule,
                existing_edges=existing,
            )


def _wrong_label(pointer: str, node: NodeRef, allowed: tuple[str, ...]) -> FieldError:
    return FieldError(pointer, f"node {node.id} is a {node.label}; allowed: {_labels(allowed)}")


def _labels(labels: tuple[str, ...]) -> str:
    return ", ".join(labels)


def _brief(edge: Mapping[str, Any], source_id: str, target_id: str) -> dict[str, str]:
    return {"id": edge["id"], "source_id": source_id, "target_id": target_id}


def audit(
    tx: ManagedTransaction,
    actor: Principal,
    action: str,
    plugin: str,
    label: str,
    edge_id: str,
    source_id: str,
    target_id: str,
) -> None:
    """One audit event for an edge write, in the write's transaction."""
    recorder.record(
        tx,
        actor,
        action=action,
        target_kind="edge",
        target_id=edge_id,
        target_label=label,
        plugin=plugin,
        details={"source_id": source_id, "target_id": target_id},
    )
