"""Clients and their install state.

``(:User)-[:OWNS]->(:Client)-[:INSTALLED {version}]->(:Plugin)``

A client id is chosen by its owner (``^[a-z0-9][a-z0-9-]{0,62}$``) and names the client
among that user's clients in that org: two users may both have a ``laptop``. Only the
owner reads or writes a client's state, so another user's client is 404.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction
from neo4j.exceptions import ConstraintError

from plugraph.audit.recorder import record
from plugraph.clock import utc_now
from plugraph.delivery.catalog import DeliveryCatalog, ensure_user
from plugraph.delivery.models import (
    CheckUpdatesPublic,
    ClientStatePublic,
    ClientStatePut,
    InstalledPlugin,
)
from plugraph.delivery.updates import plan_updates
from plugraph.errors import Conflict, FieldError, NotFound, ValidationFailed
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.security.principal import Principal


def client_key(org_id: str, owner_id: str, client_id: str) -> str:
    return f"{org_id}/{owner_id}/{client_id}"


def client_public(row: dict[str, Any]) -> ClientStatePublic:
    client = row["client"]
    plugins = sorted(
        (
            InstalledPlugin(slug=p["slug"], version=p["version"])
            for p in row["plugins"]
            if p["slug"]
        ),
        key=lambda item: item.slug,
    )
    return ClientStatePublic(
        id=client["id"],
        owner=client["owner"],
        plugins=plugins,
        created_at=client["created_at"],
        reported_at=client["reported_at"],
    )


def installed_map(state: ClientStatePublic) -> dict[str, str]:
    return {item.slug: item.version for item in state.plugins}


class ClientStates:
    def __init__(self, store: GraphStore, catalog: DeliveryCatalog) -> None:
        self.store = store
        self.catalog = catalog

    def put(self, principal: Principal, client_id: str, body: ClientStatePut) -> ClientStatePublic:
        """Register the client if new and replace what it reports installed."""
        ensure_user(principal)
        key = client_key(principal.org_id, principal.id, client_id)
        plugins = [item.model_dump() for item in body.plugins]

        def work(tx: ManagedTransaction) -> ClientStatePublic:
            slugs = [item["slug"] for item in plugins]
            known = {
                row["slug"]
                for row in tx.run(QUERIES.text("delivery/known_plugins"), slugs=slugs).data()
            }
            unknown = [
                FieldError(f"/plugins/{index}/slug", f"no plugin {slug!r} is known to this host")
                for index, slug in enumerate(slugs)
                if slug not in known
            ]
            if unknown:
                raise ValidationFailed("the client reports unknown plugins", unknown)
            now = utc_now()
            props = {
                "_key": key,
                "id": client_id,
                "_org": principal.org_id,
                "owner": principal.id,
                "created_at": now,
            }
            tx.run(QUERIES.text("delivery/client_register"), props=props, now=now).consume()
            tx.run(QUERIES.text("delivery/client_clear"), key=key).consume()
            if plugins:
                tx.run(
                    QUERIES.text("delivery/client_install"), key=key, now=now, plugins=plugins
                ).consume()
            record(
                tx,
                principal,
                action="client.report",
                target_kind="client",
                target_id=client_id,
                details={"plugins": {item["slug"]: item["version"] for item in plugins}},
            )
            return self._get_tx(tx, key, client_id)

        try:
            return self.store.execute_write(work)
        except ConstraintError:
            raise Conflict(f"client {client_id!r} was registered concurrently; retry") from None

    def get(self, principal: Principal, client_id: str) -> ClientStatePublic:
        ensure_user(principal)
        key = client_key(principal.org_id, principal.id, client_id)
        return self.store.execute_read(lambda tx: self._get_tx(tx, key, client_id))

    def check_updates(
        self, principal: Principal, client_id: str, *, include_new: bool
    ) -> CheckUpdatesPublic:
        state = self.get(principal, client_id)
        planned = plan_updates(
            installed_map(state), self.catalog.reach(principal), include_new=include_new
        )
        return CheckUpdatesPublic(
            client_id=client_id,
            include_new=include_new,
            actions=[self.catalog.action(item) for item in planned],
        )

    @staticmethod
    def _get_tx(tx: ManagedTransaction, key: str, client_id: str) -> ClientStatePublic:
        rows = tx.run(QUERIES.text("delivery/client_get"), key=key).data()
        if not rows:
            raise NotFound(f"no client {client_id!r}")
        return client_public(rows[0])


def clients_tx(tx: ManagedTransaction, org_id: str) -> list[ClientStatePublic]:
    """Every registered client of the org with its reported install state."""
    rows = tx.run(QUERIES.text("delivery/clients"), org=org_id).data()
    return [client_public(row) for row in rows]
