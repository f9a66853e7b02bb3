"""The registry's graph access: every Cypher text it runs, by name, with its parameters.

Read functions take the store; ``*_tx`` functions run inside the caller's managed
transaction so a registry change, its version bump and its audit event commit together.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from weakref import WeakKeyDictionary

from neo4j import ManagedTransaction

from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.registry.records import (
    DeclaredLabelInfo,
    InstalledPlugin,
    PluginInfo,
    PluginVersionInfo,
    RegistrySnapshot,
    manifest_from_json,
)


def read_version(store: GraphStore) -> int:
    return int(store.read(QUERIES.text("registry/state_get"))[0]["version"])


# Per store: the installed plugins of the last snapshot read, by plugin version id. A
# version's manifest never changes, so a reload after one install fetches and parses only
# that plugin's manifest, not every installed one.
_PARSED: WeakKeyDictionary[GraphStore, dict[str, InstalledPlugin]] = WeakKeyDictionary()


def read_snapshot(store: GraphStore) -> RegistrySnapshot:
    """The counter and every installed plugin, read in one transaction (consistent).

    Manifests already parsed for an earlier snapshot of this store are reused by version
    id; only new versions' manifests are read and parsed.
    """
    parsed = _PARSED.get(store, {})

    def work(tx: ManagedTransaction) -> tuple[int, dict[str, InstalledPlugin]]:
        version = int(tx.run(QUERIES.text("registry/state_get")).single(strict=True)["version"])
        rows = tx.run(QUERIES.text("registry/active_versions")).single(strict=True)["plugins"]
        missing = [row["version_id"] for row in rows if row["version_id"] not in parsed]
        manifests = (
            {
                row["version_id"]: row["manifest"]
                for row in tx.run(QUERIES.text("registry/version_manifests"), ids=missing)
            }
            if missing
            else {}
        )
        plugins: dict[str, InstalledPlugin] = {}
        for row in rows:
            known = parsed.get(row["version_id"])
            if known is not None:
                plugins[row["slug"]] = known
            elif row["version_id"] in manifests:
                plugins[row["slug"]] = InstalledPlugin(
                    slug=row["slug"],
                    version=row["version"],
                    version_id=row["version_id"],
                    manifest=manifest_from_json(manifests[row["version_id"]]),
                )
        return version, plugins

    version, plugins = store.execute_read(work)
    _PARSED[store] = {plugin.version_id: plugin for plugin in plugins.values()}
    return RegistrySnapshot(version=version, plugins=plugins)


def list_plugins(store: GraphStore) -> list[PluginInfo]:
    rows = store.read(QUERIES.text("registry/plugin_list"))
    return [PluginInfo.from_row(row["plugin"], row["labels"]) for row in rows]


def get_plugin(store: GraphStore, slug: str) -> tuple[PluginInfo, str | None] | None:
    """The plugin and the stored JSON of its current manifest, or None if unknown."""
    rows = store.read(QUERIES.text("registry/plugin_get"), {"slug": slug})
    if not rows:
        return None
    row = rows[0]
    return PluginInfo.from_row(row["plugin"], row["labels"]), row["manifest"]


def plugin_versions(store: GraphStore, slug: str) -> list[PluginVersionInfo]:
    rows = store.read(QUERIES.text("registry/plugin_versions"), {"slug": slug})
    return [
        PluginVersionInfo(
            id=row["version"]["id"],
            slug=row["version"]["slug"],
            version=row["version"]["version"],
            installed_at=row["version"]["installed_at"],
            installed_by=row["version"]["installed_by"],
            current=bool(row["current"]),
        )
        for row in rows
    ]


def label_owners_tx(tx: ManagedTransaction, names: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Declared name -> (owning plugin slug, kind) for the given names."""
    rows = tx.run(QUERIES.text("registry/label_owners"), names=sorted(set(names))).data()
    return {row["name"]: (row["plugin"], row["kind"]) for row in rows}


