"""``GET .../{label}/_schema``: everything a UI needs to render a label's list and form.

The label's JSON Schema (normalised: objects closed), its display hints, its indexes,
which fields can be filtered (with which operators) and sorted, the graph properties
the schema defines, the edge labels of every installed plugin that touch the label,
and the permission names guarding it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from plugraph.edges.declarations import ManifestSource
from plugraph.entities.filters import ID_FIELD
from plugraph.manifests.model import Manifest
from plugraph.registry.runtime import VertexLabelRuntime

ENTITY_OPS = ("read", "write", "delete")


def label_schema_view(registry: ManifestSource, runtime: VertexLabelRuntime) -> dict[str, Any]:
    label = runtime.label
    filterable = sorted(runtime.indexed)
    return {
        "plugin": runtime.plugin,
        "plugin_version": runtime.plugin_version,
        "label": label.name,
        "description": label.description,
        "schema": label.json_schema,
        "display": label.display.model_dump(mode="json"),
        "indexes": [{"fields": list(i.fields), "unique": i.unique} for i in label.indexes],
        "properties": [
            {
                "name": prop.path,
                "type": prop.type,
                "array": prop.array,
                "required": prop.required,
                "format": prop.format,
            }
            for prop in runtime.fields.values()
        ],
        "filterable": {
            name: ["eq", "in", "prefix"] if runtime.fields[name].type == "string" else ["eq", "in"]
            for name in filterable
        },
        "sortable": [ID_FIELD, *filterable],
        "edges": _touching_edges(registry.active_manifests(), label.name),
        "permissions": {
            op: f"plugins:{runtime.plugin}:entities:{label.name}:{op}" for op in ENTITY_OPS
        },
    }


def _touching_edges(manifests: Iterable[Manifest], label: str) -> list[dict[str, Any]]:
    edges = []
    for manifest in manifests:
        for edge in manifest.edge_labels:
            directions = [
                direction
                for direction, labels in (("out", edge.from_labels), ("in", edge.to_labels))
                if label in labels
            ]
            for direction in directions:
                edges.append(
                    {
                        "plugin": manifest.slug,
                        "label": edge.name,
                        "direction": direction,
                        "description": edge.description,
                        "from_labels": list(edge.from_labels),
                        "to_labels": list(edge.to_labels),
                        "cardinality": edge.cardinality.model_dump(mode="json"),
                        "on_delete": edge.on_delete,
                        "has_properties": edge.json_schema is not None,
                    }
                )
    return edges
