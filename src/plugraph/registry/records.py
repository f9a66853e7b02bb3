"""What the registry stores about plugins, as plain values (no driver types)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from plugraph.manifests.model import Manifest

LabelKind = Literal["vertex", "edge"]
PluginStatus = Literal["installed", "uninstalled"]


def manifest_json(manifest: Manifest) -> str:
    """The canonical stored form of a manifest: aliases (``schema``), sorted keys."""
    return json.dumps(manifest.to_document(), sort_keys=True, separators=(",", ":"))


def manifest_from_json(text: str) -> Manifest:
    return Manifest.model_validate(json.loads(text))


@dataclass(frozen=True)
class DeclaredLabelInfo:
    name: str
    kind: LabelKind

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "kind": self.kind}


@dataclass(frozen=True)
class PluginInfo:
    """A ``(:Plugin)`` node with the labels it declares (none once uninstalled)."""

    slug: str
    name: str
    status: PluginStatus
    current_version: str
    installed_at: str
    updated_at: str
    labels: tuple[DeclaredLabelInfo, ...] = ()
    current_version_id: str = ""

    @classmethod
    def from_row(cls, plugin: Mapping[str, Any], labels: list[Mapping[str, Any]]) -> PluginInfo:
        declared = sorted(
            (DeclaredLabelInfo(str(d["name"]), d["kind"]) for d in labels if d.get("name")),
            key=lambda d: (d.kind != "vertex", d.name),
        )
        return cls(
            slug=str(plugin["slug"]),
            name=str(plugin.get("name", "")),
            status=plugin.get("status", "installed"),
            current_version=str(plugin.get("current_version", "")),
            installed_at=str(plugin.get("installed_at", "")),
            updated_at=str(plugin.get("updated_at", "")),
            labels=tuple(declared),
            current_version_id=str(plugin.get("current_version_id", "")),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "name": self.name,
            "status": self.status,
            "current_version": self.current_version,
            "installed_at": self.installed_at,
            "updated_at": self.updated_at,
            "vertex_labels": [d.name for d in self.labels if d.kind == "vertex"],
            "edge_labels": [d.name for d in self.labels if d.kind == "edge"],
        }


@dataclass(frozen=True)
class PluginVersionInfo:
    id: str
    slug: str
    version: str
    installed_at: str
    installed_by: str
    current: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "installed_at": self.installed_at,
            "installed_by": self.installed_by,
            "current": self.current,
        }


@dataclass(frozen=True)
class InstalledPlugin:
    """The current version of an installed plugin, as the runtime cache holds it."""

    slug: str
    version: str
    version_id: str
    manifest: Manifest


@dataclass(frozen=True)
class RegistrySnapshot:
    """Every installed plugin at one registry version (read in one transaction)."""

    version: int
    plugins: Mapping[str, InstalledPlugin] = field(default_factory=dict)

    @cached_property
    def owners(self) -> dict[str, str]:
        """Declared label (vertex or edge) -> owning plugin slug."""
        owners: dict[str, str] = {}
        for plugin in self.plugins.values():
            for vertex in plugin.manifest.vertex_labels:
                owners[vertex.name] = plugin.slug
            for edge in plugin.manifest.edge_labels:
                owners[edge.name] = plugin.slug
        return owners
