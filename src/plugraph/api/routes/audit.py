"""The audit trail."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from plugraph.api.deps import Context
from plugraph.api.security import require
from plugraph.audit.query import MAX_LIMIT, AuditFilters, list_events
from plugraph.security.principal import Principal

router = APIRouter(prefix="/admin", tags=["audit"])


@router.get("/audit", summary="Audit events of the org, newest first")
def list_audit(
    principal: Annotated[Principal, require("audit:read")],
    context: Context,
    action: str | None = None,
    actor_id: str | None = None,
    target_id: str | None = None,
    target_kind: str | None = None,
    plugin: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    cursor: str | None = None,
) -> dict[str, Any]:
    filters = AuditFilters(action, actor_id, target_id, target_kind, plugin, since, until)
    items, next_cursor = list_events(context.store, principal.org_id, filters, limit, cursor)
    return {"items": items, "next_cursor": next_cursor}
