"""The nodes edges connect: plugin entities and core anchors, both addressed by ``id``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction
from pydantic import BaseModel

from plugraph.errors import NotFound
from plugraph.graph.queries import QUERIES
from plugraph.manifests.model import CORE_ANCHORS

PLUGIN_ENTITY = "PluginEntity"


@dataclass(frozen=True)
class NodeRef:
    """A node as edges see it: its id, its declared label and its owning plugin (None: anchor)."""

    id: str
    label: str
    plugin: str | None
    props: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)


class NodePublic(BaseModel):
    id: str
    label: str
    plugin: str | None  # None for core anchors
    properties: dict[str, Any]


def node_label(labels: Iterable[str], declared: str | None) -> str:
    """The declared label of a node: ``_label`` for plugin entities, the anchor label otherwise.

    Never relies on the order of ``labels(n)`` (it differs between engines).
    """
    if declared:
        return declared
    present = set(labels)
    for anchor in CORE_ANCHORS:
        if anchor in present:
            return anchor
    others = sorted(present - {PLUGIN_ENTITY})
    return others[0] if others else ""


def public_properties(props: Mapping[str, Any]) -> dict[str, Any]:
    """A node's or edge's own properties: everything but ``id`` and ``_``-prefixed system keys."""
    return {key: value for key, value in props.items() if key != "id" and not key.startswith("_")}


def node_from_row(props: Mapping[str, Any], labels: Iterable[str]) -> NodeRef:
    return NodeRef(
        id=str(props["id"]),
        label=node_label(labels, props.get("_label")),
        plugin=props.get("_plugin"),
        props=dict(props),
    )


def to_public(node: NodeRef) -> NodePublic:
    return NodePublic(
        id=node.id, label=node.label, plugin=node.plugin, properties=public_properties(node.props)
    )


def find_node(tx: ManagedTransaction, org_id: str, node_id: str) -> NodeRef | None:
    """The plugin entity or anchor with this id in the org, or None."""
    record = tx.run(QUERIES.text("edges/find_node"), id=node_id, org=org_id).single()
    if record is None:
        return None
    return node_from_row(record["props"], record["labels"])


def lock_nodes(tx: ManagedTransaction, nodes: Iterable[NodeRef]) -> None:
    """Hold the write locks of the nodes until commit, in id order (no lock-order deadlocks)."""
    for node in sorted({n.id: n for n in nodes}.values(), key=lambda n: n.id):
        locked = tx.run(QUERIES.render("edges/lock_node", label=node.label), id=node.id).data()
        if not locked:
            raise NotFound(f"{node.label} {node.id} was deleted meanwhile")
