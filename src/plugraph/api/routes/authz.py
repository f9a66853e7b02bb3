"""Permissions catalog, roles, role assignments and the explain endpoint."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Response

from plugraph.api.deps import Context
from plugraph.api.security import require
from plugraph.authz.permissions import catalog
from plugraph.authz.roles import SEEDED_ROLES
from plugraph.errors import FieldError, NotFound, ValidationFailed
from plugraph.security.models import ExplainRequest, RoleAssignmentCreate
from plugraph.security.principal import Principal

router = APIRouter(prefix="/admin", tags=["authorization"])


@router.get(
    "/permissions", summary="Every permission: host permissions and those derived from manifests"
)
def list_permissions(
    principal: Annotated[Principal, require(None)], context: Context
) -> list[dict[str, Any]]:
    return [perm.__dict__ for perm in catalog(context.registry.active_manifests())]


@router.get("/roles", summary="The seeded roles and the permission patterns they grant")
def list_roles(principal: Annotated[Principal, require("roles:read")]) -> list[dict[str, Any]]:
    return [{"name": name, "grants": list(perms)} for name, perms in SEEDED_ROLES.items()]


@router.get("/role-assignments", summary="Who holds which role in this org")
def list_assignments(
    principal: Annotated[Principal, require("roles:read")], context: Context
) -> list[dict[str, Any]]:
    return context.assignments.list(principal.org_id)


@router.post("/role-assignments", status_code=201, summary="Give a user or team a role")
def assign_role(
    body: RoleAssignmentCreate,
    principal: Annotated[Principal, require("roles:assign")],
    context: Context,
) -> dict[str, str]:
    return context.assignments.assign(principal, body.holder_kind, body.holder, body.role)  # type: ignore[arg-type]


@router.delete(
    "/role-assignments/{holder_kind}/{holder}/{role}", status_code=204, summary="Take a role away"
)
def unassign_role(
    holder_kind: str,
    holder: str,
    role: str,
    principal: Annotated[Principal, require("roles:assign")],
    context: Context,
) -> Response:
    if holder_kind not in {"user", "team"}:
        raise NotFound(f"no holder kind {holder_kind!r}; use user or team")
    context.assignments.unassign(principal, holder_kind, holder, role)  # type: ignore[arg-type]
    return Response(status_code=204)


@router.post(
    "/authz/explain", summary="Can principal P do op on resource R, and through which grant?"
)
def explain(
    body: ExplainRequest,
    principal: Annotated[Principal, require("authz:explain")],
    context: Context,
) -> dict[str, Any]:
    if body.permission:
        permission = body.permission
    elif body.resource and body.op:
        permission = f"{body.resource}:{body.op}"
    else:
        raise ValidationFailed(
            "say what to check", [FieldError("/permission", "give permission, or resource and op")]
        )
    kind, _, ref = body.principal.partition(":")
    if kind not in {"user", "team", "plugin"} or not ref:
        raise ValidationFailed(
            "unknown principal",
            [FieldError("/principal", "use user:<slug>, team:<slug> or plugin:<slug>")],
        )
    subject_id = (
        ref if kind == "plugin" else context.assignments.resolve_holder(principal.org_id, kind, ref)
    )  # type: ignore[arg-type]
    subject = Principal(
        kind=kind, id=subject_id, org_id=principal.org_id, org_slug=principal.org_slug
    )  # type: ignore[arg-type]
    return context.assignments.explain(subject, permission)
