"""What changes between two versions of a manifest, each change classified safe or breaking.

Pure functions over manifests: the upgrade plan (``plugraph.registry.plan``) adds what
only stored data can tell (how many entities would fail, whether a removed label is
empty). A change is *breaking* when data valid before may be invalid after, or when
a client relying on the old contract may be refused; when a keyword's effect cannot
be proved harmless (``allOf``, ``if``/``then``...), the change is breaking and the
data check counts what actually fails.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from plugraph.manifests.model import EdgeLabel, Manifest, VertexLabel
from plugraph.manifests.pointers import join
from plugraph.registry.fields import resolve, schema_types
from plugraph.registry.records import LabelKind

Classification = Literal["safe", "breaking"]

ANNOTATIONS = frozenset(
    {
        "title", "description", "default", "examples", "readOnly", "writeOnly",
        "deprecated", "$comment", "$schema", "$id", "$anchor", "$defs", "definitions",
        "contentMediaType", "contentEncoding",
    }
)  # fmt: skip
UPPER_BOUNDS = ("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties")
LOWER_BOUNDS = ("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties")
EXACT = ("pattern", "format", "multipleOf", "const")
HANDLED = frozenset(
    {"type", "enum", "required", "properties", "items", "additionalProperties", "uniqueItems",
     "$ref", *UPPER_BOUNDS, *LOWER_BOUNDS, *EXACT}
)  # fmt: skip


@dataclass(frozen=True)
class SchemaChange:
    label: str
    kind: LabelKind
    pointer: str  # into the label's schema ("" for the label as a whole)
    change: str
    classification: Classification
    detail: str
    fields: tuple[str, ...] = ()  # the index's fields, for index changes

    @property
    def breaking(self) -> bool:
        return self.classification == "breaking"

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "label": self.label,
            "kind": self.kind,
            "pointer": self.pointer,
            "change": self.change,
            "classification": self.classification,
            "detail": self.detail,
        }
        if self.fields:
            data["fields"] = list(self.fields)
        return data


def diff_manifests(old: Manifest | None, new: Manifest) -> list[SchemaChange]:
    changes: list[SchemaChange] = []
    old_vertices = {v.name: v for v in old.vertex_labels} if old else {}
    for vertex in new.vertex_labels:
        before = old_vertices.get(vertex.name)
        if before is None:
            changes.append(_label_change(vertex.name, "vertex", "label_added", "safe", "new label"))
        else:
            changes += _diff_vertex(before, vertex)
    for name in old_vertices.keys() - {v.name for v in new.vertex_labels}:
        changes.append(
            _label_change(
                name, "vertex", "label_removed", "breaking", "the label is no longer declared"
            )
        )
    old_edges = {e.name: e for e in old.edge_labels} if old else {}
    for edge in new.edge_labels:
        previous = old_edges.get(edge.name)
        if previous is None:
            changes.append(_label_change(edge.name, "edge", "label_added", "safe", "new label"))
        else:
            changes += _diff_edge(previous, edge)
    for name in old_edges.keys() - {e.name for e in new.edge_labels}:
        changes.append(
            _label_change(
                name, "edge", "label_removed", "breaking", "the label is no longer declared"
            )
        )
    return changes


def _label_change(
    label: str, kind: LabelKind, change: str, classification: Classification, detail: str
) -> SchemaChange:
    return SchemaChange(label, kind, "", change, classification, detail)


def _diff_vertex(old: VertexLabel, new: VertexLabel) -> list[SchemaChange]:
    changes = diff_schema(new.name, "vertex", old.json_schema, new.json_schema)

    def add(change: str, fields: tuple[str, ...], detail: str) -> None:
        changes.append(SchemaChange(new.name, "vertex", "", change, "safe", detail, fields))

    old_indexes = {index.fields: index.unique for index in old.indexes}
    new_indexes = {index.fields: index.unique for index in new.indexes}
    for fields, unique in new_indexes.items():
        named = ", ".join(fields)
        if fields not in old_indexes:
            kind = "unique_index" if unique else "index"
            add(f"{kind}_added", fields, f"{kind.replace('_', ' ')} on ({named}) added")
        elif unique and not old_indexes[fields]:
            add("unique_index_added", fields, f"index on ({named}) became unique")
    for fields, unique in old_indexes.items():
        named = ", ".join(fields)
        if fields not in new_indexes:
            add("index_removed", fields, f"index on ({named}) removed: no filters or sorts on it")
        elif unique and not new_indexes[fields]:
            add("unique_index_relaxed", fields, f"index on ({named}) is no longer unique")
    return changes


def _diff_edge(old: EdgeLabel, new: EdgeLabel) -> list[SchemaChange]:
    changes = diff_schema(new.name, "edge", old.json_schema or {}, new.json_schema or {})

    def add(change: str, classification: Classification, detail: str) -> None:
        changes.append(SchemaChange(new.name, "edge", "", change, classification, detail))

    for side, before, after in (
        ("from", old.from_labels, new.from_labels),
        ("to", old.to_labels, new.to_labels),
    ):
        removed = sorted(set(before) - set(after))
        added = sorted(set(after) - set(before))
        if removed:
            add(
                f"{side}_labels_removed",
                "breaking",
                f"{side}_labels no longer include {', '.join(removed)}",
            )
        if added:
            add(f"{side}_labels_added", "safe", f"{side}_labels now include {', '.join(added)}")
    for side in ("max_per_source", "max_per_target"):
        before_max = getattr(old.cardinality, side)
        after_max = getattr(new.cardinality, side)
        if before_max == after_max:
            continue
        if after_max is not None and (before_max is None or after_max < before_max):
            add(
                "cardinality_tightened",
                "breaking",
                f"{side} {before_max or 'unlimited'} -> {after_max}",
            )
        else:
            add("cardinality_relaxed", "safe", f"{side} {before_max} -> {after_max or 'unlimited'}")
    if old.on_delete != new.on_delete:
        add(
            "on_delete_changed",
            "breaking",
            f"on_delete {old.on_delete} -> {new.on_delete}: deleting an endpoint changes",
        )
    return changes


def diff_schema(
    label: str, kind: LabelKind, old: Mapping[str, Any], new: Mapping[str, Any]
) -> list[SchemaChange]:
    """Changes between two versions of one label's JSON Schema."""
    out: list[SchemaChange] = []
    _SchemaDiff(label, kind, old, new, out).compare(old, new, "")
    return out


