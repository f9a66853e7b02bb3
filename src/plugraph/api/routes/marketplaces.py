"""Org-scoped marketplaces, their listings and access grants; direct plugin access grants.

Every route under ``/admin/marketplaces/{marketplace_id}`` first checks that the caller's
org has that marketplace (404 otherwise, even for another org's admins: never a 403 that
would confirm it exists), then the permission (403 naming it, ``missing: resource_grant``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Response

from plugraph.anchors.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page
from plugraph.api.deps import Context
from plugraph.api.security import authenticate, require
from plugraph.marketplaces.access import Resource
from plugraph.marketplaces.models import (
    GrantCreate,
    GrantPublic,
    ListingCreate,
    ListingPublic,
    MarketplaceCreate,
    MarketplacePublic,
    MarketplaceUpdate,
    PreviewPublic,
    PreviewRequest,
)
from plugraph.security.principal import Principal

router = APIRouter(prefix="/admin", tags=["marketplaces"])

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Cursor = Annotated[str | None, Query(max_length=512)]


def _marketplace_in_org(
    marketplace_id: str,
    context: Context,
    principal: Annotated[Principal, Depends(authenticate)],
) -> None:
    context.marketplaces.marketplaces.exists(principal.org_id, marketplace_id)


def _installed_plugin(
    slug: str, context: Context, _principal: Annotated[Principal, Depends(authenticate)]
) -> None:
    context.marketplaces.grants.plugin_exists(slug)


# Declared before ``require`` in each signature: FastAPI resolves dependencies in order.
InOrg = Annotated[None, Depends(_marketplace_in_org)]
Installed = Annotated[None, Depends(_installed_plugin)]


# -- marketplaces -----------------------------------------------------------------------


@router.get("/marketplaces", summary="Marketplaces of your org you can see (admins: all)")
def list_marketplaces(
    principal: Annotated[Principal, require(None)],
    context: Context,
    status: Literal["active", "archived"] | None = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
) -> Page[MarketplacePublic]:
    return context.marketplaces.marketplaces.list(
        principal, status=status, cursor=cursor, limit=limit
    )


@router.post("/marketplaces", status_code=201, summary="Create a marketplace (you manage it)")
def create_marketplace(
    body: MarketplaceCreate,
    principal: Annotated[Principal, require("marketplaces:create")],
    context: Context,
) -> MarketplacePublic:
    return context.marketplaces.marketplaces.create(principal, body)


@router.get("/marketplaces/{marketplace_id}", summary="One marketplace")
def get_marketplace(
    marketplace_id: str,
    _in_org: InOrg,
    principal: Annotated[Principal, require("marketplaces:{marketplace_id}:read")],
    context: Context,
) -> MarketplacePublic:
    return context.marketplaces.marketplaces.get(principal, marketplace_id)


@router.patch("/marketplaces/{marketplace_id}", summary="Rename or describe a marketplace")
def update_marketplace(
    marketplace_id: str,
    body: MarketplaceUpdate,
    _in_org: InOrg,
    principal: Annotated[Principal, require("marketplaces:{marketplace_id}:write")],
    context: Context,
) -> MarketplacePublic:
    return context.marketplaces.marketplaces.update(principal, marketplace_id, body)


@router.post(
    "/marketplaces/{marketplace_id}:archive", summary="Archive: it delivers nothing until restored"
)
def archive_marketplace(
    marketplace_id: str,
    _in_org: InOrg,
    principal: Annotated[Principal, require("marketplaces:{marketplace_id}:manage")],
    context: Context,
) -> MarketplacePublic:
    return context.marketplaces.marketplaces.archive(principal, marketplace_id)


@router.post("/marketplaces/{marketplace_id}:restore", summary="Restore an archived marketplace")
def restore_marketplace(
    marketplace_id: str,
    _in_org: InOrg,
    principal: Annotated[Principal, require("marketplaces:{marketplace_id}:manage")],
    context: Context,
) -> MarketplacePublic:
    return context.marketplaces.marketplaces.restore(principal, marketplace_id)


@router.post(
    "/marketplaces/{marketplace_id}:preview",
    summary="Who would gain or lose which plugin versions (nothing is applied)",
)
def preview_change(
    marketplace_id: str,
    body: PreviewRequest,
    _in_org: InOrg,
    principal: Annotated[Principal, require("marketplaces:{marketplace_id}:write")],
    context: Context,
) -> PreviewPublic:
    if body.add_grants or body.remove_grants:
        context.authorizer.ensure(principal, f"marketplaces:{marketplace_id}:manage")
    return context.marketplaces.previews.preview(principal, marketplace_id, body)


# -- listings ---------------------------------------------------------------------------


@router.get(
    "/marketplaces/{marketplace_id}/plugins", summary="Listed plugins (history: include_removed)"
)
def list_listings(
    marketplace_id: str,
    _in_org: InOrg,
    principal: Annotated[Principal, require("marketplaces:{marketplace_id}:read")],
    context: Context,
    include_removed: bool = False,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
) -> Page[ListingPublic]:
    return context.marketplaces.listings.list(
        principal, marketplace_id, include_removed=include_removed, cursor=cursor, limit=limit
    )


@router.post("/marketplaces/{marketplace_id}/plugins", status_code=201, summary="List a plugin")
def add_listing(
    marketplace_id: str,
    body: ListingCreate,
    _in_org: InOrg,
    principal: Annotated[Principal, require("marketplaces:{marketplace_id}:write")],
    context: Context,
) -> ListingPublic:
    return context.marketplaces.listings.add(principal, marketplace_id, body)


@router.delete(
    "/marketplaces/{marketplace_id}/plugins/{slug}",
    status_code=204,
    summary="Remove a plugin's listing (kept as history)",
)
def remove_listing(
    marketplace_id: str,
    slug: str,
    _in_org: InOrg,
    principal: Annotated[Principal, require("marketplaces:{marketplace_id}:write")],
    context: Context,
) -> Response:
    context.marketplaces.listings.remove(principal, marketplace_id, slug)
    return Response(status_code=204)


# -- marketplace access -------------------------------------------------------------------


@router.get(
    "/marketplaces/{marketplace_id}/access", summary="Who has access (history: include_revoked)"
)
def list_marketplace_access(
    marketplace_id: str,
    _in_org: InOrg,
    principal: Annotated[Principal, require("marketplaces:{marketplace_id}:read")],
    context: Context,
    include_revoked: bool = False,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
) -> Page[GrantPublic]:
    return context.marketplaces.grants.list(
        principal,
        Resource.marketplace(marketplace_id),
        include_revoked=include_revoked,
        cursor=cursor,
        limit=limit,
    )


@router.post(
    "/marketplaces/{marketplace_id}/access",
    status_code=201,
    summary="Grant a user, a team or the whole org a role (replaces the holder's grant)",
)
def grant_marketplace_access(
    marketplace_id: str,
    body: GrantCreate,
    _in_org: InOrg,
    principal: Annotated[Principal, require("marketplaces:{marketplace_id}:manage")],
    context: Context,
) -> GrantPublic:
    return context.marketplaces.grants.grant(principal, Resource.marketplace(marketplace_id), body)


@router.delete(
    "/marketplaces/{marketplace_id}/access/{grant_id}", status_code=204, summary="Revoke a grant"
)
def revoke_marketplace_access(
    marketplace_id: str,
    grant_id: str,
    _in_org: InOrg,
    principal: Annotated[Principal, require("marketplaces:{marketplace_id}:manage")],
    context: Context,
) -> Response:
    context.marketplaces.grants.revoke(principal, Resource.marketplace(marketplace_id), grant_id)
    return Response(status_code=204)


# -- direct plugin access ------------------------------------------------------------------


@router.get("/plugins/{slug}/access", summary="Who has direct access to a plugin in your org")
def list_plugin_access(
    slug: str,
    _installed: Installed,
    principal: Annotated[Principal, require("plugin-access:{slug}:read")],
    context: Context,
    include_revoked: bool = False,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
) -> Page[GrantPublic]:
    return context.marketplaces.grants.list(
        principal,
        Resource.plugin(slug),
        include_revoked=include_revoked,
        cursor=cursor,
        limit=limit,
    )


@router.post(
    "/plugins/{slug}/access",
    status_code=201,
    summary="Grant direct access to a plugin (replaces the holder's grant)",
)
def grant_plugin_access(
    slug: str,
    body: GrantCreate,
    _installed: Installed,
    principal: Annotated[Principal, require("plugin-access:{slug}:manage")],
    context: Context,
) -> GrantPublic:
    return context.marketplaces.grants.grant(principal, Resource.plugin(slug), body)


@router.delete(
    "/plugins/{slug}/access/{grant_id}", status_code=204, summary="Revoke a direct plugin grant"
)
def revoke_plugin_access(
    slug: str,
    grant_id: str,
    _installed: Installed,
    principal: Annotated[Principal, require("plugin-access:{slug}:manage")],
    context: Context,
) -> Response:
    context.marketplaces.grants.revoke(principal, Resource.plugin(slug), grant_id)
    return Response(status_code=204)
