"""Preview a change to a marketplace: who would gain or lose which plugin versions.

Mechanism: the change is applied with the very service code that applies it for real
(listings and grants, in the order remove plugins, add plugins, revoke grants, add
grants), inside one write transaction that is always rolled back. Reachability is read
in that transaction before and after the change, so the preview sees exactly what the
change would do, including its 404/409/422 refusals, and nothing is ever committed (no
listing, grant, Casbin policy or audit event survives it).

Reported: every user of the org whose reach changes (through their own grants, their
teams' or the org's) and every registered client whose owner's reach changes or whose
check-updates answer (``include_new=false``) would change.
"""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import ManagedTransaction

from plugraph.delivery.catalog import DeliveryCatalog
from plugraph.delivery.clients import clients_tx, installed_map
from plugraph.delivery.models import ClientStatePublic, UpdateAction
from plugraph.delivery.reach import UserReach, reach_tx
from plugraph.delivery.updates import plan_updates
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.marketplaces import store
from plugraph.marketplaces.access import Resource
from plugraph.marketplaces.grants import AccessGrants
from plugraph.marketplaces.listings import Listings
from plugraph.marketplaces.models import (
    ClientChange,
    PluginVersionRef,
    PreviewPublic,
    PreviewRequest,
    UserChange,
)
from plugraph.security.principal import Principal

Snapshot = tuple[dict[str, UserReach], list[ClientStatePublic]]


class _RollBack(Exception):
    """Carries the preview out of the transaction it rolls back (never escapes this module)."""

    def __init__(self, result: PreviewPublic) -> None:
        super().__init__("preview: roll back")
        self.result = result


@dataclass(frozen=True)
class _Versions:
    """A user's reach as (plugin, offered version) pairs."""

    pairs: frozenset[tuple[str, str | None]]

    @classmethod
    def of(cls, reach: UserReach) -> _Versions:
        return cls(
            frozenset(
                (slug, offer.version.version if offer.version else None)
                for slug, offer in reach.items()
            )
        )

    def minus(self, other: _Versions) -> list[PluginVersionRef]:
        return [
            PluginVersionRef(plugin=slug, version=version)
            for slug, version in sorted(self.pairs - other.pairs, key=lambda p: (p[0], p[1] or ""))
        ]


class Previews:
    def __init__(
        self,
        graph: GraphStore,
        listings: Listings,
        grants: AccessGrants,
        catalog: DeliveryCatalog,
    ) -> None:
        self.graph = graph
        self.listings = listings
        self.grants = grants
        self.catalog = catalog

    def preview(
        self, actor: Principal, marketplace_id: str, change: PreviewRequest
    ) -> PreviewPublic:
        def work(tx: ManagedTransaction) -> None:
            store.get_tx(tx, actor.org_id, marketplace_id)
            before = self._snapshot(tx, actor.org_id)
            self.apply_tx(tx, actor, marketplace_id, change)
            after = self._snapshot(tx, actor.org_id)
            users = dict(
                (row["id"], row["slug"])
                for row in tx.run(
                    QUERIES.text("delivery/users"),
                    org=actor.org_id,
                    ids=sorted(set(before[0]) | set(after[0])),
                ).data()
            )
            raise _RollBack(self._compare(marketplace_id, before, after, users))

        try:
            self.graph.execute_write(work)
        except _RollBack as rolled_back:
            return rolled_back.result
        raise AssertionError("the preview transaction must roll back")  # pragma: no cover

    def apply_tx(
        self, tx: ManagedTransaction, actor: Principal, marketplace_id: str, change: PreviewRequest
    ) -> None:
        """The change, through the same code paths the admin API uses to apply it."""
        resource = Resource.marketplace(marketplace_id)
        for slug in change.remove_plugins:
            self.listings.remove_tx(tx, actor, marketplace_id, slug)
        for index, listing in enumerate(change.add_plugins):
            self.listings.add_tx(
                tx, actor, marketplace_id, listing, pointer=f"/add_plugins/{index}"
            )
        for grant_id in change.remove_grants:
            self.grants.revoke_tx(tx, actor, resource, grant_id)
        for grant in change.add_grants:
            self.grants.grant_tx(tx, actor, resource, grant.holder_kind, grant.holder, grant.role)

    @staticmethod
    def _snapshot(tx: ManagedTransaction, org_id: str) -> Snapshot:
        return reach_tx(tx, org_id, None), clients_tx(tx, org_id)

    def _compare(
        self,
        marketplace_id: str,
        before: Snapshot,
        after: Snapshot,
        slugs: dict[str, str],
    ) -> PreviewPublic:
        reach_before, clients = before
        reach_after, _ = after
        users: list[UserChange] = []
        changed: dict[str, tuple[list[PluginVersionRef], list[PluginVersionRef]]] = {}
        for user_id in sorted(set(reach_before) | set(reach_after)):
            old = _Versions.of(reach_before.get(user_id, {}))
            new = _Versions.of(reach_after.get(user_id, {}))
            gains, losses = new.minus(old), old.minus(new)
            if gains or losses:
                changed[user_id] = (gains, losses)
                users.append(
                    UserChange(
                        user_id=user_id, user_slug=slugs.get(user_id), gains=gains, losses=losses
                    )
                )
        client_changes = []
        for client in clients:
            actions = self._new_actions(
                client,
                reach_before.get(client.owner, {}),
                reach_after.get(client.owner, {}),
            )
            gains, losses = changed.get(client.owner, ([], []))
            if actions or gains or losses:
                client_changes.append(
                    ClientChange(
                        client_id=client.id,
                        owner_id=client.owner,
                        gains=gains,
                        losses=losses,
                        actions=actions,
                    )
                )
        return PreviewPublic(marketplace_id=marketplace_id, users=users, clients=client_changes)

    def _new_actions(
        self, client: ClientStatePublic, before: UserReach, after: UserReach
    ) -> list[UpdateAction]:
        installed = installed_map(client)
        was = [self.catalog.action(p) for p in plan_updates(installed, before, include_new=False)]
        will = [self.catalog.action(p) for p in plan_updates(installed, after, include_new=False)]
        return [action for action in will if action not in was]
