"""Which plugins users reach, through which paths, and which version each path offers.

A path is an active grant to the user, to one of the user's teams, or to the whole org:
on an active marketplace (then one path per active listing of it) or directly on an
installed plugin (resolved on the stable channel). ``cypher/delivery/reach.cypher``
finds the paths; versions are resolved here by :mod:`plugraph.marketplaces.channels`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Literal

from neo4j import ManagedTransaction

from plugraph.graph.queries import QUERIES
from plugraph.marketplaces.channels import Channel, PluginVersions, VersionRef, newest
from plugraph.marketplaces.store import plugin_versions_tx


@dataclass(frozen=True)
class Path:
    """One way a user reaches a plugin, and the version it resolves to."""

    kind: Literal["marketplace", "plugin"]
    channel: Channel
    role: str
    subject: str
    marketplace_id: str | None = None
    marketplace_slug: str | None = None
    pinned_version: str | None = None
    version: VersionRef | None = None


@dataclass(frozen=True)
class Offer:
    """A plugin as one user reaches it: every path, and the version to install."""

    plugin: PluginVersions
    paths: tuple[Path, ...]

    @property
    def slug(self) -> str:
        return self.plugin.slug

    @property
    def version(self) -> VersionRef | None:
        """The newest version any path offers (None when no path's channel or pin fits)."""
        refs = {path.version.version: path.version for path in self.paths if path.version}
        best = newest(refs)
        return refs[best] if best is not None else None

    @property
    def offered(self) -> dict[str, VersionRef]:
        """Every version some path offers, by version string."""
        return {path.version.version: path.version for path in self.paths if path.version}

    @property
    def channels(self) -> dict[str, str | None]:
        found: dict[str, list[str]] = defaultdict(list)
        for path in self.paths:
            found[path.channel].extend([path.version.version] if path.version else [])
        return {channel: newest(versions) for channel, versions in sorted(found.items())}

    @property
    def marketplaces(self) -> list[str]:
        return sorted({path.marketplace_slug for path in self.paths if path.marketplace_slug})


UserReach = dict[str, Offer]  # plugin slug -> offer


def reach_tx(tx: ManagedTransaction, org: str, users: list[str] | None) -> dict[str, UserReach]:
    """User id -> what that user reaches; users reaching nothing are absent.

    ``users=None`` computes it for every user of the org.
    """
    rows = tx.run(QUERIES.text("delivery/reach"), org=org, users=users).data()
    versions = plugin_versions_tx(tx, [row["plugin"] for row in rows])
    paths: dict[str, dict[str, list[Path]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        plugin = versions.get(row["plugin"])
        if plugin is not None:
            paths[row["user_id"]][plugin.slug].append(_path(row, plugin))
    return {
        user: {
            slug: Offer(versions[slug], tuple(sorted(found, key=_path_order)))
            for slug, found in by_plugin.items()
        }
        for user, by_plugin in paths.items()
    }


def _path(row: dict[str, Any], plugin: PluginVersions) -> Path:
    channel: Channel = "beta" if row["channel"] == "beta" else "stable"
    return Path(
        kind="marketplace" if row["marketplace_id"] else "plugin",
        channel=channel,
        role=row["role"],
        subject=row["subject"],
        marketplace_id=row["marketplace_id"],
        marketplace_slug=row["marketplace_slug"],
        pinned_version=row["pinned_version"],
        version=plugin.resolve(channel, row["pinned_version"]),
    )


def _path_order(path: Path) -> tuple[str, str, str]:
    return (path.marketplace_slug or "", path.subject, path.channel)
