"""The plugin registry: install, upgrade and uninstall manifests; look up declared labels.

Every mutation commits the plugin's nodes, its label claims, the registry version
bump and an audit event in one transaction. Graph indexes and constraints are schema
DDL, which cannot share a transaction with data: they are created before the
transaction (all ``IF NOT EXISTS``; the ones created now are dropped again if the
transaction fails) and obsolete ones are dropped after it commits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import structlog
from neo4j import ManagedTransaction
from neo4j.exceptions import ConstraintError

from plugraph.audit.recorder import record
from plugraph.clock import utc_now
from plugraph.errors import Conflict, FieldError, NotFound, ValidationFailed
from plugraph.graph.store import GraphStore
from plugraph.ids import new_id
from plugraph.manifests.label_schema import stored_properties
from plugraph.manifests.model import Manifest
from plugraph.manifests.versions import Version
from plugraph.registry import store as registry_store
from plugraph.registry.cache import RegistryCache
from plugraph.registry.checks import manifest_errors, ownership_conflict
from plugraph.registry.ddl import SchemaObject, drop_statement, label_objects
from plugraph.registry.plan import UpgradePlan, build_plan
from plugraph.registry.records import (
    DeclaredLabelInfo,
    InstalledPlugin,
    PluginInfo,
    PluginVersionInfo,
    manifest_from_json,
    manifest_json,
)
from plugraph.registry.runtime import EdgeLabelRuntime, VertexLabelRuntime
from plugraph.registry.sync import SyncOutcome, sync_directory
from plugraph.security.principal import Principal

log = structlog.get_logger(__name__)

RegistryEvent = Literal["install", "upgrade", "uninstall"]
Listener = Callable[[RegistryEvent, Manifest], None]


@dataclass(frozen=True)
class InstallResult:
    action: Literal["installed", "upgraded", "unchanged"]
    plugin: PluginInfo
    plan: UpgradePlan | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "plugin": self.plugin.as_dict(),
            "plan": self.plan.as_dict() if self.plan else None,
        }


class PluginRegistry:
    def __init__(self, store: GraphStore, *, check_interval: float = 1.0) -> None:
        self.store = store
        self._cache = RegistryCache(
            read_version=lambda: registry_store.read_version(store),
            read_snapshot=lambda: registry_store.read_snapshot(store),
            check_interval=check_interval,
        )
        self._listeners: list[Listener] = []

    # -- runtime lookups (hot paths; served from the per-process cache) --------

    def active_manifests(self) -> list[Manifest]:
        return [plugin.manifest for plugin in self._cache.snapshot().plugins.values()]

    def manifest(self, slug: str) -> Manifest:
        return self._installed(slug).manifest

    def vertex_label(self, slug: str, label: str) -> VertexLabelRuntime:
        runtime = self._cache.vertex(self._installed(slug), label)
        if runtime is None:
            raise NotFound(f"plugin {slug!r} declares no entity label {label!r}")
        return runtime

    def edge_label(self, slug: str, label: str) -> EdgeLabelRuntime:
        runtime = self._cache.edge(self._installed(slug), label)
        if runtime is None:
            raise NotFound(f"plugin {slug!r} declares no edge label {label!r}")
        return runtime

    def label_owner(self, label: str) -> str | None:
        """The slug of the installed plugin declaring ``label`` (vertex or edge), if any."""
        return self._cache.snapshot().owners.get(label)

    def version(self) -> int:
        return self._cache.snapshot().version

    def add_listener(self, callback: Listener) -> None:
        """Call ``callback(event, manifest)`` after each install/upgrade/uninstall this
        process commits. Other processes learn of changes through ``active_manifests()``
        (within ``check_interval``); listeners are not called for those."""
        self._listeners.append(callback)

    def _installed(self, slug: str) -> InstalledPlugin:
        plugin = self._cache.snapshot().plugins.get(slug)
        if plugin is None:
            raise NotFound(f"no installed plugin {slug!r}")
        return plugin

    # -- reads for the admin API (straight from the graph) ---------------------

    def list(self) -> list[PluginInfo]:
        return registry_store.list_plugins(self.store)

    def get(self, slug: str) -> tuple[PluginInfo, Manifest | None]:
        found = registry_store.get_plugin(self.store, slug)
        if found is None:
            raise NotFound(f"no plugin {slug!r}")
        info, stored = found
        return info, manifest_from_json(stored) if stored else None

    def versions(self, slug: str) -> list[PluginVersionInfo]:
        versions = registry_store.plugin_versions(self.store, slug)
        if not versions:
            raise NotFound(f"no plugin {slug!r}")
        return versions

    # -- checks -----------------------------------------------------------------

    def check(self, manifest: Manifest) -> list[FieldError]:
        """Every host-level problem with ``manifest``, labels owned by others included."""
        return self._host_errors(manifest) + self._ownership_errors(manifest)

    def _host_errors(self, manifest: Manifest) -> list[FieldError]:
        others = frozenset(
            vertex.name
            for plugin in self._cache.snapshot().plugins.values()
            if plugin.slug != manifest.slug
            for vertex in plugin.manifest.vertex_labels
        )
        return manifest_errors(manifest, others)

    def _ownership_errors(self, manifest: Manifest) -> list[FieldError]:
        owners = self._cache.snapshot().owners
        errors = []
        for kind, labels in (
            ("vertex_labels", manifest.vertex_labels),
            ("edge_labels", manifest.edge_labels),
        ):
            for i, label in enumerate(labels):
                owner = owners.get(label.name)
                if owner is not None and owner != manifest.slug:
                    message = f"{label.name} is owned by plugin {owner}"
                    errors.append(FieldError(f"/{kind}/{i}/name", message))
        return errors

    def plan(self, manifest: Manifest) -> UpgradePlan:
        """What installing ``manifest`` would change, checked against stored data."""
        found = registry_store.get_plugin(self.store, manifest.slug)
        previous = manifest_from_json(found[1]) if found and found[1] else None
        return build_plan(self.store, previous, manifest, arcadedb=self.store.dialect.is_arcadedb)

    # -- mutations ----------------------------------------------------------------

    def install(self, manifest: Manifest, actor: Principal, force: bool = False) -> InstallResult:
        """Install ``manifest``, or upgrade to it when its plugin is installed.

        Refused: 422 with every host-level problem; 409 when another plugin owns one of
        its labels, when the installed version equals this one with other content, when
        it is older (a downgrade) or when the plan is breaking, the last two unless
        ``force``. Installing the installed manifest again changes nothing.
        """
        found = registry_store.get_plugin(self.store, manifest.slug)
        info, stored = found if found else (None, None)
        installed = info is not None and info.status == "installed"
        if installed and info is not None:
            unchanged = self._compare_versions(info, stored, manifest, force)
            if unchanged:
                return InstallResult("unchanged", info, None)
        errors = self._host_errors(manifest)
        if errors:
            raise ValidationFailed(f"plugin {manifest.slug} cannot be installed", errors)
        self._refuse_owned_labels(manifest)
        previous = manifest_from_json(stored) if stored else None
        plan = build_plan(self.store, previous, manifest, arcadedb=self.store.dialect.is_arcadedb)
        if plan.breaking and not force:
            raise Conflict(
                f"upgrading {manifest.slug} to {manifest.version} is breaking; "
                "review the plan and retry with force",
                plan=plan.as_dict(),
            )
        event: RegistryEvent = "upgrade" if installed else "install"
        previous_version = info.current_version if info else None
        planned_against = info.current_version_id if info else None
        created, obsolete = self._create_schema(manifest)

        def work(tx: ManagedTransaction) -> None:
            if registry_store.current_version_tx(tx, manifest.slug) != planned_against:
                raise Conflict(f"{manifest.slug} was changed concurrently; plan and retry")
            self._write_version(tx, manifest, actor)
            record(
                tx,
                actor,
                action=f"plugin.{event}",
                target_kind="plugin",
                target_id=manifest.slug,
                plugin=manifest.slug,
                details={
                    "version": manifest.version,
                    "from_version": previous_version,
                    "force": force,
                    "breaking": plan.breaking,
                },
            )

        try:
            self._write(work)
        except BaseException:
            self._drop(created)
            raise
        self._drop(obsolete)
        self._committed(event, manifest)
        info, _ = self.get(manifest.slug)
        return InstallResult("upgraded" if installed else "installed", info, plan)

    def upgrade(self, manifest: Manifest, actor: Principal, force: bool = False) -> InstallResult:
        """Like :meth:`install`, for a plugin that must already be installed (404 if not)."""
        found = registry_store.get_plugin(self.store, manifest.slug)
        if found is None or found[0].status != "installed":
            raise NotFound(f"plugin {manifest.slug!r} is not installed")
        return self.install(manifest, actor, force=force)

    def sync_directory(self, path: Path, actor: Principal) -> list[SyncOutcome]:
        """Install or upgrade the manifests under ``path`` when newer (see ``registry.sync``)."""
        return sync_directory(self, path, actor)

    def uninstall(self, slug: str, actor: Principal) -> PluginInfo:
        """Release the plugin's labels; its entities stay in the graph, orphaned
        (``MATCH (n:PluginEntity {_plugin: $slug})`` finds them)."""
        found = registry_store.get_plugin(self.store, slug)
        if found is None or found[0].status != "installed" or found[1] is None:
            raise NotFound(f"no installed plugin {slug!r}")
        info, stored = found
        manifest = manifest_from_json(stored)

        def work(tx: ManagedTransaction) -> None:
            registry_store.uninstall_tx(tx, slug, utc_now())
            registry_store.bump_version_tx(tx)
            record(
                tx,
                actor,
                action="plugin.uninstall",
                target_kind="plugin",
                target_id=slug,
                plugin=slug,
                details={"version": info.current_version},
            )

        self._write(work)
        self._committed("uninstall", manifest)
        return self.get(slug)[0]

    # -- internals ----------------------------------------------------------------

    @staticmethod
    def _compare_versions(
        info: PluginInfo, stored: str | None, manifest: Manifest, force: bool
    ) -> bool:
        """True when ``manifest`` is exactly what is installed; raises on a refused change."""
        current, wanted = Version.parse(info.current_version), Version.parse(manifest.version)
        if wanted == current:
            if stored == manifest_json(manifest):
                return True
            raise Conflict(
                f"{manifest.slug} {manifest.version} is installed with different content; "
                "a changed manifest needs a new version"
            )
        if wanted < current and not force:
            raise Conflict(
                f"{manifest.slug} {info.current_version} is installed; installing the older "
                f"{manifest.version} is a downgrade (retry with force)"
            )
        return False

    def _refuse_owned_labels(self, manifest: Manifest) -> None:
        names = [v.name for v in manifest.vertex_labels] + [e.name for e in manifest.edge_labels]
        owners = self.store.execute_read(lambda tx: registry_store.label_owners_tx(tx, names))
        conflict = ownership_conflict(manifest.slug, owners)
        if conflict is not None:
            raise conflict

    def _write_version(self, tx: ManagedTransaction, manifest: Manifest, actor: Principal) -> None:
        wanted = [DeclaredLabelInfo(v.name, "vertex") for v in manifest.vertex_labels]
        wanted += [DeclaredLabelInfo(e.name, "edge") for e in manifest.edge_labels]
        owners = registry_store.label_owners_tx(tx, [label.name for label in wanted])
        conflict = ownership_conflict(manifest.slug, owners)
        if conflict is not None:
            raise conflict
        now = utc_now()
        registry_store.upsert_plugin_tx(
            tx,
            slug=manifest.slug,
            name=manifest.name,
            now=now,
            version={
                "id": new_id(),
                "slug": manifest.slug,
                "version": manifest.version,
                "manifest": manifest_json(manifest),
                "installed_at": now,
                "installed_by": actor.subject,
            },
        )
        held = [name for name, (owner, _kind) in owners.items() if owner == manifest.slug]
        registry_store.sync_labels_tx(tx, manifest.slug, wanted, held)
        registry_store.bump_version_tx(tx)

    def _write(self, work: Callable[[ManagedTransaction], None]) -> None:
        try:
            self.store.execute_write(work)
        except ConstraintError as exc:
            # Another process claimed one of the labels between our check and our commit.
            raise Conflict(
                f"a label of this plugin was claimed concurrently: {exc.message}"
            ) from None

    def _create_schema(
        self, manifest: Manifest
    ) -> tuple[list[SchemaObject], list[tuple[str, str]]]:
        """Create the derived indexes/constraints; returns (created now, now obsolete).

        Reads only the schema objects on this manifest's vertex labels or named like the
        ones it wants (the database filters them), so the cost of an install does not grow
        with the number of installed plugins; read fresh on every install because other
        processes may create or drop objects too.
        """
        labels = {vertex.name for vertex in manifest.vertex_labels}
        desired = [
            obj
            for vertex in manifest.vertex_labels
            for obj in label_objects(vertex, stored_properties(vertex.json_schema))
        ]
        if not labels:
            return [], []
        existing = registry_store.schema_object_names(
            self.store, labels, [obj.name for obj in desired]
        )
        created: list[SchemaObject] = []
        try:
            for obj in desired:
                if obj.name in existing:
                    continue
                self.store.run_schema(obj.statement)
                created.append(obj)
            if created and self.store.dialect.index_wait_statement:
                self.store.run_schema(self.store.dialect.index_wait_statement)
        except ConstraintError:
            self._drop(created)
            raise Conflict(
                f"stored {obj.label} entities violate the new unique index {obj.name}; "
                "resolve the duplicates first (see the upgrade plan)"
            ) from None
        wanted = {obj.name for obj in desired}
        obsolete = [
            (name, kind)
            for name, (kind, on_labels) in existing.items()
            if on_labels & labels and name not in wanted
        ]
        return created, obsolete

    def _drop(self, objects: list[SchemaObject] | list[tuple[str, str]]) -> None:
        for item in objects:
            name, kind = (item.name, item.kind) if isinstance(item, SchemaObject) else item
            try:
                self.store.run_schema(drop_statement(name, kind))  # type: ignore[arg-type]
            except Exception:  # best effort: a leftover index is harmless and logged
                log.warning("registry.drop_failed", name=name, exc_info=True)

    def _committed(self, event: RegistryEvent, manifest: Manifest) -> None:
        self._cache.invalidate()
        for listener in list(self._listeners):
            try:
                listener(event, manifest)
            except Exception:
                log.exception("registry.listener_failed", registry_event=event, slug=manifest.slug)
