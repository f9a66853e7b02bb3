"""Write audit events inside the caller's transaction (so a rollback leaves none)."""

from __future__ import annotations

import json
from typing import Any

from neo4j import ManagedTransaction

from plugraph.clock import utc_now
from plugraph.graph.queries import QUERIES
from plugraph.ids import new_id
from plugraph.security.principal import Principal


def record(
    tx: ManagedTransaction,
    actor: Principal,
    *,
    action: str,
    target_kind: str,
    target_id: str,
    target_label: str | None = None,
    plugin: str | None = None,
    before_version: int | None = None,
    after_version: int | None = None,
    details: dict[str, Any] | None = None,
) -> str:
    """Create one (:AuditEvent); returns its id.

    ``action`` is ``<resource>.<verb>``, e.g. ``entity.create``, ``edge.delete``,
    ``plugin.install``, ``token.revoke``. ``target_kind`` is ``entity``, ``edge``,
    ``plugin``, ``token``, ``role``, ``marketplace``, ``anchor``...
    """
    event_id = new_id()
    event: dict[str, Any] = {
        "id": event_id,
        "_org": actor.org_id,
        "actor_kind": actor.kind,
        "actor_id": actor.id,
        "action": action,
        "target_kind": target_kind,
        "target_id": target_id,
        "request_id": actor.request_id,
        "at": utc_now(),
    }
    optional = {
        "target_label": target_label,
        "plugin": plugin,
        "before_version": before_version,
        "after_version": after_version,
        "details": json.dumps(details, sort_keys=True, default=str) if details else None,
    }
    event.update({key: value for key, value in optional.items() if value is not None})
    tx.run(QUERIES.text("audit/record"), event=event).consume()
    return event_id
