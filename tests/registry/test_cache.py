"""Per-process registry caches, invalidated through the version counter in the graph."""

from __future__ import annotations

import pytest

from plugraph.errors import NotFound
from plugraph.graph.store import ConnectionSettings, GraphStore
from plugraph.registry import store as registry_store
from plugraph.registry.cache import RegistryCache
from plugraph.registry.records import RegistrySnapshot
from plugraph.registry.service import PluginRegistry
from plugraph.security.principal import system_principal
from tests.registry.conftest import manifest, widgets

ACTOR = system_principal("org-1", "org-1")


@pytest.fixture
def second_store(store: GraphStore, arcadedb):
    """Another driver on the same database: what another API process would hold."""
    other = GraphStore.connect(
        ConnectionSettings(arcadedb.bolt_uri, arcadedb.user, arcadedb.password, store.database)
    )
    yield other
    other.close()


def test_an_install_through_one_process_is_seen_by_another(store, second_store):
    first = PluginRegistry(store, check_interval=0)
    second = PluginRegistry(second_store, check_interval=0)
    assert second.active_manifests() == []

    first.install(manifest(widgets()), ACTOR)

    assert [m.slug for m in second.active_manifests()] == ["widgets"]
    assert second.vertex_label("widgets", "Widget").plugin_version == "1.0.0"
    assert second.label_owner("PART_OF") == "widgets"

    first.install(manifest(widgets("1.1.0")), ACTOR)
    assert second.vertex_label("widgets", "Widget").plugin_version == "1.1.0"

    first.uninstall("widgets", ACTOR)
    with pytest.raises(NotFound):
        second.vertex_label("widgets", "Widget")
    assert second.label_owner("Widget") is None


def test_a_process_rechecks_at_most_once_per_interval(store, second_store):
    first = PluginRegistry(store, check_interval=0)
    second = PluginRegistry(second_store, check_interval=3600)
    assert second.active_manifests() == []

    first.install(manifest(widgets()), ACTOR)

    assert second.active_manifests() == []  # within the interval: the cached view
    second._cache.invalidate()
    assert [m.slug for m in second.active_manifests()] == ["widgets"]


def test_the_installing_process_sees_its_change_at_once(store):
    registry = PluginRegistry(store, check_interval=3600)
    assert registry.active_manifests() == []
    registry.install(manifest(widgets()), ACTOR)
    assert [m.slug for m in registry.active_manifests()] == ["widgets"]


def test_validators_are_compiled_once_per_plugin_label_and_version(store):
    registry = PluginRegistry(store, check_interval=0)
    registry.install(manifest(widgets()), ACTOR)

    first = registry.vertex_label("widgets", "Widget")
    assert registry.vertex_label("widgets", "Widget").validator is first.validator
    registry.install(manifest(widgets("1.0.1")), ACTOR)
    assert registry.vertex_label("widgets", "Widget").validator is not first.validator
    assert registry.edge_label("widgets", "PART_OF").validator is None
    with pytest.raises(NotFound):
        registry.edge_label("widgets", "NOPE")


def test_the_counter_is_read_only_when_the_interval_has_passed():
    now = [0.0]
    reads: list[str] = []

    def read_version() -> int:
        reads.append("version")
        return 0

    def read_snapshot() -> RegistrySnapshot:
        reads.append("snapshot")
        return RegistrySnapshot(version=0)

    cache = RegistryCache(read_version, read_snapshot, check_interval=1.0, clock=lambda: now[0])
    cache.snapshot()
    cache.snapshot()
    now[0] = 0.5
    cache.snapshot()
    assert reads == ["snapshot"]
    now[0] = 1.5
    cache.snapshot()
    assert reads == ["snapshot", "version"]


def test_listeners_are_called_after_each_committed_change(store):
    registry = PluginRegistry(store, check_interval=0)
    events: list[tuple[str, str, str]] = []
    registry.add_listener(lambda event, m: events.append((event, m.slug, m.version)))

    registry.install(manifest(widgets()), ACTOR)
    registry.install(manifest(widgets()), ACTOR)  # unchanged: no event
    registry.install(manifest(widgets("1.1.0")), ACTOR)
    registry.uninstall("widgets", ACTOR)

    assert events == [
        ("install", "widgets", "1.0.0"),
        ("upgrade", "widgets", "1.1.0"),
        ("uninstall", "widgets", "1.1.0"),
    ]


def test_a_reload_parses_only_the_manifests_of_changed_plugins(store, second_store, monkeypatch):
    first = PluginRegistry(store, check_interval=0)
    second = PluginRegistry(second_store, check_interval=0)
    first.install(manifest(widgets()), ACTOR)
    gizmos = widgets(slug="gizmos", edge_labels=[])
    gizmos["vertex_labels"][0]["name"] = "Gizmo"
    first.install(manifest(gizmos), ACTOR)
    for registry in (first, second):  # both processes hold the two plugins
        assert {m.slug for m in registry.active_manifests()} == {"widgets", "gizmos"}
    parsed: list[str] = []
    original = registry_store.manifest_from_json

    def counting(text: str):
        found = original(text)
        parsed.append(f"{found.slug} {found.version}")
        return found

    monkeypatch.setattr(registry_store, "manifest_from_json", counting)

    first.install(manifest(widgets("1.1.0")), ACTOR)
    assert {m.slug: m.version for m in second.active_manifests()} == {
        "widgets": "1.1.0",
        "gizmos": "1.0.0",
    }
    assert parsed == ["widgets 1.1.0"]

    first.uninstall("gizmos", ACTOR)
    assert [m.slug for m in second.active_manifests()] == ["widgets"]
    assert second.label_owner("Widget") == "widgets"
    assert parsed == ["widgets 1.1.0"]