def current_version_tx(tx: ManagedTransaction, slug: str) -> str | None:
    """Lock the plugin and return its current version id (None for a new plugin)."""
    row = tx.run(QUERIES.text("registry/plugin_lock"), slug=slug).single()
    return str(row["current_version_id"]) if row else None


def upsert_plugin_tx(
    tx: ManagedTransaction, *, slug: str, name: str, now: str, version: dict[str, Any]
) -> None:
    tx.run(
        QUERIES.text("registry/plugin_upsert"), slug=slug, name=name, now=now, version=version
    ).consume()


def sync_labels_tx(
    tx: ManagedTransaction,
    slug: str,
    wanted: Iterable[DeclaredLabelInfo],
    already_declared: Iterable[str],
) -> None:
    """Release labels no longer declared, update kept ones and claim the new ones."""
    wanted = list(wanted)
    held = set(already_declared)
    keep = [label.name for label in wanted if label.name in held]
    tx.run(QUERIES.text("registry/labels_release"), slug=slug, keep=keep).consume()
    kept = [label.as_dict() for label in wanted if label.name in held]
    if kept:
        tx.run(QUERIES.text("registry/labels_update"), slug=slug, labels=kept).consume()
    new = [label.as_dict() | {"plugin": slug} for label in wanted if label.name not in held]
    if new:
        tx.run(QUERIES.text("registry/labels_claim"), slug=slug, labels=new).consume()


def uninstall_tx(tx: ManagedTransaction, slug: str, now: str) -> None:
    tx.run(QUERIES.text("registry/labels_release"), slug=slug, keep=[]).consume()
    tx.run(QUERIES.text("registry/plugin_uninstall"), slug=slug, now=now).consume()


def bump_version_tx(tx: ManagedTransaction) -> int:
    return int(tx.run(QUERIES.text("registry/state_bump")).single(strict=True)["version"])


def entity_counts(store: GraphStore, plugin: str, label: str) -> dict[str, int]:
    """Stored entities of one label per org (entities of any plugin version)."""
    rows = store.read(QUERIES.render("registry/entity_counts", label=label), {"plugin": plugin})
    return {str(row["org"]): int(row["count"]) for row in rows}


def entity_batches(
    store: GraphStore, plugin: str, label: str, batch_size: int
) -> Iterable[list[dict[str, Any]]]:
    """Every stored entity of one label (all orgs) as node properties, in id order."""
    query = QUERIES.render("registry/entity_batch", label=label)
    after = ""
    while True:
        rows = store.read(query, {"plugin": plugin, "after": after, "limit": batch_size})
        if not rows:
            return
        yield [row["props"] for row in rows]
        if len(rows) < batch_size:
            return
        after = rows[-1]["id"]


def edge_count(store: GraphStore, rel: str) -> int:
    return int(store.read(QUERIES.render("registry/edge_count", rel=rel))[0]["count"])


def edge_degree_violations(store: GraphStore, rel: str, side: str, maximum: int) -> int:
    name = "registry/edge_fanout" if side == "source" else "registry/edge_fanin"
    return int(store.read(QUERIES.render(name, rel=rel), {"max": maximum})[0]["violating"])


def schema_object_names(
    store: GraphStore, labels: Iterable[str], names: Iterable[str]
) -> dict[str, tuple[str, frozenset[str]]]:
    """Derived (``pg_``) constraints and indexes on any of ``labels`` or named one of
    ``names`` -> (kind, labels). The database filters them, so the rows read do not grow
    with the number of installed plugins."""
    params = {"labels": sorted(set(labels)), "names": sorted(set(names))}
    found: dict[str, tuple[str, frozenset[str]]] = {}
    with store.session(read=True) as session:
        for kind, query in (
            ("constraint", "registry/schema_constraints"),
            ("index", "registry/schema_indexes"),
        ):
            for row in session.run(QUERIES.text(query), params).data():
                found[row["name"]] = (kind, frozenset(row["labels"] or ()))
    return found
