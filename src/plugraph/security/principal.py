"""The authenticated caller of one request."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

PrincipalKind = Literal["user", "plugin", "team", "system"]


@dataclass(frozen=True)
class Principal:
    """A user (personal token) or a plugin (API key) acting within exactly one org."""

    kind: PrincipalKind
    id: str  # User.id, or the plugin slug for plugin keys, or "system"
    org_id: str
    org_slug: str
    name: str = ""
    token_id: str | None = None
    # For plugin keys: the scopes the manifest requests (None for users).
    scopes: frozenset[str] | None = None
    request_id: str = field(default="", compare=False)

    @property
    def subject(self) -> str:
        """The Casbin subject: ``user:<id>`` or ``plugin:<slug>``."""
        return f"{self.kind}:{self.id}"


def system_principal(org_id: str, org_slug: str, request_id: str = "") -> Principal:
    """The host itself (start-up installs, seeding): audited as ``system``."""
    return Principal(
        kind="system",
        id="system",
        org_id=org_id,
        org_slug=org_slug,
        name="system",
        request_id=request_id,
    )
