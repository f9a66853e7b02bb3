"""Edge declarations as the registry knows them, and the registry surface edges rely on.

``active_manifests()`` lists every declared edge label and its rules (delete rules
need nothing else); ``edge_label(slug, label)`` adds the compiled validator of the
edge's property schema, ``vertex_label(slug, label)`` answers whether a plugin
declares an entity label (both raise 404 otherwise).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from plugraph.manifests.compiled_schema import CompiledSchema
from plugraph.manifests.model import EdgeLabel, Manifest


class ManifestSource(Protocol):
    """What delete rules need: the manifests of the installed plugins."""

    def active_manifests(self) -> Iterable[Manifest]: ...


class EdgeRuntime(Protocol):
    """``plugraph.registry.runtime.EdgeLabelRuntime`` as edges use it."""

    @property
    def label(self) -> EdgeLabel: ...

    @property
    def validator(self) -> CompiledSchema | None: ...


class EdgeRegistry(ManifestSource, Protocol):
    """The registry surface the edge API uses (``plugraph.registry.service.PluginRegistry``).

    Both lookups raise :class:`NotFound` for a plugin that is not installed or a label
    it does not declare.
    """

    def edge_label(self, slug: str, label: str) -> EdgeRuntime: ...

    def vertex_label(self, slug: str, label: str) -> Any: ...


@dataclass(frozen=True)
class EdgeDeclaration:
    plugin: str
    edge: EdgeLabel
    validator: CompiledSchema | None = None

    @property
    def label(self) -> str:
        return self.edge.name

    @property
    def key(self) -> str:
        """``<plugin>/<LABEL>``: how queries match an edge to its declaration."""
        return edge_key(self.plugin, self.edge.name)

    def attaches_to(self, label: str) -> bool:
        return label in self.edge.from_labels or label in self.edge.to_labels


def edge_key(plugin: str, label: str) -> str:
    return f"{plugin}/{label}"


def all_declarations(registry: ManifestSource) -> list[EdgeDeclaration]:
    """Every edge label of every installed plugin (without validators)."""
    return [
        EdgeDeclaration(manifest.slug, edge)
        for manifest in registry.active_manifests()
        for edge in manifest.edge_labels
    ]


def declaration(registry: EdgeRegistry, plugin: str, label: str) -> EdgeDeclaration:
    """The edge label ``label`` as declared by ``plugin``; 404 if it declares no such label."""
    runtime = registry.edge_label(plugin, label)
    return EdgeDeclaration(plugin, runtime.label, runtime.validator)


def require_vertex_label(registry: EdgeRegistry, plugin: str, label: str) -> None:
    """404 unless ``plugin`` is installed and declares the entity label ``label``."""
    registry.vertex_label(plugin, label)


def label_owners(registry: ManifestSource) -> dict[str, str]:
    """Vertex label -> the slug of the plugin that declares it."""
    return {
        vertex.name: manifest.slug
        for manifest in registry.active_manifests()
        for vertex in manifest.vertex_labels
    }
