"""Access grants: who holds which role on which resource, and what each role permits.

A grant gives a holder (a user, a team, or the whole org) a role on a resource (a
marketplace, or one plugin directly). Roles imply permissions, one Casbin policy each:

=========  ===========================
viewer     read
editor     read, write
manager    read, write, manage
=========  ===========================

Policies name the holder as its Casbin subject (``user:<id>``, ``team:<id>``,
``org:<org id>``: every member of an org holds the org subject) in the org's domain,
so the strongest grant a caller holds through any of those subjects wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

GrantRole = Literal["viewer", "editor", "manager"]
HolderKind = Literal["user", "team", "org"]
ResourceKind = Literal["marketplace", "plugin"]

OPS = ("read", "write", "manage")
ROLE_OPS: dict[str, tuple[str, ...]] = {
    "viewer": ("read",),
    "editor": ("read", "write"),
    "manager": ("read", "write", "manage"),
}
HOLDER_LABELS: dict[str, str] = {"user": "User", "team": "Team", "org": "Org"}


def subject_of(kind: HolderKind, holder_id: str) -> str:
    """The Casbin subject of a holder: ``user:<id>``, ``team:<id>`` or ``org:<id>``."""
    return f"{kind}:{holder_id}"


@dataclass(frozen=True)
class Resource:
    """What a grant is on: a marketplace (by id) or a plugin (by slug)."""

    kind: ResourceKind
    key: str

    @classmethod
    def marketplace(cls, marketplace_id: str) -> Resource:
        return cls("marketplace", marketplace_id)

    @classmethod
    def plugin(cls, slug: str) -> Resource:
        return cls("plugin", slug)

    @property
    def label(self) -> str:
        return "Marketplace" if self.kind == "marketplace" else "Plugin"

    @property
    def key_property(self) -> str:
        return "id" if self.kind == "marketplace" else "slug"

    @property
    def audit_kind(self) -> str:
        return "marketplace" if self.kind == "marketplace" else "plugin_access"

    def permission(self, op: str) -> str:
        """``marketplaces:<id>:<op>`` or ``plugin-access:<slug>:<op>``."""
        prefix = "marketplaces" if self.kind == "marketplace" else "plugin-access"
        return f"{prefix}:{self.key}:{op}"

    def permissions(self, roles: set[str] | list[str]) -> set[str]:
        """Every permission the given roles imply on this resource."""
        return {self.permission(op) for role in roles for op in ROLE_OPS[role]}
