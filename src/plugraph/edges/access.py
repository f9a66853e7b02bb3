"""Which plugin data a principal may link and see through edges.

The single seam to the authorizer for edges: an edge's own permission
(``plugins:<slug>:edges:<label>:<op>``) is checked by the route; everything an edge
reaches beyond its own plugin is checked here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from plugraph.anchors.kinds import BY_LABEL
from plugraph.edges.declarations import EdgeDeclaration
from plugraph.security.principal import Principal


class Decision(Protocol):
    allowed: bool


class Authorizer(Protocol):
    """The part of ``plugraph.authz.authorizer.Authorizer`` edges use."""

    def decide(self, principal: Principal, permission: str) -> Decision: ...

    def ensure(self, principal: Principal, permission: str) -> object: ...


def read_permission(owner: str | None, label: str) -> str:
    """Reading a node: ``anchors:<kind>:read`` for anchors, the owner's entity read otherwise."""
    if owner is None:
        return BY_LABEL[label].permission("read")
    return f"plugins:{owner}:entities:{label}:read"


def ensure_can_link(
    authorizer: Authorizer,
    principal: Principal,
    target_plugin_slug: str | None,
    label: str,
    *,
    edge_plugin: str,
) -> None:
    """Linking to a node of another plugin (or a core anchor) needs read access to it: 403 if not.

    ``target_plugin_slug`` is the plugin owning ``label`` (None for a core anchor);
    nodes of the edge's own plugin are covered by the edge's write permission.
    """
    if target_plugin_slug == edge_plugin:
        return
    authorizer.ensure(principal, read_permission(target_plugin_slug, label))


def can_read_node(
    authorizer: Authorizer, principal: Principal, owner: str | None, label: str
) -> bool:
    if owner is None and label not in BY_LABEL:
        return False
    return authorizer.decide(principal, read_permission(owner, label)).allowed


def can_read_edges(authorizer: Authorizer, principal: Principal, plugin: str, label: str) -> bool:
    return authorizer.decide(principal, f"plugins:{plugin}:edges:{label}:read").allowed


def readable_edge_keys(
    authorizer: Authorizer, principal: Principal, declarations: Iterable[EdgeDeclaration]
) -> list[str]:
    """``<plugin>/<LABEL>`` of every declared edge label the principal may read."""
    return sorted(
        decl.key
        for decl in declarations
        if can_read_edges(authorizer, principal, decl.plugin, decl.label)
    )


def readable_node_labels(
    authorizer: Authorizer, principal: Principal, owners: Mapping[str, str]
) -> list[str]:
    """Node labels (anchors, and plugin labels by owner) whose nodes the principal may read."""
    labels = [label for label in BY_LABEL if can_read_node(authorizer, principal, None, label)]
    labels += [
        label
        for label, owner in owners.items()
        if can_read_node(authorizer, principal, owner, label)
    ]
    return sorted(labels)
