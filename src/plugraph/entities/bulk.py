"""Bulk create / upsert: validate every row first, then write all rows in one transaction.

All or nothing: any invalid row is a 422 listing each problem at ``/items/<i>/...``
(before anything is written); a row whose unique values another stored entity holds
is a 409 listing those rows. A unique index the database enforces (a constraint, see
``plugraph.registry.ddl``) is looked up only after the database refused the write:
the service runs the write again with ``check_all`` and that run names the rows. The
other unique indexes are looked up before every write. Writes go through ``UNWIND``
in batches of :data:`BATCH_SIZE`, with one version per row and one audit event per call.

Upsert matches rows to stored entities by ``key``, a field with a single-field
unique index; a matched entity is replaced by the row (its version increments),
an unmatched row creates an entity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from neo4j import ManagedTransaction

from plugraph.audit.recorder import record
from plugraph.clock import utc_now
from plugraph.entities import versions as history
from plugraph.entities.documents import document_errors
from plugraph.entities.models import MAX_BULK_ITEMS, BulkRequest, BulkResult
from plugraph.entities.storage import SystemProperties
from plugraph.entities.uniqueness import bulk_conflicts, key_values
from plugraph.errors import Conflict, FieldError, PayloadTooLarge, ValidationFailed
from plugraph.graph.batch import batches
from plugraph.graph.identifiers import check_label, quote
from plugraph.graph.queries import QUERIES
from plugraph.ids import new_ids
from plugraph.manifests.model import IndexSpec
from plugraph.manifests.pointers import join
from plugraph.manifests.property_mapping import flatten_whole, stored_form
from plugraph.registry.fields import cypher_key
from plugraph.registry.runtime import VertexLabelRuntime
from plugraph.security.principal import Principal

BATCH_SIZE = 1000
MAX_REPORTED_ERRORS = 1000


class PreparedRow(NamedTuple):  # a tuple: made a thousand times per request
    index: int
    props: dict[str, Any]  # the flattened document (no system properties yet)
    document: dict[str, Any]  # the document as stored (nulls and empty objects dropped);
    # the request's own item when it had none (do not change the item afterwards)

    @property
    def data(self) -> str:
        """The document as a version records it (``plugraph.entities.versions``)."""
        return history.version_data(self.document)


@dataclass(frozen=True)
class PreparedBulk:
    runtime: VertexLabelRuntime
    request: BulkRequest
    rows: tuple[PreparedRow, ...]


def upsert_lookup_query(label: str, key: str) -> str:
    """Stored entities of the org whose ``key`` is one of ``$keys``, write-locked.

    Each row's pattern names exactly the declared unique index, ``(key, _org)``, so
    ArcadeDB looks it up by key (it does so only for a pattern covering a whole index,
    and never for ``IN`` in a writing query); see ``plugraph.registry.ddl``."""
    return (
        "UNWIND $keys AS key\n"
        f"MATCH (n:{quote(check_label(label))} {{{cypher_key(key)}: key, _org: $org}})\n"
        "WITH key, n\n"
        "WHERE n._plugin = $plugin\n"
        "SET n._lock = true\n"
        "REMOVE n._lock\n"
        "RETURN key, properties(n) AS props"
    )


def prepare_bulk(runtime: VertexLabelRuntime, request: BulkRequest) -> PreparedBulk:
    """Validate every row (422 with all problems) and flatten it; nothing is written."""
    if len(request.items) > MAX_BULK_ITEMS:
        raise PayloadTooLarge(
            f"a bulk request takes at most {MAX_BULK_ITEMS} items, not {len(request.items)}",
            limit=MAX_BULK_ITEMS,
        )
    errors = _key_errors(runtime, request)
    rows: list[PreparedRow] = []
    for i, item in enumerate(request.items):
        found = document_errors(runtime, item)
        if found:
            at = join("", "items", i)
            errors += [FieldError(at + error.pointer, error.message) for error in found]
            continue
        props, whole = flatten_whole(item)
        rows.append(PreparedRow(i, props, item if whole else stored_form(item)))
    if request.mode == "upsert" and request.key and not errors:
        errors += [
            FieldError(
                join("", "items", row.index, *request.key.split(".")), "is required for upsert"
            )
            for row in rows
            if row.props.get(request.key) is None
        ]
    errors += _duplicates_within(runtime, rows)
    if errors:
        shown = errors[:MAX_REPORTED_ERRORS]
        raise ValidationFailed(
            f"{len(errors)} problem(s) in the bulk request; nothing was written",
            shown,
            truncated=len(errors) > len(shown),
        )
    return PreparedBulk(runtime, request, tuple(rows))


def _key_errors(runtime: VertexLabelRuntime, request: BulkRequest) -> list[FieldError]:
    if request.mode == "create":
        if request.key is not None:
            return [FieldError("/key", "applies to mode upsert only")]
        return []
    keys = sorted(i.fields[0] for i in runtime.unique_indexes if len(i.fields) == 1)
    if request.key is None or request.key not in keys:
        allowed = ", ".join(keys) or f"none: {runtime.name} declares no single-field unique index"
        return [FieldError("/key", f"must name a field with a unique index ({allowed})")]
    return []


def _duplicates_within(
    runtime: VertexLabelRuntime, rows: Sequence[PreparedRow]
) -> list[FieldError]:
    errors: list[FieldError] = []
    for index in runtime.unique_indexes:
        first: dict[tuple[Any, ...], int] = {}
        for row in rows:
            values = key_values(index, row.props)
            if values is None:
                continue
            if values in first:
                at = join("", "items", row.index, *index.fields[0].split("."))
                errors.append(
                    FieldError(
                        at,
                        f"duplicates /items/{first[values]} on unique ({', '.join(index.fields)})",
                    )
                )
            else:
                first[values] = row.index
    return errors


def write_bulk(
    tx: ManagedTransaction, actor: Principal, prepared: PreparedBulk, *, check_all: bool = True
) -> BulkResult:
    """Write every prepared row in ``tx`` (the caller's managed transaction).

    Stored entities holding a row's unique values are looked up first for every unique
    index (``check_all``) or only for those the database does not enforce; a conflict is
    a 409 naming the rows."""
    runtime, request, org, now = prepared.runtime, prepared.request, actor.org_id, utc_now()
    existing: dict[Any, dict[str, Any]] = {}
    if request.mode == "upsert" and request.key:
        query = upsert_lookup_query(runtime.name, request.key)
        keys = [row.props[request.key] for row in prepared.rows]
        for batch in batches(keys, BATCH_SIZE):
            for found in tx.run(query, keys=batch, org=org, plugin=runtime.plugin):
                existing[found["key"]] = found["props"]
    created = SystemProperties(
        id="",  # set per row
        plugin=runtime.plugin,
        label=runtime.name,
        org=org,
        version=1,
        created_at=now,
        updated_at=now,
        created_by=actor.subject,
        updated_by=actor.subject,
    )
    created_props = created.as_properties()
    creates: list[dict[str, Any]] = []  # {props, data}; the versions' shared parts go once
    updates: list[dict[str, Any]] = []
    versions: list[dict[str, Any]] = []  # the updates' versions
    ids: list[str] = []
    key = request.key
    matched = [existing.get(row.props[key]) if key else None for row in prepared.rows]
    new_ids_left = iter(new_ids(matched.count(None)))
    for row, stored in zip(prepared.rows, matched, strict=True):
        if stored is None:
            props = row.props | created_props
            props["id"] = entity_id = next(new_ids_left)
            creates.append({"props": props, "data": row.data})
            ids.append(entity_id)
            continue
        before = SystemProperties.from_properties(stored)
        system = replace(
            before, version=before.version + 1, updated_at=now, updated_by=actor.subject
        )
        updates.append(
            {
                "id": system.id,
                "expected": before.version,
                "props": row.props | system.as_properties(),
            }
        )
        ids.append(system.id)
        versions.append(
            history.version_row(
                entity_id=system.id,
                org=org,
                plugin=runtime.plugin,
                label=runtime.name,
                version=system.version,
                op="update",
                document=row.document,
                at=now,
                actor=actor.subject,
            )
        )
    checked = runtime.unique_indexes if check_all else runtime.unenforced_unique_indexes
    _refuse_stored_conflicts(tx, runtime, checked, org, prepared.rows, ids)
    if creates:
        text = QUERIES.render("entities/bulk_create_versioned", label=runtime.name)
        shared = {"org": org, "plugin": runtime.plugin, "label": runtime.name, "at": now}
        for batch in batches(creates, BATCH_SIZE):
            tx.run(text, rows=batch, actor=actor.subject, **shared).consume()
    for batch in batches(updates, BATCH_SIZE):
        updated = tx.run(
            QUERIES.render("entities/bulk_replace", label=runtime.name),
            rows=batch,
            org=org,
            plugin=runtime.plugin,
        ).single(strict=True)["updated"]
        if updated != len(batch):
            raise Conflict("entities changed while the bulk upsert ran; retry it")
    for batch in batches(versions, BATCH_SIZE):
        history.record_versions_tx(tx, batch)
    record(
        tx,
        actor,
        action="entity.bulk",
        target_kind="entities",
        target_id=runtime.name,
        target_label=runtime.name,
        plugin=runtime.plugin,
        details={
            "mode": request.mode,
            "items": len(prepared.rows),
            "created": len(creates),
            "updated": len(updates),
        },
    )
    return BulkResult(request.mode, len(creates), len(updates), ids)


def _refuse_stored_conflicts(
    tx: ManagedTransaction,
    runtime: VertexLabelRuntime,
    indexes: Sequence[IndexSpec],
    org: str,
    rows: Sequence[PreparedRow],
    ids: Sequence[str],
) -> None:
    if not indexes:
        return
    checks = [(row.index, entity_id, row.props) for row, entity_id in zip(rows, ids, strict=True)]
    conflicts = bulk_conflicts(tx, runtime.name, indexes, org, checks)
    if conflicts:
        errors = [
            FieldError(
                join("", "items", index, *spec.fields[0].split(".")),
                f"another {runtime.name} of this org already has these values of "
                f"({', '.join(spec.fields)}): {holder}",
            ).as_dict()
            for index, spec, holder in sorted(conflicts, key=lambda c: c[0])[:MAX_REPORTED_ERRORS]
        ]
        raise Conflict(
            f"{len(conflicts)} row(s) conflict with stored entities; nothing was written",
            errors=errors,
        )
