"""Reading the audit trail: filters and keyset paging (newest first)."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from plugraph.errors import FieldError, ValidationFailed
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore

MAX_LIMIT = 200


@dataclass(frozen=True)
class AuditFilters:
    action: str | None = None
    actor_id: str | None = None
    target_id: str | None = None
    target_kind: str | None = None
    plugin: str | None = None
    since: str | None = None
    until: str | None = None


def encode_cursor(at: str, event_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([at, event_id]).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        at, event_id = json.loads(base64.urlsafe_b64decode(padded))
        if not isinstance(at, str) or not isinstance(event_id, str):
            raise ValueError
        return at, event_id
    except (ValueError, TypeError, json.JSONDecodeError):
        raise ValidationFailed(
            "invalid cursor", [FieldError("/cursor", "not a cursor this API issued")]
        ) from None


def _event(row: dict[str, Any]) -> dict[str, Any]:
    event = dict(row)
    event.pop("_org", None)
    if isinstance(event.get("details"), str):
        event["details"] = json.loads(event["details"])
    return event


def list_events(
    store: GraphStore, org_id: str, filters: AuditFilters, limit: int, cursor: str | None
) -> tuple[list[dict[str, Any]], str | None]:
    after_at, after_id = decode_cursor(cursor) if cursor else (None, None)
    rows = store.read(
        QUERIES.text("audit/list"),
        {
            "org": org_id,
            **filters.__dict__,
            "after_at": after_at,
            "after_id": after_id,
            "limit": limit + 1,
        },
    )
    events = [_event(row["event"]) for row in rows[:limit]]
    next_cursor = encode_cursor(events[-1]["at"], events[-1]["id"]) if len(rows) > limit else None
    return events, next_cursor
