"""The generic edge API: list, create, read, patch and delete the edges a plugin declares."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from neo4j import ManagedTransaction

from plugraph.anchors.paging import Page, decode_cursor, make_page
from plugraph.edges import properties as edge_properties
from plugraph.edges import writes
from plugraph.edges.access import Authorizer
from plugraph.edges.declarations import EdgeDeclaration, EdgeRegistry, declaration
from plugraph.edges.list_query import EdgeListQuery
from plugraph.edges.models import EdgeCreate, EdgePublic
from plugraph.edges.nodes import NodeRef, find_node, lock_nodes, node_from_row
from plugraph.entities.merge_patch import apply_merge_patch
from plugraph.errors import Conflict, FieldError, NotFound, ValidationFailed
from plugraph.graph.store import GraphStore
from plugraph.security.principal import Principal


class EdgeService:
    def __init__(self, store: GraphStore, registry: EdgeRegistry, authorizer: Authorizer) -> None:
        self.store = store
        self.registry = registry
        self.authorizer = authorizer

    def declaration(self, plugin: str, label: str) -> EdgeDeclaration:
        return declaration(self.registry, plugin, label)

    # -- reads ------------------------------------------------------------------

    def list(
        self,
        principal: Principal,
        plugin: str,
        label: str,
        *,
        source_id: str | None = None,
        target_id: str | None = None,
        source_label: str | None = None,
        target_label: str | None = None,
        cursor: str | None = None,
        limit: int,
    ) -> Page[EdgePublic]:
        decl = self.declaration(plugin, label)
        _check_label_filter(decl, "source_label", source_label, decl.edge.from_labels)
        _check_label_filter(decl, "target_label", target_label, decl.edge.to_labels)
        after = decode_cursor(cursor)

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            ends = _end_labels(
                tx, principal.org_id, (source_id, source_label), (target_id, target_label)
            )
            if ends is None:
                return []
            query = EdgeListQuery(
                rel=decl.label,
                source_label=ends[0],
                target_label=ends[1],
                by_source_id=source_id is not None,
                by_target_id=target_id is not None,
                after=after is not None,
            )
            params = {
                "plugin": plugin,
                "org": principal.org_id,
                "source_id": source_id,
                "target_id": target_id,
                "after": after,
                "limit": limit + 1,
            }
            return tx.run(query.text(), params).data()

        rows = self.store.execute_read(work)
        return make_page(rows, limit, key=lambda row: row["edge"]["id"], build=_edge_of(decl))

    def get(
        self, principal: Principal, plugin: str, label: str, source_id: str, target_id: str
    ) -> EdgePublic:
        decl = self.declaration(plugin, label)
        return self.store.execute_read(
            lambda tx: _one_edge(tx, decl, principal.org_id, source_id, target_id)[0]
        )

    # -- writes -----------------------------------------------------------------

    def create(self, principal: Principal, plugin: str, label: str, body: EdgeCreate) -> EdgePublic:
        decl = self.declaration(plugin, label)
        edge_properties.validate(decl, body.properties, "/properties")
        props = edge_properties.flatten(body.properties)

        def work(tx: ManagedTransaction) -> EdgePublic:
            source, target = writes.resolve_endpoints(
                tx, decl, principal, self.authorizer, body.source_id, body.target_id
            )
            return writes.link(tx, decl, source, target, props, principal)

        return self.store.execute_write(work)

    def update(
        self,
        principal: Principal,
        plugin: str,
        label: str,
        source_id: str,
        target_id: str,
        patch: Any,
    ) -> EdgePublic:
        """Apply a JSON Merge Patch to the edge's properties (labels with a property schema)."""
        decl = self.declaration(plugin, label)
        if not isinstance(patch, Mapping):
            raise ValidationFailed(
                "a merge patch of edge properties is a JSON object",
                [FieldError("", "must be an object")],
            )
        if decl.edge.json_schema is None:
            raise Conflict(
                f"edge label {label} of {plugin} declares no property schema, "
                "so its edges have no properties to patch"
            )

        def work(tx: ManagedTransaction) -> EdgePublic:
            edge, stored, source, target = _one_edge(
                tx, decl, principal.org_id, source_id, target_id
            )
            lock_nodes(tx, (source,))
            merged = apply_merge_patch(edge.properties, patch)
            edge_properties.validate(decl, merged, "")
            flat = edge_properties.flatten(merged)
            return writes.replace_properties(
                tx, decl, edge, stored, source, target, flat, principal
            )

        return self.store.execute_write(work)

    def delete(
        self, principal: Principal, plugin: str, label: str, source_id: str, target_id: str
    ) -> None:
        decl = self.declaration(plugin, label)

        def work(tx: ManagedTransaction) -> None:
            edge, _, source, _ = _one_edge(tx, decl, principal.org_id, source_id, target_id)
            writes.unlink(tx, decl, source, edge.model_dump(), principal)

        self.store.execute_write(work)


def _end_labels(
    tx: ManagedTransaction, org_id: str, *ends: tuple[str | None, str | None]
) -> tuple[str | None, ...] | None:
    """The label to match each end with: a node filtered by id is matched with its own label.

    ``ends`` are ``(node_id, label_filter)`` pairs; None when an id names no node of the
    org (or one with another label), so the page is empty.
    """
    labels: list[str | None] = []
    for node_id, wanted in ends:
        if node_id is None:
            labels.append(wanted)
            continue
        node = find_node(tx, org_id, node_id)
        if node is None or (wanted is not None and node.label != wanted):
            return None
        labels.append(node.label)
    return tuple(labels)


def _one_edge(
    tx: ManagedTransaction, decl: EdgeDeclaration, org_id: str, source_id: str, target_id: str
) -> tuple[EdgePublic, dict[str, Any], NodeRef, NodeRef]:
    source = find_node(tx, org_id, source_id)
    target = find_node(tx, org_id, target_id)
    found = writes.edges_between(tx, decl, source, target) if source and target else []
    if not found or source is None or target is None:
        raise NotFound(f"no {decl.plugin} {decl.label} edge from {source_id} to {target_id}")
    stored = found[0]
    return writes.edge_public(decl, stored, source, target), stored, source, target


def _edge_of(decl: EdgeDeclaration) -> Any:
    def build(row: Mapping[str, Any]) -> EdgePublic:
        source = node_from_row(row["source"], row["source_labels"])
        target = node_from_row(row["target"], row["target_labels"])
        return writes.edge_public(decl, row["edge"], source, target)

    return build


def _check_label_filter(
    decl: EdgeDeclaration, name: str, value: str | None, allowed: tuple[str, ...]
) -> None:
    if value is not None and value not in allowed:
        raise ValidationFailed(
            f"{decl.plugin} {decl.label} has no {name} {value!r}",
            [FieldError(f"/{name}", f"allowed: {', '.join(allowed)}")],
        )
