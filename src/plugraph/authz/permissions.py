"""Permission names, pattern matching, and the catalog derived from manifests.

A permission is a colon-separated path: ``plugins:<slug>:entities:<label>:<op>``.
Patterns use ``*`` for one segment, or, as the last segment, for everything below.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from plugraph.manifests.model import Manifest

ENTITY_OPS = ("read", "write", "delete")
EDGE_OPS = ("read", "write")
ANCHOR_KINDS = ("orgs", "teams", "users", "projects", "environments")

HOST_PERMISSIONS: dict[str, str] = {
    "plugins:read": "list installed plugins and their manifests",
    "plugins:install": "install, upgrade and uninstall plugins",
    "marketplaces:create": "create marketplaces in the org (the creator becomes manager)",
    "marketplaces:<id>:read": "see one marketplace and install its plugins (access grant: viewer)",
    "marketplaces:<id>:write": "edit one marketplace and its listings (access grant: editor)",
    "marketplaces:<id>:manage": "manage one marketplace's access grants (access grant: manager)",
    "tokens:read": "list every API token of the org",
    "tokens:manage": "create and revoke tokens for other users, and plugin keys",
    "roles:read": "list roles and role assignments",
    "roles:assign": "assign and unassign roles to users and teams",
    "audit:read": "read the audit trail",
    "authz:explain": "ask why a principal may or may not do something",
    "orgs:create": "create organisations (host administrators)",
    **{
        f"anchors:{kind}:{op}": f"{op} {kind}"
        for kind in ANCHOR_KINDS
        for op in ("read", "write", "delete")
    },
}


def entity_permission(slug: str, label: str, op: str) -> str:
    return f"plugins:{slug}:entities:{label}:{op}"


def edge_permission(slug: str, label: str, op: str) -> str:
    return f"plugins:{slug}:edges:{label}:{op}"


@dataclass(frozen=True)
class PermissionInfo:
    name: str
    description: str
    plugin: str | None = None


def plugin_permissions(manifest: Manifest) -> list[PermissionInfo]:
    """Every permission a manifest declares: entity and edge operations per label."""
    perms = [
        PermissionInfo(
            entity_permission(manifest.slug, vertex.name, op),
            f"{op} {vertex.name} entities",
            manifest.slug,
        )
        for vertex in manifest.vertex_labels
        for op in ENTITY_OPS
    ]
    perms += [
        PermissionInfo(
            edge_permission(manifest.slug, edge.name, op), f"{op} {edge.name} edges", manifest.slug
        )
        for edge in manifest.edge_labels
        for op in EDGE_OPS
    ]
    return perms


def catalog(manifests: Iterable[Manifest]) -> list[PermissionInfo]:
    host = [PermissionInfo(name, text) for name, text in sorted(HOST_PERMISSIONS.items())]
    derived = [perm for manifest in manifests for perm in plugin_permissions(manifest)]
    return host + derived


@lru_cache(maxsize=65536)
def perm_match(requested: str, pattern: str) -> bool:
    """True when ``pattern`` grants ``requested``."""
    if pattern == "*" or pattern == requested:
        return True
    want = requested.split(":")
    have = pattern.split(":")
    for index, segment in enumerate(have):
        last = index == len(have) - 1
        if segment == "*" and last:
            return len(want) > index
        if index >= len(want):
            return False
        if segment != "*" and segment != want[index]:
            return False
    return len(want) == len(have)


def scope_to_permission(scope: str, label_owner: str | None) -> str | None:
    """A manifest scope such as ``entities:read:Project`` as a permission pattern.

    ``label_owner`` is the plugin owning the label (None for core anchors).
    """
    parts = scope.split(":")
    if len(parts) != 3:
        return None
    kind, op, label = parts
    if kind not in {"entities", "edges"}:
        return None
    if label_owner is None:
        anchor_kind = {
            "Org": "orgs",
            "Team": "teams",
            "User": "users",
            "Project": "projects",
            "Environment": "environments",
        }.get(label)
        return f"anchors:{anchor_kind}:{op}" if anchor_kind and kind == "entities" else None
    return f"plugins:{label_owner}:{kind}:{label}:{op}"
