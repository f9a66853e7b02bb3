"""Graph access for marketplaces, listings and grants: every Cypher text by name.

All functions run inside the caller's transaction (read or managed write), so a change,
its Casbin policies and its audit event commit together.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from plugraph.errors import NotFound
from plugraph.graph.queries import QUERIES
from plugraph.marketplaces.access import HOLDER_LABELS, HolderKind, Resource
from plugraph.marketplaces.channels import PluginVersions, VersionRef

Row = dict[str, Any]


def _rows(tx: ManagedTransaction, name: str, **params: Any) -> list[Row]:
    return tx.run(QUERIES.text(name), params).data()


# -- marketplaces ---------------------------------------------------------------------


def create_tx(tx: ManagedTransaction, org: str, props: Row) -> Row:
    rows = _rows(tx, "marketplaces/create", org=org, props=props)
    if not rows:
        raise NotFound(f"no org {org!r}")
    return dict(rows[0]["marketplace"])


def get_tx(tx: ManagedTransaction, org: str, marketplace_id: str) -> Row:
    rows = _rows(tx, "marketplaces/get", org=org, id=marketplace_id)
    if not rows:
        raise NotFound(f"no marketplace {marketplace_id!r}")
    return dict(rows[0]["marketplace"])


def lock_tx(tx: ManagedTransaction, org: str, marketplace_id: str) -> Row:
    """Lock the marketplace for this transaction (404 when the org has no such marketplace)."""
    rows = _rows(tx, "marketplaces/lock", org=org, id=marketplace_id)
    if not rows:
        raise NotFound(f"no marketplace {marketplace_id!r}")
    return dict(rows[0]["marketplace"])


def update_tx(tx: ManagedTransaction, org: str, marketplace_id: str, changes: Row) -> Row:
    rows = _rows(tx, "marketplaces/update", org=org, id=marketplace_id, changes=changes)
    if not rows:
        raise NotFound(f"no marketplace {marketplace_id!r}")
    return dict(rows[0]["marketplace"])


def list_tx(
    tx: ManagedTransaction, org: str, after: str | None, status: str | None, limit: int
) -> list[Row]:
    rows = _rows(tx, "marketplaces/list", org=org, after=after, status=status, limit=limit)
    return [dict(row["marketplace"]) for row in rows]


# -- listings -------------------------------------------------------------------------


def active_listing_tx(
    tx: ManagedTransaction, org: str, marketplace_id: str, plugin: str
) -> str | None:
    rows = _rows(tx, "marketplaces/listing_active", org=org, id=marketplace_id, plugin=plugin)
    return str(rows[0]["id"]) if rows else None


def add_listing_tx(
    tx: ManagedTransaction, org: str, marketplace_id: str, plugin: str, props: Row
) -> Row:
    rows = _rows(
        tx, "marketplaces/listing_add", org=org, id=marketplace_id, plugin=plugin, props=props
    )
    return rows[0]


def remove_listing_tx(
    tx: ManagedTransaction, org: str, marketplace_id: str, plugin: str, at: str, by: str
) -> Row | None:
    rows = _rows(
        tx, "marketplaces/listing_remove", org=org, id=marketplace_id, plugin=plugin, at=at, by=by
    )
    return rows[0] if rows else None


def listings_tx(
    tx: ManagedTransaction,
    org: str,
    marketplace_id: str,
    *,
    include_removed: bool,
    after: str | None,
    limit: int,
) -> list[Row]:
    return _rows(
        tx,
        "marketplaces/listings",
        org=org,
        id=marketplace_id,
        include_removed=include_removed,
        after=after,
        limit=limit,
    )


# -- plugins (read from the registry's nodes) ------------------------------------------


def plugin_tx(tx: ManagedTransaction, slug: str) -> Row | None:
    rows = _rows(tx, "marketplaces/plugin_get", slug=slug)
    return rows[0] if rows else None


def plugin_versions_tx(tx: ManagedTransaction, slugs: list[str]) -> dict[str, PluginVersions]:
    """Every version the registry installed of each named plugin (unknown slugs are absent)."""
    if not slugs:
        return {}
    rows = _rows(tx, "marketplaces/plugin_versions", slugs=sorted(set(slugs)))
    return {
        row["slug"]: PluginVersions(
            slug=row["slug"],
            name=row["name"] or row["slug"],
            status=row["status"] or "installed",
            versions=tuple(
                VersionRef(id=v["id"], version=v["version"], installed_at=v["installed_at"] or "")
                for v in row["versions"]
                if v.get("id") is not None
            ),
        )
        for row in rows
    }


# -- access grants ------------------------------------------------------------------------


def _render(name: str, resource: Resource, holder: str | None = None) -> str:
    names = {"resource": resource.label, "key": resource.key_property}
    if holder is not None:
        names["holder"] = holder
    return QUERIES.render(name, **names)


def holder_id_tx(tx: ManagedTransaction, org: str, kind: HolderKind, ref: str) -> tuple[str, str]:
    """(id, slug) of a user or team of the org, by slug or id; 404 when there is none."""
    query = QUERIES.render("marketplaces/holder", holder=HOLDER_LABELS[kind])
    rows = tx.run(query, org=org, ref=ref).data()
    if not rows:
        raise NotFound(f"no {kind} {ref!r} in this org")
    return str(rows[0]["id"]), str(rows[0]["slug"])


def add_grant_tx(
    tx: ManagedTransaction,
    org: str,
    resource: Resource,
    kind: HolderKind,
    holder_id: str,
    props: Row,
) -> Row:
    query = _render("marketplaces/grant_add", resource, HOLDER_LABELS[kind])
    rows = tx.run(query, org=org, key=resource.key, holder_id=holder_id, props=props).data()
    if not rows:
        raise NotFound(f"no {kind} {holder_id!r} in this org")
    return rows[0]


def grants_tx(
    tx: ManagedTransaction,
    org: str,
    resource: Resource,
    *,
    include_revoked: bool,
    after: str | None,
    limit: int,
) -> list[Row]:
    query = _render("marketplaces/grants", resource)
    params = {"org": org, "key": resource.key, "include_revoked": include_revoked}
    return tx.run(query, params, after=after, limit=limit).data()


def subject_grants_tx(
    tx: ManagedTransaction, org: str, resource: Resource, subject: str
) -> list[Row]:
    query = _render("marketplaces/grants_of_subject", resource)
    rows = tx.run(query, org=org, key=resource.key, subject=subject).data()
    return [dict(row["access_grant"]) for row in rows]


def revoke_grant_tx(
    tx: ManagedTransaction,
    org: str,
    resource: Resource,
    grant_id: str,
    *,
    at: str,
    by: str,
    superseded_by: str | None = None,
) -> Row | None:
    query = _render("marketplaces/grant_revoke", resource)
    rows = tx.run(
        query, org=org, key=resource.key, id=grant_id, at=at, by=by, superseded_by=superseded_by
    ).data()
    return rows[0] if rows else None
