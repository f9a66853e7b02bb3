"""The per-process view of the registry, invalidated by the version counter in the graph.

Every install, upgrade and uninstall increments ``(:RegistryState {id: 'registry'}).version``
in its own transaction. A process re-reads that counter at most once per
``check_interval`` seconds and reloads every installed manifest when it moved, so a
change made through any process is honoured by all within ``check_interval`` (plus
one read). Compiled validators are kept per (plugin, label, plugin version id): a
reload does not recompile labels whose version did not change.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from plugraph.manifests.entity_schema import compile_entity_schema
from plugraph.manifests.label_schema import stored_properties
from plugraph.registry.fields import is_indexable
from plugraph.registry.records import InstalledPlugin, RegistrySnapshot
from plugraph.registry.runtime import EdgeLabelRuntime, VertexLabelRuntime

RuntimeKey = tuple[str, str, str]  # (plugin slug, label, plugin version id)


class RegistryCache:
    def __init__(
        self,
        read_version: Callable[[], int],
        read_snapshot: Callable[[], RegistrySnapshot],
        check_interval: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._read_version = read_version
        self._read_snapshot = read_snapshot
        self.check_interval = check_interval
        self._clock = clock
        self._lock = threading.Lock()
        self._snapshot: RegistrySnapshot | None = None
        self._checked_at = 0.0
        self._vertices: dict[RuntimeKey, VertexLabelRuntime] = {}
        self._edges: dict[RuntimeKey, EdgeLabelRuntime] = {}

    def snapshot(self) -> RegistrySnapshot:
        """The current view; re-checks the graph's counter when the interval has passed."""
        snapshot = self._snapshot
        now = self._clock()
        if snapshot is not None and now - self._checked_at < self.check_interval:
            return snapshot
        with self._lock:
            if (
                self._snapshot is not None
                and self._clock() - self._checked_at < self.check_interval
            ):
                return self._snapshot
            if self._snapshot is None or self._read_version() != self._snapshot.version:
                self._install(self._read_snapshot())
            self._checked_at = self._clock()
            assert self._snapshot is not None
            return self._snapshot

    def invalidate(self) -> None:
        """Make the next lookup re-check the graph (after a change made by this process)."""
        with self._lock:
            self._checked_at = float("-inf")

    def vertex(self, plugin: InstalledPlugin, label: str) -> VertexLabelRuntime | None:
        key = (plugin.slug, label, plugin.version_id)
        runtime = self._vertices.get(key)
        if runtime is not None:
            return runtime
        declared = plugin.manifest.vertex_label(label)
        if declared is None:
            return None
        fields = stored_properties(declared.json_schema)
        indexed = {name for index in declared.indexes for name in index.fields}
        runtime = VertexLabelRuntime(
            plugin=plugin.slug,
            plugin_version=plugin.version,
            label=declared,
            validator=compile_entity_schema(declared.json_schema),
            fields=fields,
            indexed=frozenset(
                name for name in indexed if name in fields and is_indexable(fields[name])
            ),
        )
        with self._lock:
            return self._vertices.setdefault(key, runtime)

    def edge(self, plugin: InstalledPlugin, label: str) -> EdgeLabelRuntime | None:
        key = (plugin.slug, label, plugin.version_id)
        runtime = self._edges.get(key)
        if runtime is not None:
            return runtime
        declared = plugin.manifest.edge_label(label)
        if declared is None:
            return None
        runtime = EdgeLabelRuntime(
            plugin=plugin.slug,
            plugin_version=plugin.version,
            label=declared,
            validator=compile_entity_schema(declared.json_schema)
            if declared.json_schema is not None
            else None,
        )
        with self._lock:
            return self._edges.setdefault(key, runtime)

    def _install(self, snapshot: RegistrySnapshot) -> None:
        live = {(p.slug, p.version_id) for p in snapshot.plugins.values()}
        self._vertices = {k: v for k, v in self._vertices.items() if (k[0], k[2]) in live}
        self._edges = {k: v for k, v in self._edges.items() if (k[0], k[2]) in live}
        self._snapshot = snapshot
