"""Release channels: which installed version of a plugin a listing offers.

* A version with a semver pre-release tag (``1.3.0-beta.1``) is beta-only.
* ``stable`` resolves to the newest installed version without a pre-release tag;
  ``beta`` to the newest installed version, pre-releases included.
* A ``pinned_version`` fixes the answer (it must be installed, and a stable listing
  cannot pin a pre-release).
* A user reaching a plugin through several paths (listings, a direct grant) is offered
  the newest of the versions those paths resolve to.

Resolution looks at every version the registry ever installed (versions are never
deleted), not only the registry's current one: rolling back is done with a pin.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from plugraph.manifests.versions import Version

Channel = Literal["stable", "beta"]
CHANNELS: tuple[Channel, ...] = ("stable", "beta")


def parse(version: str) -> Version | None:
    try:
        return Version.parse(version)
    except ValueError:
        return None


def is_prerelease(version: str) -> bool:
    parsed = parse(version)
    return parsed is not None and bool(parsed.prerelease)


def newest(versions: Iterable[str]) -> str | None:
    """The highest of ``versions`` by semver precedence (unparseable ones are ignored)."""
    ranked = [(parsed, text) for text in versions if (parsed := parse(text)) is not None]
    return max(ranked, key=lambda pair: pair[0])[1] if ranked else None


@dataclass(frozen=True)
class VersionRef:
    """One installed version of a plugin (the PluginVersion node that holds its manifest)."""

    id: str
    version: str
    installed_at: str


@dataclass(frozen=True)
class PluginVersions:
    """A plugin and every version of it the registry installed."""

    slug: str
    name: str
    status: str
    versions: tuple[VersionRef, ...]

    @property
    def installed(self) -> bool:
        return self.status == "installed"

    def find(self, version: str) -> VersionRef | None:
        """The version's node (the latest one, should the version have been installed twice)."""
        found = [ref for ref in self.versions if ref.version == version]
        return max(found, key=lambda ref: (ref.installed_at, ref.id)) if found else None

    def resolve(self, channel: Channel, pinned_version: str | None = None) -> VersionRef | None:
        if pinned_version is not None:
            return self.find(pinned_version)
        candidates = [ref.version for ref in self.versions]
        if channel == "stable":
            candidates = [text for text in candidates if not is_prerelease(text)]
        best = newest(candidates)
        return self.find(best) if best is not None else None
