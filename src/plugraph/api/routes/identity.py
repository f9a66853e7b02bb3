"""The caller, API tokens and plugin keys."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Response

from plugraph.api.deps import Context
from plugraph.api.security import require
from plugraph.security.models import (
    PluginKeyCreate,
    TokenCreate,
    TokenIssued,
    TokenPublic,
    TokenRotate,
)
from plugraph.security.principal import Principal

router = APIRouter(prefix="/admin", tags=["identity"])


@router.get("/me", summary="Who am I: principal, org and roles")
def me(principal: Annotated[Principal, require(None)], context: Context) -> dict[str, Any]:
    return {
        "kind": principal.kind,
        "id": principal.id,
        "name": principal.name,
        "org": {"id": principal.org_id, "slug": principal.org_slug},
        "roles": [
            s.removeprefix("role:")
            for s in context.authorizer.roles_of(principal.subject, principal.org_id)
        ],
        "token_id": principal.token_id,
    }


def _may_manage(context: Context, principal: Principal, subject_id: str) -> None:
    if principal.kind != "user" or subject_id != principal.id:
        context.authorizer.ensure(principal, "tokens:manage")


@router.get("/tokens", summary="List tokens: yours, or all of the org with ?all=true")
def list_tokens(
    principal: Annotated[Principal, require(None)], context: Context, all: bool = False
) -> list[TokenPublic]:
    if all:
        context.authorizer.ensure(principal, "tokens:read")
    rows = context.tokens.list(principal.org_id, None if all else principal.id)
    return [TokenPublic.model_validate(row) for row in rows]


@router.post("/tokens", status_code=201, summary="Create a personal token (shown once)")
def create_token(
    body: TokenCreate, principal: Annotated[Principal, require(None)], context: Context
) -> TokenIssued:
    subject_id = principal.id
    if body.user is not None:
        subject_id = context.tokens.resolve_user(principal.org_id, body.user)
    _may_manage(context, principal, subject_id)
    issued = context.tokens.issue(
        principal,
        kind="user",
        subject_id=subject_id,
        name=body.name,
        expires_in_days=body.expires_in_days,
    )
    return TokenIssued(**issued.__dict__)


@router.post("/plugin-keys", status_code=201, summary="Create an API key for a plugin (shown once)")
def create_plugin_key(
    body: PluginKeyCreate,
    principal: Annotated[Principal, require("tokens:manage")],
    context: Context,
) -> TokenIssued:
    manifest = context.installed_manifest(body.plugin)
    issued = context.tokens.issue(
        principal,
        kind="plugin",
        subject_id=manifest.slug,
        name=body.name,
        expires_in_days=body.expires_in_days,
        scopes=list(manifest.permissions),
    )
    return TokenIssued(**issued.__dict__)


@router.get("/tokens/{token_id}", summary="One token (never its secret)")
def get_token(
    token_id: str, principal: Annotated[Principal, require(None)], context: Context
) -> TokenPublic:
    token = context.tokens.get(principal.org_id, token_id)
    _may_manage(context, principal, token["subject_id"])
    return TokenPublic.model_validate(token)


@router.delete("/tokens/{token_id}", status_code=204, summary="Revoke a token now")
def revoke_token(
    token_id: str, principal: Annotated[Principal, require(None)], context: Context
) -> Response:
    token = context.tokens.get(principal.org_id, token_id)
    _may_manage(context, principal, token["subject_id"])
    context.tokens.revoke(principal, token_id)
    context.authenticator.forget(token_id)
    return Response(status_code=204)


@router.post(
    "/tokens/{token_id}:rotate", status_code=201, summary="Issue a successor; the old one overlaps"
)
def rotate_token(
    token_id: str,
    body: TokenRotate,
    principal: Annotated[Principal, require(None)],
    context: Context,
) -> TokenIssued:
    token = context.tokens.get(principal.org_id, token_id)
    _may_manage(context, principal, token["subject_id"])
    issued = context.tokens.rotate(principal, token_id, body.overlap_seconds)
    context.authenticator.forget(token_id)
    return TokenIssued(**issued.__dict__)
