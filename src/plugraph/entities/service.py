"""The entity service: CRUD, history and paging for every declared vertex label.

Every operation is scoped to the principal's org (``_org``) and to the plugin that
declares the label (``_plugin``); another org's entity is a 404. Every write runs in
one managed transaction that also records the entity's new immutable version and an
audit event. Writes to an existing entity take its write lock first and compare its
version there, so concurrent writers with the same ``If-Match`` yield one winner and
412s, never a lost update.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from neo4j import ManagedTransaction
from neo4j.exceptions import ConstraintError

from plugraph.audit.recorder import record
from plugraph.clock import utc_now
from plugraph.entities import versions as history
from plugraph.entities.bulk import prepare_bulk, write_bulk
from plugraph.entities.cursor import Cursor, decode_cursor
from plugraph.entities.delete_rules import DeleteRules, ManifestDeleteRules
from plugraph.entities.documents import ensure_valid, server_owned_errors
from plugraph.entities.etag import IfMatch
from plugraph.entities.filters import ID_FIELD, ListParams
from plugraph.entities.merge_patch import apply_merge_patch
from plugraph.entities.models import BulkRequest, BulkResult, Entity, Page
from plugraph.entities.query import count_query, list_query
from plugraph.entities.schema_view import label_schema_view
from plugraph.entities.storage import SystemProperties, node_properties, stored_document
from plugraph.entities.uniqueness import ensure_unique
from plugraph.errors import Conflict, FieldError, NotFound, PreconditionFailed, ValidationFailed
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.ids import new_id
from plugraph.registry.runtime import VertexLabelRuntime
from plugraph.registry.service import PluginRegistry
from plugraph.security.principal import Principal

T = TypeVar("T")
CONSTRAINT_RETRIES = 8


class EntityService:
    def __init__(
        self,
        store: GraphStore,
        registry: PluginRegistry,
        delete_rules: DeleteRules | None = None,
    ) -> None:
        self.store = store
        self.registry = registry
        self.delete_rules = delete_rules or ManifestDeleteRules(registry)

    # -- reads --------------------------------------------------------------------

    def schema(self, slug: str, label: str) -> dict[str, Any]:
        """What a UI needs to render the label's list page and form."""
        return label_schema_view(self.registry, self.registry.vertex_label(slug, label))

    def get(self, actor: Principal, slug: str, label: str, entity_id: str) -> Entity:
        runtime = self.registry.vertex_label(slug, label)
        rows = self.store.read(
            QUERIES.render("entities/get", label=runtime.name),
            {"org": actor.org_id, "plugin": slug, "id": entity_id},
        )
        if not rows:
            raise _not_found(runtime, entity_id)
        return Entity(rows[0]["props"])

    def list(self, actor: Principal, slug: str, label: str, params: ListParams) -> Page:
        runtime = self.registry.vertex_label(slug, label)
        scope = f"entities:{slug}:{runtime.name}"
        after = None
        if params.cursor is not None:
            cursor = decode_cursor(params.cursor, scope=scope, sort=params.sort.text)
            after = (cursor.key, cursor.id)
        page = list_query(
            runtime.name,
            org=actor.org_id,
            plugin=slug,
            filters=params.filters,
            sort=params.sort,
            limit=params.limit + 1,
            after=after,
        )
        counting = (
            count_query(runtime.name, org=actor.org_id, plugin=slug, filters=params.filters)
            if params.total
            else None
        )

        def work(tx: ManagedTransaction) -> tuple[list[dict[str, Any]], int | None]:
            rows = tx.run(page.text, page.params).data()
            total = None
            if counting is not None:
                total = int(tx.run(counting.text, counting.params).single(strict=True)["total"])
            return [row["props"] for row in rows], total

        rows, total = self.store.execute_read(work)
        next_cursor = None
        if len(rows) > params.limit:
            rows = rows[: params.limit]
            last = rows[-1]
            key = None if params.sort.field == ID_FIELD else last.get(params.sort.field)
            next_cursor = Cursor(scope, params.sort.text, key, str(last["id"])).encode()
        return Page([Entity(row).public() for row in rows], next_cursor, total)

    def versions(
        self,
        actor: Principal,
        slug: str,
        label: str,
        entity_id: str,
        *,
        limit: int,
        cursor: str | None = None,
    ) -> Page:
        """The entity's versions, oldest first (readable after the entity was deleted)."""
        runtime = self.registry.vertex_label(slug, label)
        scope = f"versions:{slug}:{runtime.name}:{entity_id}"
        after = 0
        if cursor is not None:
            decoded = decode_cursor(cursor, scope=scope, sort="version")
            if not decoded.id.isdigit():
                raise ValidationFailed("invalid cursor", [FieldError("/cursor", "is not a cursor")])
            after = int(decoded.id)
        rows = self.store.execute_read(
            lambda tx: history.list_versions_tx(
                tx,
                org=actor.org_id,
                plugin=slug,
                label=runtime.name,
                entity_id=entity_id,
                after=after,
                limit=limit + 1,
            )
        )
        if not rows and after == 0:
            raise _not_found(runtime, entity_id)
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            next_cursor = Cursor(scope, "version", None, str(rows[-1].version)).encode()
        return Page([row.as_dict() for row in rows], next_cursor)

    def version(
        self, actor: Principal, slug: str, label: str, entity_id: str, number: int
    ) -> history.EntityVersion:
        runtime = self.registry.vertex_label(slug, label)
        found = self.store.execute_read(
            lambda tx: history.get_version_tx(
                tx,
                org=actor.org_id,
                plugin=slug,
                label=runtime.name,
                entity_id=entity_id,
                version=number,
            )
        )
        if found is None:
            raise NotFound(f"{runtime.name} {entity_id!r} has no version {number}")
        return found

    # -- writes -------------------------------------------------------------------

    def create(self, actor: Principal, slug: str, label: str, document: Any) -> Entity:
        runtime = self.registry.vertex_label(slug, label)
        document = ensure_valid(runtime, document)
        now = utc_now()
        system = SystemProperties(
            id=new_id(),
            plugin=slug,
            label=runtime.name,
            org=actor.org_id,
            version=1,
            created_at=now,
            updated_at=now,
            created_by=actor.subject,
            updated_by=actor.subject,
        )
        props = node_properties(document, system)

        def work(tx: ManagedTransaction) -> Entity:
            ensure_unique(tx, runtime, actor.org_id, system.id, props)
            row = tx.run(QUERIES.render("entities/create", label=runtime.name), props=props).single(
                strict=True
            )
            created = Entity(row["props"])
            self._record(tx, actor, runtime, created, "create", now)
            return created

        return self._write(work)

    def patch(
        self,
        actor: Principal,
        slug: str,
        label: str,
        entity_id: str,
        patch: Any,
        if_match: IfMatch | None = None,
    ) -> Entity:
        """Apply a JSON Merge Patch; the merged document is validated whole."""
        runtime = self.registry.vertex_label(slug, label)
        if not isinstance(patch, dict):
            raise ValidationFailed(
                "a merge patch for an entity must be a JSON object",
                [FieldError("", "must be a JSON object")],
            )
        owned = server_owned_errors(patch)
        if owned:
            raise ValidationFailed(f"the {runtime.name} patch is invalid", owned)

        def work(tx: ManagedTransaction) -> Entity:
            current = self._lock(tx, actor, runtime, entity_id)
            if if_match is not None:
                if_match.check(current.version)
            document = stored_document(current.props)
            merged = ensure_valid(runtime, apply_merge_patch(document, patch))
            if merged == document:
                return current
            now = utc_now()
            system = replace(
                SystemProperties.from_properties(current.props),
                version=current.version + 1,
                updated_at=now,
                updated_by=actor.subject,
            )
            props = node_properties(merged, system)
            ensure_unique(tx, runtime, actor.org_id, entity_id, props)
            updated = self._replace(tx, actor, runtime, current, props)
            self._record(tx, actor, runtime, updated, "update", now, before=current.version)
            return updated

        return self._write(work)

    def delete(
        self,
        actor: Principal,
        slug: str,
        label: str,
        entity_id: str,
        if_match: IfMatch | None = None,
    ) -> None:
        """Delete after the edge rules; the history (with a delete version) stays."""
        runtime = self.registry.vertex_label(slug, label)

        def work(tx: ManagedTransaction) -> None:
            current = self._lock(tx, actor, runtime, entity_id)
            if if_match is not None:
                if_match.check(current.version)
            effects = self.delete_rules.apply(tx, actor, runtime.name, entity_id)
            deleted = tx.run(
                QUERIES.render("entities/delete", label=runtime.name),
                org=actor.org_id,
                plugin=slug,
                id=entity_id,
                expected=current.version,
            ).single(strict=True)["deleted"]
            if deleted != 1:
                raise PreconditionFailed(f"{runtime.name} {entity_id} changed while deleting")
            now = utc_now()
            rows = [self._version_row(actor, runtime, current, "delete", now, current.version + 1)]
            # Cascaded entities got their delete versions from the delete rules.
            cascaded = {entity.id for entity in effects.cascaded}
            history.record_versions_tx(tx, rows)
            record(
                tx,
                actor,
                action="entity.delete",
                target_kind="entity",
                target_id=entity_id,
                target_label=runtime.name,
                plugin=slug,
                before_version=current.version,
                details={"edges_deleted": effects.edges_deleted, "cascaded": sorted(cascaded)}
                if effects.edges_deleted or cascaded
                else None,
            )

        self._write(work)

    def restore(self, actor: Principal, slug: str, label: str, entity_id: str) -> Entity:
        """Recreate a deleted entity from its last version (409 while it exists)."""
        runtime = self.registry.vertex_label(slug, label)

        def work(tx: ManagedTransaction) -> Entity:
            exists = tx.run(
                QUERIES.render("entities/exists", label=runtime.name), id=entity_id
            ).single(strict=True)["found"]
            last = history.latest_version_tx(tx, actor.org_id, entity_id)
            if last is None or last.plugin != slug or last.label != runtime.name:
                raise _not_found(runtime, entity_id)
            if exists:
                raise Conflict(
                    f"{runtime.name} {entity_id} exists; only a deleted entity can be restored"
                )
            document = ensure_valid(runtime, last.document)
            first = history.get_version_tx(
                tx,
                org=actor.org_id,
                plugin=slug,
                label=runtime.name,
                entity_id=entity_id,
                version=1,
            )
            now = utc_now()
            system = SystemProperties(
                id=entity_id,
                plugin=slug,
                label=runtime.name,
                org=actor.org_id,
                version=last.version + 1,
                created_at=first.at if first else now,
                updated_at=now,
                created_by=first.actor if first else actor.subject,
                updated_by=actor.subject,
            )
            props = node_properties(document, system)
            ensure_unique(tx, runtime, actor.org_id, entity_id, props)
            row = tx.run(QUERIES.render("entities/create", label=runtime.name), props=props).single(
                strict=True
            )
            restored = Entity(row["props"])
            self._record(tx, actor, runtime, restored, "restore", now, before=last.version)
            return restored

        return self._write(work)

    def bulk(self, actor: Principal, slug: str, label: str, request: BulkRequest) -> BulkResult:
        """All rows validated first (422), then written in one transaction (all or nothing)."""
        prepared = prepare_bulk(self.registry.vertex_label(slug, label), request)
        # First run: the database's constraints stand for the lookups they make redundant
        # (one index seek per row). A run after the database refused the write looks up
        # every unique index, so the 409 names the rows and their holders.
        runs = itertools.count()
        return self._write(lambda tx: write_bulk(tx, actor, prepared, check_all=next(runs) > 0))

    # -- internals ----------------------------------------------------------------

    def _lock(
        self, tx: ManagedTransaction, actor: Principal, runtime: VertexLabelRuntime, entity_id: str
    ) -> Entity:
        row = tx.run(
            QUERIES.render("entities/lock", label=runtime.name),
            org=actor.org_id,
            plugin=runtime.plugin,
            id=entity_id,
        ).single()
        if row is None:
            raise _not_found(runtime, entity_id)
        return Entity(row["props"])

    @staticmethod
    def _replace(
        tx: ManagedTransaction,
        actor: Principal,
        runtime: VertexLabelRuntime,
        current: Entity,
        props: dict[str, Any],
    ) -> Entity:
        row = tx.run(
            QUERIES.render("entities/replace", label=runtime.name),
            org=actor.org_id,
            plugin=runtime.plugin,
            id=current.id,
            expected=current.version,
            props=props,
        ).single()
        if row is None:
            raise PreconditionFailed(f"{runtime.name} {current.id} changed while updating")
        return Entity(row["props"])

    def _record(
        self,
        tx: ManagedTransaction,
        actor: Principal,
        runtime: VertexLabelRuntime,
        entity: Entity,
        op: history.Op,
        now: str,
        before: int | None = None,
    ) -> None:
        row = self._version_row(actor, runtime, entity, op, now, entity.version)
        history.record_versions_tx(tx, [row])
        record(
            tx,
            actor,
            action=f"entity.{op}",
            target_kind="entity",
            target_id=entity.id,
            target_label=runtime.name,
            plugin=runtime.plugin,
            before_version=before,
            after_version=entity.version,
        )

    @staticmethod
    def _version_row(
        actor: Principal,
        runtime: VertexLabelRuntime,
        entity: Entity,
        op: history.Op,
        now: str,
        version: int,
    ) -> dict[str, Any]:
        return history.version_row(
            entity_id=entity.id,
            org=actor.org_id,
            plugin=runtime.plugin,
            label=runtime.name,
            version=version,
            op=op,
            document=stored_document(entity.props),
            at=now,
            actor=actor.subject,
        )

    def _write(self, work: Callable[[ManagedTransaction], T]) -> T:
        """Run ``work`` in a managed transaction.

        A constraint violation at commit is retried with jittered backoff, up to
        :data:`CONSTRAINT_RETRIES` times: on ArcadeDB two transactions writing the same
        entity can both pass the lock and fail at commit on the (entity_id, version)
        uniqueness of the history before its write-conflict check, and a concurrent
        writer can take a unique value between our check and our commit. Run again,
        ``work`` sees the committed state and answers for itself: 412 for a stale
        If-Match, 409 naming the holder of a unique value, or success.
        """
        for attempt in range(CONSTRAINT_RETRIES):
            try:
                return self.store.execute_write(work)
            except ConstraintError:
                time.sleep(random.uniform(0, min(0.5, 0.01 * 2**attempt)))
        try:
            return self.store.execute_write(work)
        except ConstraintError as exc:
            raise Conflict(f"a uniqueness constraint refused the write: {exc.message}") from None


def _not_found(runtime: VertexLabelRuntime, entity_id: str) -> NotFound:
    return NotFound(f"no {runtime.name} {entity_id!r} in this org")
