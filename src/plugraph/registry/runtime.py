"""What hot paths need about one declared label, built once per (plugin, label, version)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from plugraph.manifests.compiled_schema import CompiledSchema
from plugraph.manifests.label_schema import StoredProperty
from plugraph.manifests.model import EdgeLabel, IndexSpec, VertexLabel
from plugraph.registry.ddl import is_enforceable_unique


@dataclass(frozen=True)
class VertexLabelRuntime:
    plugin: str
    plugin_version: str
    label: VertexLabel
    # compiled once per (plugin, label, version), reused: jsonschema-rs + jsonschema for errors
    validator: CompiledSchema
    fields: Mapping[str, StoredProperty]  # every graph property the schema defines
    indexed: frozenset[str]  # declared, indexed scalar fields: what filters and sorts may use

    @property
    def name(self) -> str:
        return self.label.name

    @property
    def unique_indexes(self) -> tuple[IndexSpec, ...]:
        return tuple(index for index in self.label.indexes if index.unique)

    @property
    def unenforced_unique_indexes(self) -> tuple[IndexSpec, ...]:
        """Unique indexes the database has no constraint for (over optional fields): only
        plugraph's own check in the write transaction enforces them."""
        return tuple(
            index for index in self.unique_indexes if not is_enforceable_unique(index, self.fields)
        )


@dataclass(frozen=True)
class EdgeLabelRuntime:
    plugin: str
    plugin_version: str
    label: EdgeLabel
    validator: CompiledSchema | None  # None when the edge declares no property schema

    @property
    def name(self) -> str:
        return self.label.name
