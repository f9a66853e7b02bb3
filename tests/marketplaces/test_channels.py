"""Channel resolution: stable skips pre-releases, beta includes them, pins fix the answer."""

from __future__ import annotations

from plugraph.marketplaces.channels import PluginVersions, VersionRef, is_prerelease, newest


def _plugin(*versions: str) -> PluginVersions:
    refs = tuple(
        VersionRef(id=f"v{i}", version=v, installed_at=f"2026-01-0{i + 1}")
        for i, v in enumerate(versions)
    )
    return PluginVersions(slug="alpha", name="Alpha", status="installed", versions=refs)


def test_stable_is_the_newest_release_and_beta_the_newest_of_all():
    plugin = _plugin("1.0.0", "1.10.0", "1.9.0", "2.0.0-beta.1", "2.0.0-alpha.3")
    assert plugin.resolve("stable").version == "1.10.0"  # semver order, not text order
    assert plugin.resolve("beta").version == "2.0.0-beta.1"


def test_a_release_outranks_its_prereleases():
    plugin = _plugin("2.0.0-rc.1", "2.0.0")
    assert plugin.resolve("beta").version == "2.0.0"
    assert newest(["2.0.0-rc.2", "2.0.0-rc.10", "2.0.0-rc.9"]) == "2.0.0-rc.10"


def test_pins_fix_the_version_and_unknown_pins_resolve_to_nothing():
    plugin = _plugin("1.0.0", "1.1.0")
    assert plugin.resolve("stable", "1.0.0").version == "1.0.0"
    assert plugin.resolve("stable", "3.0.0") is None


def test_no_release_means_nothing_on_stable():
    plugin = _plugin("0.1.0-alpha.1")
    assert plugin.resolve("stable") is None
    assert plugin.resolve("beta").version == "0.1.0-alpha.1"
    assert _plugin().resolve("beta") is None


def test_a_version_installed_twice_resolves_to_its_latest_node():
    plugin = _plugin("1.0.0", "1.0.0")
    assert plugin.find("1.0.0").id == "v1"


def test_prerelease_detection():
    assert is_prerelease("1.3.0-beta.1")
    assert not is_prerelease("1.3.0")
    assert not is_prerelease("1.3.0+build.5")
    assert not is_prerelease("not-a-version")
