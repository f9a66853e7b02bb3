"""Graph indexes and constraints derived from a vertex label's declaration.

Every name is deterministic (``pg_<Label>_...``) so a re-install is a no-op and an
upgrade can drop what the new manifest no longer declares. Statements are built
only from names checked against the strict patterns and back-quoted.

* ``pg_<Label>_id_uq``: ``REQUIRE n.id IS UNIQUE`` for every vertex label.
* ``pg_<Label>_org_id_ix``: ``(n._org, n.id)``, for per-org listing in id order.
* A declared index (unique or not) covers ``(n.f1, ..., n._org)``: unique per org, and
  led by the declared field so lookups by value can seek it (below).

Column order matters on ArcadeDB (measured with ``EXPLAIN`` over Bolt, 26.10): its
planner seeks any index whose *leading* property is compared in the MATCH pattern and
costs every candidate alike, so with several ``(n._org, ...)`` indexes an
``{_org: $org, id: $id}`` pattern seeked an arbitrary one by ``_org`` alone and read
the whole org (165 ms vs 1.4 ms per lookup at 20,000 entities). Lookups therefore put
only the selective property in the pattern (``{id: $id}``, ``{accountId: $v0}``) and
filter ``_org`` after a ``WITH`` (see ``cypher/entities/get.cypher``,
``plugraph.entities.uniqueness``); ``tests/entities/test_index_use.py`` checks the
plans. Neo4j plans both forms the same way.

ArcadeDB (measured over Bolt, 26.10): composite uniqueness constraints are supported
and a violation raises ``ConstraintError`` as on Neo4j, but a node that lacks one of
the properties is indexed with a null key, so two entities of one org that both omit
an optional unique field would collide (Neo4j exempts such nodes). So the database
constraint is created only when every field of the unique index is always present
(required at every level and not nullable); otherwise a plain composite index is
created and uniqueness is enforced inside the write transaction (see
``plugraph.entities.uniqueness``), which does the same check in every case anyway to
name the conflicting entity.

Also measured on ArcadeDB: creating an index or constraint on a label that already
holds nodes fixes the property's type from the stored values and later coerces
writes to it (an integer-typed property truncates 2.5 to 2). Indexes created while
the label is empty leave properties untyped. The upgrade plan flags new indexes on
populated labels for that reason (``plugraph.registry.plan``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from plugraph.graph.identifiers import check_label, quote
from plugraph.manifests.label_schema import StoredProperty
from plugraph.manifests.model import IndexSpec, VertexLabel
from plugraph.registry.fields import cypher_property

ObjectKind = Literal["constraint", "index"]
PREFIX = "pg_"


@dataclass(frozen=True)
class SchemaObject:
    name: str
    kind: ObjectKind
    label: str
    statement: str


def label_objects(vertex: VertexLabel, fields: Mapping[str, StoredProperty]) -> list[SchemaObject]:
    """Every index and constraint one vertex label needs, in creation order."""
    label = check_label(vertex.name)
    target = f"FOR (n:{quote(label)})"
    id_uq, org_id_ix = f"{PREFIX}{label}_id_uq", f"{PREFIX}{label}_org_id_ix"
    objects = [
        SchemaObject(
            id_uq,
            "constraint",
            label,
            f"CREATE CONSTRAINT {id_uq} IF NOT EXISTS {target} REQUIRE n.id IS UNIQUE",
        ),
        SchemaObject(
            org_id_ix,
            "index",
            label,
            f"CREATE INDEX {org_id_ix} IF NOT EXISTS {target} ON (n._org, n.id)",
        ),
    ]
    seen = {obj.name for obj in objects}
    for index in vertex.indexes:
        obj = index_object(label, index, database_unique=is_enforceable_unique(index, fields))
        if obj.name not in seen:
            seen.add(obj.name)
            objects.append(obj)
    return objects


def is_enforceable_unique(index: IndexSpec, fields: Mapping[str, StoredProperty]) -> bool:
    """A unique index the database can enforce the same way on Neo4j and ArcadeDB."""
    return index.unique and all(name in fields and fields[name].required for name in index.fields)


def index_object(label: str, index: IndexSpec, *, database_unique: bool) -> SchemaObject:
    columns = ", ".join([*(cypher_property("n", name) for name in index.fields), "n._org"])
    target = f"FOR (n:{quote(check_label(label))})"
    if database_unique:
        name = object_name(label, index.fields, "uq")
        statement = f"CREATE CONSTRAINT {name} IF NOT EXISTS {target} REQUIRE ({columns}) IS UNIQUE"
        return SchemaObject(name, "constraint", label, statement)
    name = object_name(label, index.fields, "ix")
    return SchemaObject(
        name, "index", label, f"CREATE INDEX {name} IF NOT EXISTS {target} ON ({columns})"
    )


# Part of every declared index's digest: objects made with another column layout (the
# ``(n._org, fields...)`` of 0.1.0) get other names, so re-deriving replaces them.
_COLUMN_LAYOUT = "fields,_org"


def object_name(label: str, fields: Iterable[str], suffix: str) -> str:
    """``pg_<Label>_<fields>_<digest>_<suffix>``: readable, and distinct for distinct fields
    (``owner.email`` and ``owner_email`` differ in the digest)."""
    fields = tuple(fields)
    readable = "_".join(field.replace(".", "_") for field in fields)[:80]
    keyed = "\x1f".join(fields) + "\x1e" + _COLUMN_LAYOUT
    digest = hashlib.sha256(keyed.encode()).hexdigest()[:8]
    return f"{PREFIX}{check_label(label)}_{readable}_{digest}_{suffix}"


def drop_statement(name: str, kind: ObjectKind) -> str:
    if not name.startswith(PREFIX) or not name.replace("_", "").isalnum() or not name.isascii():
        raise ValueError(f"refusing to drop {name!r}: not a derived schema object")
    return f"DROP {'CONSTRAINT' if kind == 'constraint' else 'INDEX'} {name} IF EXISTS"
