"""Start-up sync of a manifests directory: install when new or newer, never clobber."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from plugraph.errors import ConfigError
from plugraph.registry.service import PluginRegistry
from plugraph.security.principal import system_principal
from tests.conftest import REPO_ROOT
from tests.registry.conftest import widgets

ACTOR = system_principal("org-1", "org-1")


def write_plugin(root: Path, document: dict) -> None:
    folder = root / document["slug"]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plugin.json").write_text(json.dumps(document))


def actions(outcomes) -> dict[str, str]:
    return {outcome.slug: outcome.action for outcome in outcomes}


def test_the_bundled_example_manifests_install_and_a_second_sync_changes_nothing(store):
    registry = PluginRegistry(store, check_interval=0)

    first = registry.sync_directory(REPO_ROOT / "manifests", ACTOR)
    assert set(actions(first).values()) == {"installed"}, [(o.slug, o.reason) for o in first]
    assert {"aws-iam-ic", "github", "pagerduty"} <= {m.slug for m in registry.active_manifests()}

    second = registry.sync_directory(REPO_ROOT / "manifests", ACTOR)
    assert set(actions(second).values()) == {"unchanged"}


def test_newer_versions_upgrade_and_same_version_edits_are_left_alone(store, tmp_path, caplog):
    registry = PluginRegistry(store, check_interval=0)
    write_plugin(tmp_path, widgets("1.0.0"))
    assert actions(registry.sync_directory(tmp_path, ACTOR)) == {"widgets": "installed"}

    write_plugin(tmp_path, widgets("1.0.0", description="edited without a new version"))
    outcome = registry.sync_directory(tmp_path, ACTOR)[0]
    assert outcome.action == "skipped" and "new version" in outcome.reason
    assert registry.manifest("widgets").description == ""

    write_plugin(tmp_path, widgets("1.1.0", description="edited"))
    assert actions(registry.sync_directory(tmp_path, ACTOR)) == {"widgets": "upgraded"}
    assert registry.manifest("widgets").version == "1.1.0"

    write_plugin(tmp_path, widgets("1.0.5"))
    outcome = registry.sync_directory(tmp_path, ACTOR)[0]
    assert outcome.action == "skipped" and "newer" in outcome.reason


def test_an_uninstalled_plugin_is_not_reinstalled_and_a_broken_one_does_not_stop_the_rest(
    store, tmp_path
):
    registry = PluginRegistry(store, check_interval=0)
    write_plugin(tmp_path, widgets())
    registry.sync_directory(tmp_path, ACTOR)
    registry.uninstall("widgets", ACTOR)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "plugin.yaml").write_text(yaml.safe_dump({"slug": "broken"}))

    outcomes = actions(registry.sync_directory(tmp_path, ACTOR))

    assert outcomes == {"broken": "failed", "widgets": "skipped"}
    assert registry.active_manifests() == []


def test_dependencies_install_first(store, tmp_path):
    shutil.copytree(REPO_ROOT / "manifests", tmp_path, dirs_exist_ok=True)
    registry = PluginRegistry(store, check_interval=0)
    outcomes = registry.sync_directory(tmp_path, ACTOR)
    order = [o.slug for o in outcomes]
    for outcome in outcomes:
        manifest = registry.manifest(outcome.slug)
        for dependency in manifest.dependencies:
            assert order.index(dependency.slug) < order.index(outcome.slug)


def test_a_missing_directory_is_an_error_naming_the_setting(store, tmp_path):
    registry = PluginRegistry(store, check_interval=0)
    with pytest.raises(ConfigError, match="PLUGRAPH_MANIFESTS_DIR"):
        registry.sync_directory(tmp_path / "nowhere", ACTOR)
