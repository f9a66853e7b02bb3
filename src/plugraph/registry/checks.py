"""What the registry checks about a manifest beyond its JSON Schema (the loader's job).

The loader validated the manifest's shape and its label schemas; the registry adds
what depends on the host and on the other installed plugins:

* reserved names (the loader checks them too; the registry guards the graph itself);
* declared indexes name scalar, storable fields (they become graph indexes and the
  only fields filters and sorts accept);
* edges connect declared vertex labels: this manifest's, a core anchor, or a label an
  installed plugin declares;
* ownership: a label belongs to exactly one plugin (a 409 naming the owner).
"""

from __future__ import annotations

from collections.abc import Mapping

from plugraph.errors import Conflict, FieldError
from plugraph.graph.identifiers import InvalidIdentifierError, check_label, check_rel_type
from plugraph.manifests.label_schema import stored_properties
from plugraph.manifests.model import CORE_ANCHORS, RESERVED_EDGE_LABELS, Manifest
from plugraph.manifests.pointers import join
from plugraph.manifests.semantics import is_reserved_label
from plugraph.registry.fields import is_indexable


def manifest_errors(manifest: Manifest, other_vertex_labels: frozenset[str]) -> list[FieldError]:
    """Host-level problems of ``manifest``, each with a pointer into the manifest."""
    errors: list[FieldError] = []
    own_vertices = {v.name for v in manifest.vertex_labels}
    seen: set[str] = set()
    for i, vertex in enumerate(manifest.vertex_labels):
        at = join("", "vertex_labels", i, "name")
        errors += _name_errors(vertex.name, at, seen, rel=False)
        try:
            fields = stored_properties(vertex.json_schema)
        except ValueError as exc:
            errors.append(FieldError(join("", "vertex_labels", i, "schema"), str(exc)))
            continue
        for j, index in enumerate(vertex.indexes):
            for k, name in enumerate(index.fields):
                where = join("", "vertex_labels", i, "indexes", j, "fields", k)
                if name not in fields:
                    errors.append(FieldError(where, f"{name} is not a property of {vertex.name}"))
                elif not is_indexable(fields[name]):
                    errors.append(FieldError(where, f"{name} is a list: only scalars are indexed"))
    known = own_vertices | set(CORE_ANCHORS) | other_vertex_labels
    for i, edge in enumerate(manifest.edge_labels):
        errors += _name_errors(edge.name, join("", "edge_labels", i, "name"), seen, rel=True)
        for side in ("from_labels", "to_labels"):
            for k, label in enumerate(getattr(edge, side)):
                if label not in known:
                    errors.append(
                        FieldError(
                            join("", "edge_labels", i, side, k),
                            f"{label} is not a core anchor, a label of this plugin "
                            "or a label of an installed plugin",
                        )
                    )
    return errors


def _name_errors(name: str, at: str, seen: set[str], *, rel: bool) -> list[FieldError]:
    try:
        check_rel_type(name) if rel else check_label(name)
    except InvalidIdentifierError as exc:
        return [FieldError(at, str(exc))]
    reserved = name in RESERVED_EDGE_LABELS if rel else is_reserved_label(name)
    if reserved or (not rel and name in CORE_ANCHORS):
        return [FieldError(at, f"{name} is reserved by plugraph")]
    if name in seen:
        return [FieldError(at, f"{name} is declared twice")]
    seen.add(name)
    return []


def ownership_conflict(slug: str, owners: Mapping[str, tuple[str, str]]) -> Conflict | None:
    """A 409 naming every label of ``slug``'s manifest that another plugin owns."""
    taken = {name: owner for name, (owner, _kind) in owners.items() if owner != slug}
    if not taken:
        return None
    described = ", ".join(f"{name} (owned by {owner})" for name, owner in sorted(taken.items()))
    return Conflict(
        f"plugin {slug} declares labels another plugin owns: {described}",
        owners=dict(sorted(taken.items())),
    )
