"""CRUD for the host's core anchors, addressed by slug within the caller's org.

Writes lock the org node first, so slug uniqueness checked in the transaction holds
under concurrent creates (on ArcadeDB the lock makes concurrent writers conflict and
retry; on Neo4j it serializes them). Deleting an anchor applies the plugin edges'
delete rules first (``plugraph.edges.delete_rules``).
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction
from neo4j.exceptions import ConstraintError
from pydantic import BaseModel

from plugraph.anchors.kinds import ENVIRONMENT, ORG, PROJECT, TEAM, USER, AnchorKind
from plugraph.anchors.models import AnchorPublic, OrgCreate, to_public
from plugraph.anchors.paging import Page, decode_cursor, make_page
from plugraph.audit import recorder
from plugraph.authz.authorizer import Authorizer
from plugraph.clock import utc_now
from plugraph.edges.declarations import ManifestSource
from plugraph.edges.delete_rules import DeleteOutcome, apply_on_delete
from plugraph.edges.nodes import NodeRef
from plugraph.errors import Conflict, FieldError, NotFound, ValidationFailed
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.ids import new_id
from plugraph.security.principal import Principal

Row = tuple[dict[str, Any], str | None]  # (node properties, project slug of an environment)


class AnchorService:
    def __init__(self, store: GraphStore, registry: ManifestSource) -> None:
        self.store = store
        self.registry = registry

    # -- reads --------------------------------------------------------------------

    def list(
        self, principal: Principal, kind: AnchorKind, *, cursor: str | None = None, limit: int
    ) -> Page[AnchorPublic]:
        query = QUERIES.render("anchors/list", label=kind.label)
        params = {"org": principal.org_id, "after": decode_cursor(cursor), "limit": limit + 1}
        rows = self.store.execute_read(lambda tx: tx.run(query, params).data())
        return make_page(
            rows,
            limit,
            key=lambda row: row["node"]["slug"],
            build=lambda row: to_public(kind, row["node"], row["project"]),
        )

    def get(self, principal: Principal, kind: AnchorKind, slug: str) -> AnchorPublic:
        node, project = self.store.execute_read(
            lambda tx: require(tx, principal.org_id, kind, slug)
        )
        return to_public(kind, node, project)

    def node(self, principal: Principal, kind: AnchorKind, slug: str) -> NodeRef:
        """The anchor as an edge end (for ``/admin/<kind>/{slug}/plugin-edges/...``)."""
        node, _ = self.store.execute_read(lambda tx: require(tx, principal.org_id, kind, slug))
        return NodeRef(id=node["id"], label=kind.label, plugin=None, props=node)

    # -- writes -------------------------------------------------------------------

    def create(self, principal: Principal, kind: AnchorKind, body: BaseModel) -> AnchorPublic:
        """Create an anchor of an org-scoped kind (teams, users, projects, environments)."""
        if kind is ORG:
            raise ValueError("organisations are created with create_org")
        try:
            return self.store.execute_write(lambda tx: create_tx(tx, principal, kind, body))
        except ConstraintError:
            # a concurrent create of the same slug committed first
            slug = body.model_dump()["slug"]
            raise Conflict(
                f"a {kind.singular} with slug {slug!r} already exists in this org", pointer="/slug"
            ) from None

    def create_org(self, principal: Principal, body: OrgCreate) -> AnchorPublic:
        return self.store.execute_write(lambda tx: create_org_tx(tx, principal, body))

    def update(
        self, principal: Principal, kind: AnchorKind, slug: str, changes: dict[str, Any]
    ) -> AnchorPublic:
        def work(tx: ManagedTransaction) -> AnchorPublic:
            node, project = require(tx, principal.org_id, kind, slug)
            fields = dict(changes)
            new_project = fields.pop("project", None) if kind is ENVIRONMENT else None
            if new_project is not None and new_project != project:
                project = _move_environment(tx, principal.org_id, slug, new_project)
            if fields or new_project is not None:
                query = QUERIES.render("anchors/update", label=kind.label)
                fields["_updated_at"] = utc_now()
                record = tx.run(query, org=principal.org_id, slug=slug, changes=fields)
                node = record.single(strict=True)["node"]
            _audit(tx, principal, "anchor.update", kind, node, {"fields": sorted(changes)})
            return to_public(kind, node, project)

        return self.store.execute_write(work)

    def delete(self, principal: Principal, kind: AnchorKind, slug: str) -> DeleteOutcome:
        """Delete an anchor after applying its plugin edges' delete rules (409 if restricted)."""
        if kind is ORG:
            raise Conflict("organisations cannot be deleted through the API")

        def work(tx: ManagedTransaction) -> DeleteOutcome:
            node, _ = require(tx, principal.org_id, kind, slug)
            if kind is PROJECT:
                _ensure_no_environments(tx, principal.org_id, node)
            outcome = apply_on_delete(
                tx, self.registry, principal.org_id, kind.label, node["id"], actor=principal
            )
            _forget_subject(tx, principal.org_id, kind, node["id"])
            tx.run(
                QUERIES.render("anchors/delete", label=kind.label),
                org=principal.org_id,
                id=node["id"],
            ).consume()
            _audit(tx, principal, "anchor.delete", kind, node, outcome.summary())
            return outcome

        return self.store.execute_write(work)


