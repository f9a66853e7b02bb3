"""The seam between deleting an entity and the edges touching it.

Before the entity service deletes a node it asks its :class:`DeleteRules` to apply
the manifests' ``on_delete`` rules in the same transaction (restrict raises a 409,
detach removes edges, cascade deletes owned entities). The default is
:class:`ManifestDeleteRules`, backed by ``plugraph.edges.delete_rules``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from neo4j import ManagedTransaction

from plugraph.edges.declarations import ManifestSource
from plugraph.edges.delete_rules import apply_on_delete
from plugraph.security.principal import Principal


@dataclass(frozen=True)
class CascadedEntity:
    id: str
    label: str
    plugin: str


@dataclass(frozen=True)
class DeleteEffects:
    edges_deleted: int = 0
    cascaded: tuple[CascadedEntity, ...] = ()


class DeleteRules(Protocol):
    def apply(
        self, tx: ManagedTransaction, actor: Principal, label: str, node_id: str
    ) -> DeleteEffects:
        """Enforce the rules for deleting ``node_id`` (raise to refuse); the caller then
        deletes the node itself in the same transaction."""
        ...


class ManifestDeleteRules:
    """The ``on_delete`` rules of every installed manifest's edge labels."""

    def __init__(self, registry: ManifestSource) -> None:
        self.registry = registry

    def apply(
        self, tx: ManagedTransaction, actor: Principal, label: str, node_id: str
    ) -> DeleteEffects:
        outcome = apply_on_delete(tx, self.registry, actor.org_id, label, node_id, actor=actor)
        return DeleteEffects(
            edges_deleted=outcome.edges_deleted,
            cascaded=tuple(CascadedEntity(e.id, e.label, e.plugin) for e in outcome.entities),
        )
