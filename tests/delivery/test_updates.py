"""The check-updates planner: install, upgrade, downgrade, remove."""

from __future__ import annotations

from plugraph.delivery.reach import Offer, Path
from plugraph.delivery.updates import plan_updates
from plugraph.marketplaces.channels import PluginVersions, VersionRef


def _offer(slug: str, *versions: str, channel: str = "stable", pinned: str | None = None) -> Offer:
    refs = tuple(
        VersionRef(id=f"{slug}-{v}", version=v, installed_at=str(i)) for i, v in enumerate(versions)
    )
    plugin = PluginVersions(slug=slug, name=slug, status="installed", versions=refs)
    path = Path(
        kind="plugin",
        channel=channel,
        role="viewer",
        subject="org:o",
        pinned_version=pinned,
        version=plugin.resolve(channel, pinned),
    )  # type: ignore[arg-type]
    return Offer(plugin, (path,))


def _plan(installed: dict[str, str], offers: list[Offer], include_new: bool = False):
    planned = plan_updates(installed, {o.slug: o for o in offers}, include_new=include_new)
    return [
        (p.action, p.plugin, p.installed_version, p.target.version if p.target else None)
        for p in planned
    ]


def test_each_kind_of_action():
    offers = [
        _offer("same", "1.0.0"),
        _offer("newer", "1.0.0", "1.1.0"),
        _offer("pinned", "1.0.0", "2.0.0", pinned="1.0.0"),
        _offer("fresh", "0.1.0"),
    ]
    installed = {"same": "1.0.0", "newer": "1.0.0", "pinned": "2.0.0", "lost": "3.0.0"}
    assert _plan(installed, offers) == [
        ("remove", "lost", "3.0.0", None),
        ("upgrade", "newer", "1.0.0", "1.1.0"),
        ("downgrade", "pinned", "2.0.0", "1.0.0"),
    ]
    assert ("install", "fresh", None, "0.1.0") in _plan(installed, offers, include_new=True)


def test_a_reachable_plugin_without_a_fitting_version_is_removed_and_never_installed():
    offers = [_offer("early", "0.1.0-alpha.1")]  # stable channel: nothing fits
    assert _plan({"early": "0.1.0-alpha.1"}, offers) == [("remove", "early", "0.1.0-alpha.1", None)]
    assert _plan({}, offers, include_new=True) == []


def test_build_metadata_does_not_make_an_update():
    assert _plan({"same": "1.0.0+local"}, [_offer("same", "1.0.0")]) == []