# -- transaction functions (also used by seeding) -------------------------------------


def find(tx: ManagedTransaction, org_id: str, kind: AnchorKind, slug: str) -> Row | None:
    record = tx.run(QUERIES.render("anchors/get", label=kind.label), org=org_id, slug=slug).single()
    return None if record is None else (record["node"], record["project"])


def require(tx: ManagedTransaction, org_id: str, kind: AnchorKind, slug: str) -> Row:
    row = find(tx, org_id, kind, slug)
    if row is None:
        raise NotFound(f"no {kind.singular} {slug!r} in this org")
    return row


def create_tx(
    tx: ManagedTransaction, actor: Principal, kind: AnchorKind, body: BaseModel
) -> AnchorPublic:
    """Create a team, user, project or environment in the actor's org (409 if the slug is taken)."""
    data = body.model_dump()
    locked = tx.run(QUERIES.text("anchors/lock_org"), org=actor.org_id).single()
    if locked is None:
        raise NotFound("the caller's org no longer exists")
    if find(tx, actor.org_id, kind, data["slug"]) is not None:
        raise Conflict(
            f"a {kind.singular} with slug {data['slug']!r} already exists in this org",
            pointer="/slug",
        )
    now = utc_now()
    project = data.pop("project", None)
    props = data | {"id": new_id(), "_org": actor.org_id, "_created_at": now, "_updated_at": now}
    if kind is ENVIRONMENT:
        record = tx.run(
            QUERIES.text("anchors/create_environment"),
            org=actor.org_id,
            project=project,
            props=props,
        ).single()
        if record is None:
            raise _no_project(project)
    else:
        query = QUERIES.render("anchors/create", label=kind.label)
        record = tx.run(query, org=actor.org_id, props=props).single(strict=True)
    node = record["node"]
    _audit(tx, actor, "anchor.create", kind, node, {"slug": node["slug"]})
    return to_public(kind, node, project)


def create_org_tx(tx: ManagedTransaction, actor: Principal, body: OrgCreate) -> AnchorPublic:
    """Create an organisation (a host-admin action); org slugs are globally unique."""
    if tx.run(QUERIES.text("anchors/org_by_slug"), slug=body.slug).single() is not None:
        raise Conflict(f"an org with slug {body.slug!r} already exists", pointer="/slug")
    org_id, now = new_id(), utc_now()
    props = body.model_dump() | {
        "id": org_id,
        "_org": org_id,
        "_created_at": now,
        "_updated_at": now,
    }
    node = tx.run(QUERIES.text("anchors/org_create"), props=props).single(strict=True)["node"]
    _audit(tx, actor, "anchor.create", ORG, node, {"slug": body.slug})
    return to_public(ORG, node)


def _move_environment(tx: ManagedTransaction, org_id: str, slug: str, project: str) -> str:
    record = tx.run(
        QUERIES.text("anchors/move_environment"), org=org_id, slug=slug, project=project
    ).single()
    if record is None:
        raise _no_project(project)
    return str(record["project"])


def _no_project(project: str | None) -> ValidationFailed:
    return ValidationFailed(
        f"no project {project!r} in this org",
        [FieldError("/project", f"no project {project!r} in this org")],
    )


def _ensure_no_environments(tx: ManagedTransaction, org_id: str, node: dict[str, Any]) -> None:
    rows = tx.run(QUERIES.text("anchors/project_environments"), org=org_id, id=node["id"]).data()
    if rows:
        slugs = [row["slug"] for row in rows]
        raise Conflict(
            f"project {node['slug']!r} still has environments: {', '.join(slugs)}; "
            "delete or move them first",
            environments=slugs,
        )


def _forget_subject(tx: ManagedTransaction, org_id: str, kind: AnchorKind, anchor_id: str) -> None:
    """A deleted user or team loses its roles and grants; a user's tokens are revoked."""
    if kind is USER:
        tx.run(
            QUERIES.text("anchors/user_revoke_tokens"), org=org_id, id=anchor_id, at=utc_now()
        ).consume()
        Authorizer.remove_subject_tx(tx, f"user:{anchor_id}")
    elif kind is TEAM:
        Authorizer.remove_subject_tx(tx, f"team:{anchor_id}")


def _audit(
    tx: ManagedTransaction,
    actor: Principal,
    action: str,
    kind: AnchorKind,
    node: dict[str, Any],
    details: dict[str, Any],
) -> None:
    recorder.record(
        tx,
        actor,
        action=action,
        target_kind="anchor",
        target_id=str(node["id"]),
        target_label=kind.label,
        details={"slug": node.get("slug"), **details},
    )
