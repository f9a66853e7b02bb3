"""Marketplaces: ``(:Org)-[:OWNS]->(:Marketplace {id, slug, name, description, _org, status,
created_at, created_by, updated_at, updated_by, archived_at, archived_by, revision})``.

Private by default: only org admins (implicitly) and holders of a grant see one. Its
creator becomes its manager (a grant, in the creating transaction). An archived
marketplace delivers nothing and refuses changes to its fields and listings until it is
restored; its grants stay (and can still be managed), so its managers can restore it.
"""

from __future__ import annotations

from typing import Any, Literal

from neo4j import ManagedTransaction
from neo4j.exceptions import ConstraintError

from plugraph.anchors.paging import Page, decode_cursor, make_page
from plugraph.audit.recorder import record
from plugraph.clock import utc_now
from plugraph.errors import Conflict
from plugraph.graph.store import GraphStore
from plugraph.ids import new_id
from plugraph.marketplaces import store
from plugraph.marketplaces.access import Resource
from plugraph.marketplaces.grants import AccessGrants
from plugraph.marketplaces.listings import ensure_active
from plugraph.marketplaces.models import MarketplaceCreate, MarketplacePublic, MarketplaceUpdate
from plugraph.security.principal import Principal

Status = Literal["active", "archived"]


class Marketplaces:
    def __init__(self, graph: GraphStore, grants: AccessGrants) -> None:
        self.graph = graph
        self.grants = grants

    # -- reads ---------------------------------------------------------------------------

    def exists(self, org_id: str, marketplace_id: str) -> None:
        """404 unless the org has this marketplace (checked before any permission)."""
        self.graph.execute_read(lambda tx: store.get_tx(tx, org_id, marketplace_id))

    def get(self, actor: Principal, marketplace_id: str) -> MarketplacePublic:
        row = self.graph.execute_read(lambda tx: store.get_tx(tx, actor.org_id, marketplace_id))
        return self.public(actor, row)

    def list(
        self, actor: Principal, *, status: Status | None, cursor: str | None, limit: int
    ) -> Page[MarketplacePublic]:
        """The org's marketplaces the caller can see (org admins: all), in slug order."""
        after = decode_cursor(cursor)
        visible: list[MarketplacePublic] = []
        while len(visible) <= limit:
            batch = self.graph.execute_read(
                lambda tx, after=after: store.list_tx(tx, actor.org_id, after, status, limit + 1)
            )
            visible += [
                public for row in batch if (public := self.public(actor, row)).my_access is not None
            ]
            if len(batch) <= limit:
                break
            after = str(batch[-1]["slug"])
        return make_page(visible, limit, key=lambda item: item.slug, build=lambda item: item)

    def public(self, actor: Principal, row: dict[str, Any]) -> MarketplacePublic:
        access = self.grants.strongest(actor, Resource.marketplace(str(row["id"])))
        fields = set(MarketplacePublic.model_fields) - {"my_access"}
        return MarketplacePublic(
            **{key: row[key] for key in fields if row.get(key) is not None}, my_access=access
        )

    # -- changes ---------------------------------------------------------------------------

    def create(self, actor: Principal, body: MarketplaceCreate) -> MarketplacePublic:
        now, marketplace_id = utc_now(), new_id()
        props = {
            "id": marketplace_id,
            "_key": f"{actor.org_id}/{body.slug}",
            "_org": actor.org_id,
            "slug": body.slug,
            "name": body.name,
            "description": body.description,
            "status": "active",
            "created_at": now,
            "created_by": actor.subject,
            "updated_at": now,
            "updated_by": actor.subject,
            "revision": 0,
        }

        def work(tx: ManagedTransaction) -> dict[str, Any]:
            store.create_tx(tx, actor.org_id, props)
            record(
                tx,
                actor,
                action="marketplace.create",
                target_kind="marketplace",
                target_id=marketplace_id,
                details={"slug": body.slug, "name": body.name},
            )
            if actor.kind == "user":
                self.grants.grant_tx(
                    tx, actor, Resource.marketplace(marketplace_id), "user", actor.id, "manager"
                )
            return store.get_tx(tx, actor.org_id, marketplace_id)

        try:
            row = self.graph.execute_write(work)
        except ConstraintError:
            raise Conflict(f"this org already has a marketplace {body.slug!r}") from None
        self.grants.authorizer.refresh(force=True)
        return self.public(actor, row)

    def update(
        self, actor: Principal, marketplace_id: str, body: MarketplaceUpdate
    ) -> MarketplacePublic:
        changes = body.changes()

        def work(tx: ManagedTransaction) -> dict[str, Any]:
            ensure_active(store.lock_tx(tx, actor.org_id, marketplace_id))
            row = store.update_tx(
                tx,
                actor.org_id,
                marketplace_id,
                changes | {"updated_at": utc_now(), "updated_by": actor.subject},
            )
            record(
                tx,
                actor,
                action="marketplace.update",
                target_kind="marketplace",
                target_id=marketplace_id,
                details={"changes": changes},
            )
            return row

        return self.public(actor, self.graph.execute_write(work))

    def archive(self, actor: Principal, marketplace_id: str) -> MarketplacePublic:
        return self._set_status(actor, marketplace_id, "archived")

    def restore(self, actor: Principal, marketplace_id: str) -> MarketplacePublic:
        return self._set_status(actor, marketplace_id, "active")

    def _set_status(
        self, actor: Principal, marketplace_id: str, status: Status
    ) -> MarketplacePublic:
        """Archive or restore; doing it twice changes nothing (and records nothing)."""

        def work(tx: ManagedTransaction) -> dict[str, Any]:
            current = store.get_tx(tx, actor.org_id, marketplace_id)
            if current["status"] == status:
                return current
            store.lock_tx(tx, actor.org_id, marketplace_id)
            now = utc_now()
            changes: dict[str, Any] = {
                "status": status,
                "updated_at": now,
                "updated_by": actor.subject,
            }
            if status == "archived":
                changes |= {"archived_at": now, "archived_by": actor.subject}
            else:
                changes |= {"archived_at": None, "archived_by": None}
            row = store.update_tx(tx, actor.org_id, marketplace_id, changes)
            record(
                tx,
                actor,
                action="marketplace.archive" if status == "archived" else "marketplace.restore",
                target_kind="marketplace",
                target_id=marketplace_id,
            )
            return row

        return self.public(actor, self.graph.execute_write(work))
