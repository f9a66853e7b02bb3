"""The seeded roles: policies in the "*" domain, so every org has them."""

from __future__ import annotations

ANY_ORG = "*"

SEEDED_ROLES: dict[str, tuple[str, ...]] = {
    "org-admin": ("*",),
    "plugin-admin": (
        "plugins:*",
        "plugin-access:*",
        "marketplaces:*",
        "anchors:*:read",
        "audit:read",
        "roles:read",
        "authz:explain",
    ),
    "editor": (
        "plugins:read",
        "plugins:*:read",
        "plugins:*:entities:*:*",
        "plugins:*:edges:*:*",
        "anchors:*:read",
        "anchors:projects:write",
        "anchors:environments:write",
        "marketplaces:create",
    ),
    "viewer": (
        "plugins:read",
        "plugins:*:read",
        "plugins:*:entities:*:read",
        "plugins:*:edges:*:read",
        "anchors:*:read",
    ),
}


def role_subject(role: str) -> str:
    return f"role:{role}"


def seeded_policies() -> list[tuple[str, str, str]]:
    return [
        (role_subject(role), ANY_ORG, perm)
        for role, perms in SEEDED_ROLES.items()
        for perm in perms
    ]