class _SchemaDiff:
    def __init__(
        self,
        label: str,
        kind: LabelKind,
        old_root: Mapping[str, Any],
        new_root: Mapping[str, Any],
        out: list[SchemaChange],
    ) -> None:
        self.label = label
        self.kind = kind
        self.old_root = old_root
        self.new_root = new_root
        self.out = out

    def add(self, pointer: str, change: str, classification: Classification, detail: str) -> None:
        self.out.append(
            SchemaChange(self.label, self.kind, pointer, change, classification, detail)
        )

    def compare(self, old: Mapping[str, Any], new: Mapping[str, Any], pointer: str) -> None:
        old = resolve(self.old_root, old)
        new = resolve(self.new_root, new)
        self._types(old, new, pointer)
        self._enum(old, new, pointer)
        self._bounds(old, new, pointer)
        self._exact(old, new, pointer)
        self._unique_items(old, new, pointer)
        self._additional(old, new, pointer)
        self._properties(old, new, pointer)
        self._items(old, new, pointer)
        for keyword in sorted((old.keys() | new.keys()) - HANDLED - ANNOTATIONS):
            if keyword.startswith("x-") or old.get(keyword) == new.get(keyword):
                continue
            self.add(
                pointer,
                "keyword_changed",
                "breaking",
                f"{keyword} changed (its effect cannot be proved harmless)",
            )

    def _types(self, old: Mapping[str, Any], new: Mapping[str, Any], pointer: str) -> None:
        before, after = set(schema_types(old)), set(schema_types(new))
        if before == after or ("type" not in old and "type" not in new):
            return
        widened = after | ({"integer"} if "number" in after else set())
        if not after or (before and before <= widened):
            self.add(pointer, "type_widened", "safe", f"type {_types(before)} -> {_types(after)}")
        else:
            self.add(
                pointer, "type_narrowed", "breaking", f"type {_types(before)} -> {_types(after)}"
            )

    def _enum(self, old: Mapping[str, Any], new: Mapping[str, Any], pointer: str) -> None:
        before, after = old.get("enum"), new.get("enum")
        if before == after:
            return
        if after is None:
            self.add(pointer, "enum_removed", "safe", "any value of the type is now accepted")
        elif before is None:
            self.add(pointer, "enum_added", "breaking", "only the listed values are now accepted")
        elif all(value in after for value in before):
            self.add(pointer, "enum_widened", "safe", "values added to the enum")
        else:
            dropped = [value for value in before if value not in after]
            self.add(
                pointer, "enum_narrowed", "breaking", f"values removed from the enum: {dropped}"
            )

    def _bounds(self, old: Mapping[str, Any], new: Mapping[str, Any], pointer: str) -> None:
        for keyword in (*UPPER_BOUNDS, *LOWER_BOUNDS):
            before, after = old.get(keyword), new.get(keyword)
            if before == after:
                continue
            upper = keyword in UPPER_BOUNDS
            if after is None:
                self.add(pointer, f"{keyword}_removed", "safe", f"{keyword} {before} removed")
            elif before is None or (after < before if upper else after > before):
                self.add(
                    pointer, f"{keyword}_narrowed", "breaking", f"{keyword} {before} -> {after}"
                )
            else:
                self.add(pointer, f"{keyword}_widened", "safe", f"{keyword} {before} -> {after}")

    def _exact(self, old: Mapping[str, Any], new: Mapping[str, Any], pointer: str) -> None:
        for keyword in EXACT:
            before, after = old.get(keyword), new.get(keyword)
            if before == after:
                continue
            if after is None:
                self.add(pointer, f"{keyword}_removed", "safe", f"{keyword} removed")
            else:
                verb = "added" if before is None else "changed"
                self.add(pointer, f"{keyword}_{verb}", "breaking", f"{keyword} {verb}")

    def _unique_items(self, old: Mapping[str, Any], new: Mapping[str, Any], pointer: str) -> None:
        before, after = bool(old.get("uniqueItems")), bool(new.get("uniqueItems"))
        if before != after:
            if after:
                self.add(pointer, "uniqueItems_added", "breaking", "items must now be unique")
            else:
                self.add(pointer, "uniqueItems_removed", "safe", "items may now repeat")

    def _additional(self, old: Mapping[str, Any], new: Mapping[str, Any], pointer: str) -> None:
        before, after = old.get("additionalProperties", True), new.get("additionalProperties", True)
        if before == after:
            return
        if after is True or after == {}:
            self.add(
                pointer,
                "additionalProperties_relaxed",
                "safe",
                "undeclared properties are now accepted",
            )
        else:
            self.add(
                pointer,
                "additionalProperties_narrowed",
                "breaking",
                "fewer undeclared properties are accepted",
            )

    def _properties(self, old: Mapping[str, Any], new: Mapping[str, Any], pointer: str) -> None:
        before = old.get("properties") or {}
        after = new.get("properties") or {}
        old_required = set(old.get("required", ()))
        new_required = set(new.get("required", ()))
        for name, schema in after.items():
            where = join(pointer, "properties", name)
            if name not in before:
                if name in new_required:
                    self.add(
                        where,
                        "required_property_added",
                        "breaking",
                        f"required property {name} added",
                    )
                else:
                    self.add(where, "property_added", "safe", f"optional property {name} added")
                continue
            if name in new_required and name not in old_required:
                self.add(where, "property_now_required", "breaking", f"{name} is now required")
            elif name in old_required and name not in new_required:
                self.add(where, "property_now_optional", "safe", f"{name} is now optional")
            if isinstance(before[name], Mapping) and isinstance(schema, Mapping):
                self.compare(before[name], schema, where)
        for name in before.keys() - after.keys():
            self.add(
                join(pointer, "properties", name),
                "property_removed",
                "breaking",
                f"property {name} removed",
            )
        for name in (new_required - old_required) - after.keys() - before.keys():
            self.add(
                join(pointer, "properties", name),
                "required_property_added",
                "breaking",
                f"{name} is now required",
            )

    def _items(self, old: Mapping[str, Any], new: Mapping[str, Any], pointer: str) -> None:
        before, after = old.get("items"), new.get("items")
        if before == after:
            return
        if isinstance(before, Mapping) and isinstance(after, Mapping):
            self.compare(before, after, join(pointer, "items"))
        elif after is None or after is True:
            self.add(join(pointer, "items"), "items_relaxed", "safe", "any item is now accepted")
        else:
            self.add(
                join(pointer, "items"), "items_narrowed", "breaking", "items are now constrained"
            )


def _types(types: set[str]) -> str:
    return "|".join(sorted(types)) or "any"
