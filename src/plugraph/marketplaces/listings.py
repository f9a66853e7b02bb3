"""Listings: ``(:Marketplace)-[:LISTS {id, _org, membership_source, channel, pinned_version,
added_at, added_by, removed_at, removed_by}]->(:Plugin)``.

One active listing per (marketplace, plugin), checked in the write transaction after
locking the marketplace (409 otherwise). Removal is soft; listing a plugin again creates
a new relationship, so the history of every listing stays queryable.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from plugraph.anchors.paging import Page, decode_cursor, make_page
from plugraph.audit.recorder import record
from plugraph.clock import utc_now
from plugraph.errors import Conflict, FieldError, NotFound, ValidationFailed
from plugraph.graph.store import GraphStore
from plugraph.ids import new_id
from plugraph.marketplaces import store
from plugraph.marketplaces.channels import PluginVersions, is_prerelease, parse
from plugraph.marketplaces.models import ListingCreate, ListingPublic
from plugraph.security.principal import Principal


def ensure_active(marketplace: dict[str, Any]) -> None:
    if marketplace.get("status") != "active":
        raise Conflict(
            f"marketplace {marketplace['slug']!r} is archived; restore it before changing it"
        )


def listing_public(row: dict[str, Any], plugins: dict[str, PluginVersions]) -> ListingPublic:
    listing = dict(row["listing"])
    active = listing.get("removed_at") is None
    plugin = plugins.get(row["plugin"])
    resolved = (
        plugin.resolve(listing["channel"], listing.get("pinned_version"))
        if plugin is not None and plugin.installed and active
        else None
    )
    fields = set(ListingPublic.model_fields) - {
        "plugin",
        "plugin_name",
        "active",
        "resolved_version",
    }
    return ListingPublic(
        **{key: listing.get(key) for key in fields if key in listing},
        plugin=row["plugin"],
        plugin_name=row.get("plugin_name"),
        active=active,
        resolved_version=resolved.version if resolved else None,
    )


def pin_errors(plugin: PluginVersions, body: ListingCreate, at: str) -> list[FieldError]:
    pinned = body.pinned_version
    if pinned is None:
        return []
    pointer = f"{at}/pinned_version"
    if parse(pinned) is None:
        return [FieldError(pointer, f"{pinned!r} is not a semantic version (e.g. 1.4.0)")]
    if plugin.find(pinned) is None:
        return [FieldError(pointer, f"{plugin.slug} {pinned} is not installed on this host")]
    if body.channel == "stable" and is_prerelease(pinned):
        return [FieldError(pointer, f"{pinned} is a pre-release: pin it on the beta channel")]
    return []


class Listings:
    def __init__(self, graph: GraphStore) -> None:
        self.graph = graph

    def list(
        self,
        actor: Principal,
        marketplace_id: str,
        *,
        include_removed: bool,
        cursor: str | None,
        limit: int,
    ) -> Page[ListingPublic]:
        after = decode_cursor(cursor)

        def work(
            tx: ManagedTransaction,
        ) -> tuple[list[dict[str, Any]], dict[str, PluginVersions]]:
            store.get_tx(tx, actor.org_id, marketplace_id)
            rows = store.listings_tx(
                tx,
                actor.org_id,
                marketplace_id,
                include_removed=include_removed,
                after=after,
                limit=limit + 1,
            )
            return rows, store.plugin_versions_tx(tx, [row["plugin"] for row in rows])

        rows, plugins = self.graph.execute_read(work)
        return make_page(
            rows,
            limit,
            key=lambda row: str(row["listing"]["id"]),
            build=lambda row: listing_public(row, plugins),
        )

    def add(self, actor: Principal, marketplace_id: str, body: ListingCreate) -> ListingPublic:
        return self.graph.execute_write(lambda tx: self.add_tx(tx, actor, marketplace_id, body))

    def remove(self, actor: Principal, marketplace_id: str, plugin: str) -> ListingPublic:
        return self.graph.execute_write(
            lambda tx: self.remove_tx(tx, actor, marketplace_id, plugin)
        )

    def add_tx(
        self,
        tx: ManagedTransaction,
        actor: Principal,
        marketplace_id: str,
        body: ListingCreate,
        pointer: str = "",
    ) -> ListingPublic:
        org = actor.org_id
        ensure_active(store.lock_tx(tx, org, marketplace_id))
        plugin = store.plugin_versions_tx(tx, [body.plugin]).get(body.plugin)
        if plugin is None or not plugin.installed:
            raise NotFound(f"no installed plugin {body.plugin!r}")
        errors = pin_errors(plugin, body, pointer)
        if errors:
            raise ValidationFailed(f"cannot list {body.plugin} at that version", errors)
        existing = store.active_listing_tx(tx, org, marketplace_id, body.plugin)
        if existing is not None:
            raise Conflict(
                f"plugin {body.plugin!r} is already listed in this marketplace; "
                "remove that listing first",
                listing=existing,
            )
        props = {
            "id": new_id(),
            "_org": org,
            "membership_source": body.membership_source,
            "channel": body.channel,
            "added_at": utc_now(),
            "added_by": actor.subject,
        }
        if body.pinned_version is not None:
            props["pinned_version"] = body.pinned_version
        row = store.add_listing_tx(tx, org, marketplace_id, body.plugin, props)
        record(
            tx,
            actor,
            action="marketplace.list_plugin",
            target_kind="marketplace",
            target_id=marketplace_id,
            plugin=body.plugin,
            details={
                "listing": props["id"],
                "channel": body.channel,
                "pinned_version": body.pinned_version,
                "membership_source": body.membership_source,
            },
        )
        return listing_public(row, {plugin.slug: plugin})

    def remove_tx(
        self, tx: ManagedTransaction, actor: Principal, marketplace_id: str, plugin: str
    ) -> ListingPublic:
        org = actor.org_id
        ensure_active(store.lock_tx(tx, org, marketplace_id))
        row = store.remove_listing_tx(tx, org, marketplace_id, plugin, utc_now(), actor.subject)
        if row is None:
            raise NotFound(f"plugin {plugin!r} is not listed in this marketplace")
        record(
            tx,
            actor,
            action="marketplace.unlist_plugin",
            target_kind="marketplace",
            target_id=marketplace_id,
            plugin=plugin,
            details={"listing": row["listing"]["id"]},
        )
        return listing_public(row, {})
