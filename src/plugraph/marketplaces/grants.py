"""Access grants on marketplaces and plugins, mirrored as Casbin policies in the same transaction.

``(:Marketplace|:Plugin)-[:GRANTS {id, role, subject, holder_kind, holder_id, _org,
granted_at, granted_by, revoked_at, revoked_by, superseded_by}]->(:User|:Team|:Org)``

* One active grant per (resource, holder): granting a holder that already holds one
  replaces it (the old one is revoked with ``superseded_by``), so changing a role is one
  call and the history shows every step.
* Revoking is soft (``revoked_at``); history stays listable.
* After every change the holder's policies on the resource are recomputed from its
  active grants (one policy per implied permission), so the Casbin mirror always equals
  the graph, whatever happened before.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from plugraph.anchors.paging import Page, decode_cursor, make_page
from plugraph.audit.recorder import record
from plugraph.authz.authorizer import Authorizer
from plugraph.clock import utc_now
from plugraph.errors import NotFound
from plugraph.graph.store import GraphStore
from plugraph.ids import new_id
from plugraph.marketplaces import store
from plugraph.marketplaces.access import OPS, GrantRole, HolderKind, Resource, subject_of
from plugraph.marketplaces.models import GrantCreate, GrantPublic
from plugraph.security.principal import Principal


def grant_public(row: dict[str, Any]) -> GrantPublic:
    grant = dict(row["access_grant"])
    fields = set(GrantPublic.model_fields) - {"holder_slug", "active"}
    return GrantPublic(
        **{key: grant.get(key) for key in fields if key in grant},
        holder_slug=row.get("holder_slug"),
        active=grant.get("revoked_at") is None,
    )


class AccessGrants:
    def __init__(self, graph: GraphStore, authorizer: Authorizer) -> None:
        self.graph = graph
        self.authorizer = authorizer

    # -- reads ---------------------------------------------------------------------------

    def list(
        self,
        actor: Principal,
        resource: Resource,
        *,
        include_revoked: bool,
        cursor: str | None,
        limit: int,
    ) -> Page[GrantPublic]:
        after = decode_cursor(cursor)

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            self.resource_tx(tx, actor.org_id, resource, lock=False)
            return store.grants_tx(
                tx,
                actor.org_id,
                resource,
                include_revoked=include_revoked,
                after=after,
                limit=limit + 1,
            )

        rows = self.graph.execute_read(work)
        return make_page(
            rows, limit, key=lambda row: str(row["access_grant"]["id"]), build=grant_public
        )

    def plugin_exists(self, slug: str) -> None:
        """404 unless ``slug`` is an installed plugin (checked before any permission)."""
        self.graph.execute_read(
            lambda tx: self.resource_tx(tx, "", Resource.plugin(slug), lock=False)
        )

    def strongest(self, actor: Principal, resource: Resource) -> GrantRole | None:
        """The caller's strongest access to the resource, through any grant or role."""
        for op, role in (("manage", "manager"), ("write", "editor"), ("read", "viewer")):
            if self.authorizer.decide(actor, resource.permission(op)).allowed:
                return role  # type: ignore[return-value]
        return None

    # -- changes ---------------------------------------------------------------------------

    def grant(self, actor: Principal, resource: Resource, body: GrantCreate) -> GrantPublic:
        granted = self.graph.execute_write(
            lambda tx: self.grant_tx(tx, actor, resource, body.holder_kind, body.holder, body.role)
        )
        self.authorizer.refresh(force=True)
        return granted

    def revoke(self, actor: Principal, resource: Resource, grant_id: str) -> GrantPublic:
        revoked = self.graph.execute_write(lambda tx: self.revoke_tx(tx, actor, resource, grant_id))
        self.authorizer.refresh(force=True)
        return revoked

    def grant_tx(
        self,
        tx: ManagedTransaction,
        actor: Principal,
        resource: Resource,
        holder_kind: HolderKind,
        holder: str | None,
        role: GrantRole,
    ) -> GrantPublic:
        org = actor.org_id
        self.resource_tx(tx, org, resource, lock=True)
        if holder_kind == "org":
            holder_id = org
        else:
            holder_id, _slug = store.holder_id_tx(tx, org, holder_kind, holder or "")
        subject = subject_of(holder_kind, holder_id)
        now, grant_id = utc_now(), new_id()
        replaced = [grant["id"] for grant in store.subject_grants_tx(tx, org, resource, subject)]
        for old in replaced:
            store.revoke_grant_tx(
                tx, org, resource, old, at=now, by=actor.subject, superseded_by=grant_id
            )
        props = {
            "id": grant_id,
            "role": role,
            "subject": subject,
            "holder_kind": holder_kind,
            "holder_id": holder_id,
            "_org": org,
            "granted_at": now,
            "granted_by": actor.subject,
        }
        row = store.add_grant_tx(tx, org, resource, holder_kind, holder_id, props)
        self._sync_policies_tx(tx, org, resource, subject)
        record(
            tx,
            actor,
            action=f"{resource.audit_kind}.grant",
            target_kind=resource.audit_kind,
            target_id=resource.key,
            plugin=resource.key if resource.kind == "plugin" else None,
            details={"grant": grant_id, "holder": subject, "role": role, "replaced": replaced},
        )
        return grant_public(row)

    def revoke_tx(
        self, tx: ManagedTransaction, actor: Principal, resource: Resource, grant_id: str
    ) -> GrantPublic:
        org = actor.org_id
        self.resource_tx(tx, org, resource, lock=True)
        row = store.revoke_grant_tx(tx, org, resource, grant_id, at=utc_now(), by=actor.subject)
        if row is None:
            raise NotFound(f"no active grant {grant_id!r} on this {resource.kind}")
        subject = str(row["access_grant"]["subject"])
        self._sync_policies_tx(tx, org, resource, subject)
        record(
            tx,
            actor,
            action=f"{resource.audit_kind}.revoke",
            target_kind=resource.audit_kind,
            target_id=resource.key,
            plugin=resource.key if resource.kind == "plugin" else None,
            details={"grant": grant_id, "holder": subject, "role": row["access_grant"]["role"]},
        )
        return grant_public(row)

    # -- internals ---------------------------------------------------------------------------

    @staticmethod
    def resource_tx(tx: ManagedTransaction, org: str, resource: Resource, *, lock: bool) -> None:
        """404 unless the resource exists for this org (a marketplace is locked for writes)."""
        if resource.kind == "marketplace":
            (store.lock_tx if lock else store.get_tx)(tx, org, resource.key)
            return
        plugin = store.plugin_tx(tx, resource.key)
        if plugin is None or plugin["status"] != "installed":
            raise NotFound(f"no installed plugin {resource.key!r}")

    @staticmethod
    def _sync_policies_tx(
        tx: ManagedTransaction, org: str, resource: Resource, subject: str
    ) -> None:
        roles = {grant["role"] for grant in store.subject_grants_tx(tx, org, resource, subject)}
        wanted = resource.permissions(roles)
        for op in OPS:
            permission = resource.permission(op)
            if permission in wanted:
                Authorizer.grant_tx(tx, subject, org, permission)
            else:
                Authorizer.revoke_tx(tx, subject, org, permission)
