"""Edges seen from one node: an anchor's links of one label, or every edge of an entity.

``/admin/<anchors>/{slug}/plugin-edges/{plugin}/{label}`` answers "which AWS account is
linked to this environment?" (both directions), and its PUT re-points an anchor's one
edge of a label atomically; ``/admin/plugins/{slug}/entities/{label}/{id}/edges`` lists
every plugin edge touching an entity. Edge labels and other ends the caller may not
read are left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from neo4j import ManagedTransaction

from plugraph.anchors.paging import Page, decode_cursor, make_page
from plugraph.edges import properties as edge_properties
from plugraph.edges import writes
from plugraph.edges.access import (
    Authorizer,
    read_permission,
    readable_edge_keys,
    readable_node_labels,
)
from plugraph.edges.declarations import (
    EdgeDeclaration,
    EdgeRegistry,
    all_declarations,
    declaration,
    label_owners,
    require_vertex_label,
)
from plugraph.edges.models import AnchoredEdgePut, EdgePublic, LinkedEdge
from plugraph.edges.nodes import NodeRef, find_node, lock_nodes, node_from_row, to_public
from plugraph.errors import Conflict, NotFound
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.security.principal import Principal

Side = Literal["source", "target"]


class NodeEdges:
    def __init__(self, store: GraphStore, registry: EdgeRegistry, authorizer: Authorizer) -> None:
        self.store = store
        self.registry = registry
        self.authorizer = authorizer

    # -- an entity's edges --------------------------------------------------------

    def of_entity(
        self,
        principal: Principal,
        plugin: str,
        label: str,
        entity_id: str,
        *,
        cursor: str | None = None,
        limit: int,
    ) -> Page[LinkedEdge]:
        """Every plugin edge touching one entity, both directions, with the other end."""
        require_vertex_label(self.registry, plugin, label)
        after = decode_cursor(cursor)
        keys = readable_edge_keys(self.authorizer, principal, all_declarations(self.registry))
        params = self._reading(principal, after, limit) | {"keys": keys}

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            entity = find_node(tx, principal.org_id, entity_id)
            if entity is None or entity.plugin != plugin or entity.label != label:
                raise NotFound(f"no {plugin} {label} {entity_id!r}")
            query = QUERIES.render("edges/touching", label=label)
            return tx.run(query, params | {"id": entity_id}).data()

        rows = self.store.execute_read(work)
        return make_page(rows, limit, key=_edge_id, build=_linked)

    # -- an anchor's edges of one label ----------------------------------------------

    def of_anchor(
        self,
        principal: Principal,
        anchor: NodeRef,
        plugin: str,
        label: str,
        *,
        cursor: str | None = None,
        limit: int,
    ) -> Page[LinkedEdge]:
        decl = self._anchored_declaration(principal, anchor, plugin, label)
        after = decode_cursor(cursor)
        params = self._reading(principal, after, limit) | {"id": anchor.id, "plugin": plugin}
        query = QUERIES.render("edges/touching_label", label=anchor.label, rel=decl.label)
        rows = self.store.execute_read(lambda tx: tx.run(query, params).data())
        return make_page(rows, limit, key=_edge_id, build=_linked)

    def put_for_anchor(
        self,
        principal: Principal,
        anchor: NodeRef,
        plugin: str,
        label: str,
        body: AnchoredEdgePut,
    ) -> EdgePublic:
        """Make ``body.target_id`` the anchor's one edge of this label, replacing any other."""
        decl = self._anchored_declaration(principal, anchor, plugin, label)
        side = _anchor_side(decl, anchor)
        _require_single(decl, anchor, side)
        edge_properties.validate(decl, body.properties, "/properties")
        props = edge_properties.flatten(body.properties)

        def work(tx: ManagedTransaction) -> EdgePublic:
            ids = (anchor.id, body.target_id) if side == "source" else (body.target_id, anchor.id)
            source, target = writes.resolve_endpoints(
                tx, decl, principal, self.authorizer, *ids, pointers=("/target_id", "/target_id")
            )
            lock_nodes(tx, (source, target))
            same = writes.edges_between(tx, decl, source, target)
            if same:
                edge = writes.edge_public(decl, same[0], source, target)
                return writes.replace_properties(
                    tx, decl, edge, same[0], source, target, props, principal
                )
            for current in _current_edges(tx, decl, anchor, side):
                writes.unlink(tx, decl, anchor, current, principal)
            return writes.link(tx, decl, source, target, props, principal)

        return self.store.execute_write(work)

    def unlink_from_anchor(
        self,
        principal: Principal,
        anchor: NodeRef,
        plugin: str,
        label: str,
        other_id: str | None = None,
    ) -> int:
        """Delete the anchor's edges of this label (only those to ``other_id`` if given)."""
        decl = self._anchored_declaration(principal, anchor, plugin, label)
        query = QUERIES.render("edges/anchored_delete", label=anchor.label, rel=decl.label)

        def work(tx: ManagedTransaction) -> int:
            lock_nodes(tx, (anchor,))
            rows = tx.run(
                query, org=principal.org_id, id=anchor.id, plugin=plugin, other_id=other_id
            ).data()
            if not rows:
                target = f" to {other_id}" if other_id else ""
                raise NotFound(f"{anchor.label} {anchor.id} has no {plugin} {label} edge{target}")
            for row in rows:
                edge = row["edge"]
                writes.audit(
                    tx,
                    principal,
                    "edge.delete",
                    plugin,
                    label,
                    edge["id"],
                    edge["source_id"],
                    edge["target_id"],
                )
            return len(rows)

        return self.store.execute_write(work)

    # -- helpers ------------------------------------------------------------------------

    def _anchored_declaration(
        self, principal: Principal, anchor: NodeRef, plugin: str, label: str
    ) -> EdgeDeclaration:
        decl = declaration(self.registry, plugin, label)
        if not decl.attaches_to(anchor.label):
            raise NotFound(f"{plugin} {label} does not attach to {anchor.label} nodes")
        self.authorizer.ensure(principal, read_permission(None, anchor.label))
        return decl

    def _reading(self, principal: Principal, after: str | None, limit: int) -> dict[str, Any]:
        node_labels = readable_node_labels(self.authorizer, principal, label_owners(self.registry))
        return {
            "org": principal.org_id,
            "node_labels": node_labels,
            "after": after,
            "limit": limit + 1,
        }


