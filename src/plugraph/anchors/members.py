"""Team membership: ``(:User)-[:MEMBER_OF]->(:Team)``.

Memberships are also role links for authorization (a team's roles reach its
members), so every change bumps the policy version in the same transaction.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from plugraph.anchors.kinds import TEAM, USER
from plugraph.anchors.models import AnchorPublic, to_public
from plugraph.anchors.paging import Page, decode_cursor, make_page
from plugraph.anchors.service import require
from plugraph.audit import recorder
from plugraph.authz.graph_adapter import bump_version_tx
from plugraph.clock import utc_now
from plugraph.errors import NotFound
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.security.principal import Principal


class TeamMembers:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def list(
        self, principal: Principal, team: str, *, cursor: str | None = None, limit: int
    ) -> Page[AnchorPublic]:
        params = {
            "org": principal.org_id,
            "team": team,
            "after": decode_cursor(cursor),
            "limit": limit + 1,
        }

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            require(tx, principal.org_id, TEAM, team)
            return tx.run(QUERIES.text("anchors/team_members"), params).data()

        rows = self.store.execute_read(work)
        return make_page(
            rows,
            limit,
            key=lambda row: str(row["node"]["slug"]),
            build=lambda row: to_public(USER, row["node"]),
        )

    def add(self, principal: Principal, team: str, user: str) -> bool:
        """Make ``user`` a member of ``team``; False when it already was (idempotent)."""
        return self.store.execute_write(lambda tx: add_member_tx(tx, principal, team, user))

    def remove(self, principal: Principal, team: str, user: str) -> None:
        def work(tx: ManagedTransaction) -> None:
            team_id = require(tx, principal.org_id, TEAM, team)[0]["id"]
            user_id = require(tx, principal.org_id, USER, user)[0]["id"]
            rows = tx.run(
                QUERIES.text("anchors/team_member_remove"),
                org=principal.org_id,
                team=team,
                user=user,
            ).data()
            if not rows:
                raise NotFound(f"user {user!r} is not a member of team {team!r}")
            bump_version_tx(tx)
            _audit(tx, principal, "team_member.remove", team_id, user_id, user)

        self.store.execute_write(work)


def add_member_tx(tx: ManagedTransaction, actor: Principal, team: str, user: str) -> bool:
    team_id = require(tx, actor.org_id, TEAM, team)[0]["id"]
    user_id = require(tx, actor.org_id, USER, user)[0]["id"]
    query = QUERIES.text("anchors/team_member_add")
    record = tx.run(query, org=actor.org_id, team=team, user=user, at=utc_now()).single(strict=True)
    added = bool(record["added"])
    if added:
        bump_version_tx(tx)
        _audit(tx, actor, "team_member.add", team_id, user_id, user)
    return added


def _audit(
    tx: ManagedTransaction, actor: Principal, action: str, team_id: str, user_id: str, user: str
) -> None:
    recorder.record(
        tx,
        actor,
        action=action,
        target_kind="anchor",
        target_id=team_id,
        target_label=TEAM.label,
        details={"user_id": user_id, "user_slug": user},
    )
