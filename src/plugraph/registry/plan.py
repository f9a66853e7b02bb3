"""The upgrade plan: the schema diff plus what the stored data says about it.

For every label whose schema changed, every stored entity (all orgs) is validated
against the new compiled schema in batches; the plan counts failures per org and
keeps a sample of ids with reasons. Removed labels count what they would orphan,
new unique indexes count duplicate groups, tighter edge cardinalities count the
nodes already over the limit. Any breaking change makes the plan breaking: the
registry refuses it (409 with the plan) unless forced.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from plugraph.entities.storage import stored_document
from plugraph.errors import FieldError
from plugraph.graph.store import GraphStore
from plugraph.manifests.entity_schema import compile_entity_schema, schema_errors
from plugraph.manifests.label_schema import stored_properties
from plugraph.manifests.model import IndexSpec, Manifest, VertexLabel
from plugraph.registry import store as registry_store
from plugraph.registry.schema_diff import SchemaChange, diff_manifests
from plugraph.registry.uniqueness_scan import duplicate_groups

SAMPLE_SIZE = 10
BATCH_SIZE = 1000


@dataclass(frozen=True)
class EntityFailure:
    id: str
    org: str
    errors: tuple[FieldError, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "org": self.org, "errors": [e.as_dict() for e in self.errors]}


@dataclass(frozen=True)
class LabelImpact:
    label: str
    stored: int = 0
    stored_by_org: Mapping[str, int] = field(default_factory=dict)
    checked: bool = False  # stored entities were validated against the new schema
    failing: int = 0
    failing_by_org: Mapping[str, int] = field(default_factory=dict)
    sample: tuple[EntityFailure, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "stored": self.stored,
            "stored_by_org": dict(self.stored_by_org),
            "checked": self.checked,
            "failing": self.failing,
            "failing_by_org": dict(self.failing_by_org),
            "sample": [failure.as_dict() for failure in self.sample],
        }


@dataclass(frozen=True)
class UpgradePlan:
    slug: str
    from_version: str | None
    to_version: str
    changes: tuple[SchemaChange, ...]
    impacts: tuple[LabelImpact, ...]

    @property
    def breaking(self) -> bool:
        return any(change.breaking for change in self.changes) or any(
            impact.failing for impact in self.impacts
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "from_version": self.from_version,
            "to_version": self.to_version,
            "breaking": self.breaking,
            "changes": [change.as_dict() for change in self.changes],
            "impacts": [impact.as_dict() for impact in self.impacts],
        }


def build_plan(
    store: GraphStore, old: Manifest | None, new: Manifest, *, arcadedb: bool = False
) -> UpgradePlan:
    """Diff ``old`` (None: first install) against ``new`` and check it on stored data."""
    changes = diff_manifests(old, new)
    impacts: list[LabelImpact] = []
    changed_labels = {c.label for c in changes if c.kind == "vertex"}
    for vertex in new.vertex_labels:
        counts = registry_store.entity_counts(store, new.slug, vertex.name)
        stored = sum(counts.values())
        if not stored:
            continue
        if vertex.name in changed_labels or old is None:
            impacts.append(_validate_stored(store, new.slug, vertex, counts))
        else:
            impacts.append(LabelImpact(vertex.name, stored, counts))
    changes = [_with_data(store, new, change, arcadedb, impacts) for change in changes]
    if old is not None:
        for name in sorted(
            {v.name for v in old.vertex_labels} - {v.name for v in new.vertex_labels}
        ):
            counts = registry_store.entity_counts(store, new.slug, name)
            if counts:
                impacts.append(LabelImpact(name, sum(counts.values()), counts))
    return UpgradePlan(
        slug=new.slug,
        from_version=old.version if old else None,
        to_version=new.version,
        changes=tuple(changes),
        impacts=tuple(impacts),
    )


def _with_data(
    store: GraphStore,
    new: Manifest,
    change: SchemaChange,
    arcadedb: bool,
    impacts: Iterable[LabelImpact],
) -> SchemaChange:
    """Refine a change with what stored data tells (only where data decides)."""
    stored = {impact.label: impact.stored for impact in impacts}
    if change.change == "label_removed" and change.kind == "vertex":
        count = sum(registry_store.entity_counts(store, new.slug, change.label).values())
        if count == 0:
            return replace(
                change, classification="safe", detail="label removed; no stored entities"
            )
        return replace(change, detail=f"label removed; {count} stored entities would be orphaned")
    if change.change == "label_removed" and change.kind == "edge":
        count = registry_store.edge_count(store, change.label)
        if count == 0:
            return replace(change, classification="safe", detail="label removed; no stored edges")
        return replace(change, detail=f"label removed; {count} stored edges would be orphaned")
    if change.change == "cardinality_tightened":
        edge = new.edge_label(change.label)
        assert edge is not None
        over = _over_cardinality(
            store, change.label, edge.cardinality.max_per_source, edge.cardinality.max_per_target
        )
        return replace(change, detail=f"{change.detail}; {over} nodes already exceed it")
    if change.change in {"unique_index_added", "index_added"} and change.kind == "vertex":
        vertex = new.vertex_label(change.label)
        assert vertex is not None
        return _index_on_data(store, vertex, change, stored.get(change.label, 0), arcadedb)
    return change


def _index_on_data(
    store: GraphStore,
    vertex: VertexLabel,
    change: SchemaChange,
    stored: int,
    arcadedb: bool,
) -> SchemaChange:
    index = next((i for i in vertex.indexes if i.fields == change.fields), None)
    if not stored or index is None:
        return change
    if index.unique:
        groups = duplicate_groups(store, vertex.name, index.fields, limit=SAMPLE_SIZE)
        if groups:
            sample = "; ".join(f"org {g.org}: {', '.join(g.ids)}" for g in groups)
            return replace(
                change,
                classification="breaking",
                detail=f"{change.detail}; stored entities already share values: {sample}",
            )
    if arcadedb and _typed_on_arcadedb(vertex, index):
        return replace(
            change,
            classification="breaking",
            detail=(
                f"{change.detail}; on ArcadeDB an index added to a populated label fixes "
                "the property type from stored values (numbers of another kind would be "
                "coerced later)"
            ),
        )
    return change


def _typed_on_arcadedb(vertex: VertexLabel, index: IndexSpec) -> bool:
    fields = stored_properties(vertex.json_schema)
    return any(name in fields and fields[name].type != "string" for name in index.fields)


def _over_cardinality(
    store: GraphStore, rel: str, per_source: int | None, per_target: int | None
) -> int:
    over = 0
    if per_source is not None:
        over += registry_store.edge_degree_violations(store, rel, "source", per_source)
    if per_target is not None:
        over += registry_store.edge_degree_violations(store, rel, "target", per_target)
    return over


def _validate_stored(
    store: GraphStore, slug: str, vertex: VertexLabel, counts: Mapping[str, int]
) -> LabelImpact:
    validator = compile_entity_schema(vertex.json_schema)
    failing: Counter[str] = Counter()
    sample: list[EntityFailure] = []
    for batch in registry_store.entity_batches(store, slug, vertex.name, BATCH_SIZE):
        for props in batch:
            errors = schema_errors(validator, stored_document(props))
            if not errors:
                continue
            org = str(props.get("_org", ""))
            failing[org] += 1
            if len(sample) < SAMPLE_SIZE:
                sample.append(EntityFailure(str(props["id"]), org, tuple(errors)))
    return LabelImpact(
        label=vertex.name,
        stored=sum(counts.values()),
        stored_by_org=dict(counts),
        checked=True,
        failing=sum(failing.values()),
        failing_by_org=dict(failing),
        sample=tuple(sample),
    )