def _anchor_side(decl: EdgeDeclaration, anchor: NodeRef) -> Side:
    """Which end the anchor is: the source when its label may be either."""
    return "source" if anchor.label in decl.edge.from_labels else "target"


def _require_single(decl: EdgeDeclaration, anchor: NodeRef, side: Side) -> None:
    cardinality = decl.edge.cardinality
    limit = cardinality.max_per_source if side == "source" else cardinality.max_per_target
    if limit != 1:
        allowed = "any number of" if limit is None else f"up to {limit}"
        raise Conflict(
            f"PUT replaces the one {decl.label} edge of a {anchor.label}, but {decl.plugin} "
            f"{decl.label} allows {allowed} edges per {side}; "
            f"add edges with POST /admin/plugins/{decl.plugin}/edges/{decl.label}"
        )


def _current_edges(
    tx: ManagedTransaction, decl: EdgeDeclaration, anchor: NodeRef, side: Side
) -> list[dict[str, Any]]:
    name = "edges/from_source" if side == "source" else "edges/to_target"
    query = QUERIES.render(name, **{side: anchor.label, "rel": decl.label})
    return tx.run(query, {"plugin": decl.plugin, f"{side}_id": anchor.id, "limit": 1000}).data()


def _edge_id(row: Mapping[str, Any]) -> str:
    return str(row["edge"]["id"])


def _linked(row: Mapping[str, Any]) -> LinkedEdge:
    node = node_from_row(row["node"], row["node_labels"])
    other = node_from_row(row["other"], row["other_labels"])
    source, target = (node, other) if row["outgoing"] else (other, node)
    edge = writes.stored_edge(row["edge"]["_plugin"], row["type"], row["edge"], source, target)
    return LinkedEdge(
        edge=edge, direction="out" if row["outgoing"] else "in", other=to_public(other)
    )
