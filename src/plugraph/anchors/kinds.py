"""The host's core anchors: which kinds exist and how each is addressed.

Every anchor is a node with its kind's label (``Org``, ``Team``, ``User``,
``Project``, ``Environment``) and the properties ``id``, ``slug``, ``_org``,
``_created_at``, ``_updated_at`` plus the kind's own fields. The route segment
(``teams``) doubles as the permission kind: ``anchors:teams:read``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnchorKind:
    kind: str  # route segment and permission kind, e.g. "teams"
    label: str  # node label, e.g. "Team"
    singular: str  # for messages, e.g. "team"

    def permission(self, op: str) -> str:
        return f"anchors:{self.kind}:{op}"


ORG = AnchorKind("orgs", "Org", "org")
TEAM = AnchorKind("teams", "Team", "team")
USER = AnchorKind("users", "User", "user")
PROJECT = AnchorKind("projects", "Project", "project")
ENVIRONMENT = AnchorKind("environments", "Environment", "environment")

ANCHOR_KINDS: tuple[AnchorKind, ...] = (ORG, TEAM, USER, PROJECT, ENVIRONMENT)
BY_LABEL = {kind.label: kind for kind in ANCHOR_KINDS}
