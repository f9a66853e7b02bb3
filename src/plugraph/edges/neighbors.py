"""Bounded traversal around one entity: nodes and relationships within ``depth`` hops.

Breadth-first, one query per hop and node kind, so every lookup is an index seek and
the node cap is exact: once ``MAX_NODES`` nodes are collected the answer says
``truncated``. Only the caller's org is walked, only edge labels and nodes the caller
may read, and, of the host's own links, team membership and project environments
(``Org -[:HAS]->`` would reach everything in the org).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from neo4j import ManagedTransaction

from plugraph.edges.access import Authorizer, readable_edge_keys, readable_node_labels
from plugraph.edges.declarations import (
    EdgeRegistry,
    all_declarations,
    label_owners,
    require_vertex_label,
)
from plugraph.edges.models import Neighborhood, Relationship
from plugraph.edges.nodes import PLUGIN_ENTITY, NodeRef, find_node, node_from_row, to_public
from plugraph.edges.properties import unflatten
from plugraph.errors import NotFound
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.security.principal import Principal

MAX_DEPTH = 3
MAX_NODES = 200
MAX_ROWS_PER_STEP = 2_000
STRUCTURAL_TYPES = ("MEMBER_OF", "HAS_ENVIRONMENT")


class Neighbors:
    def __init__(self, store: GraphStore, registry: EdgeRegistry, authorizer: Authorizer) -> None:
        self.store = store
        self.registry = registry
        self.authorizer = authorizer

    def around_entity(
        self, principal: Principal, plugin: str, label: str, entity_id: str, depth: int = 1
    ) -> Neighborhood:
        if not 1 <= depth <= MAX_DEPTH:
            raise ValueError(f"depth must be between 1 and {MAX_DEPTH}")
        require_vertex_label(self.registry, plugin, label)
        params = {
            "org": principal.org_id,
            "keys": readable_edge_keys(self.authorizer, principal, all_declarations(self.registry)),
            "node_labels": readable_node_labels(
                self.authorizer, principal, label_owners(self.registry)
            ),
            "structural": list(STRUCTURAL_TYPES),
            "limit": MAX_ROWS_PER_STEP,
        }

        def work(tx: ManagedTransaction) -> Neighborhood:
            root = find_node(tx, principal.org_id, entity_id)
            if root is None or root.plugin != plugin or root.label != label:
                raise NotFound(f"no {plugin} {label} {entity_id!r}")
            return _walk(tx, root, depth, params)

        return self.store.execute_read(work)


def _walk(
    tx: ManagedTransaction, root: NodeRef, depth: int, params: dict[str, Any]
) -> Neighborhood:
    nodes: dict[str, NodeRef] = {root.id: root}
    relationships: dict[tuple[str, str, str, str], Relationship] = {}
    truncated = False
    frontier = [root]
    for _ in range(depth):
        reached: list[NodeRef] = []
        for group, ids in _groups(frontier):
            query = QUERIES.render("edges/neighbors_step", label=group)
            rows = tx.run(query, params | {"ids": ids}).data()
            truncated |= len(rows) >= MAX_ROWS_PER_STEP
            for row in rows:
                other = node_from_row(row["other"], row["other_labels"])
                if other.id not in nodes:
                    if len(nodes) >= MAX_NODES:
                        truncated = True
                        continue
                    nodes[other.id] = other
                    reached.append(other)
                rel = _relationship(row)
                relationships[(rel.type, rel.source_id, rel.target_id, rel.id or "")] = rel
        frontier = reached
        if not frontier:
            break
    return Neighborhood(
        root_id=root.id,
        depth=depth,
        nodes=[to_public(node) for node in nodes.values()],
        relationships=[relationships[key] for key in sorted(relationships)],
        truncated=truncated,
    )


def _groups(frontier: Iterable[NodeRef]) -> list[tuple[str, list[str]]]:
    """Nodes by the label that finds them by id: ``PluginEntity`` or their anchor label."""
    groups: dict[str, list[str]] = {}
    for node in frontier:
        groups.setdefault(PLUGIN_ENTITY if node.plugin else node.label, []).append(node.id)
    return sorted(groups.items())


def _relationship(row: dict[str, Any]) -> Relationship:
    props = row["rel"]
    return Relationship(
        id=props.get("id"),
        type=row["type"],
        plugin=props.get("_plugin"),
        source_id=row["source_id"],
        target_id=row["target_id"],
        properties=unflatten(props),
    )
