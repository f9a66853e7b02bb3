"""The delivery API: what the caller's clients may install, and what they should change.

A separate surface from ``/admin`` with the same tokens. Every route admits any
authenticated user (``require(None)``) and scopes everything by the caller's own grants:
a plugin the caller does not reach is 404 (its existence is not revealed), and a client
belongs to the user who registered it.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from plugraph.anchors.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page
from plugraph.api.deps import Context
from plugraph.api.security import require
from plugraph.delivery.models import (
    CLIENT_ID_PATTERN,
    CheckUpdatesPublic,
    ClientStatePublic,
    ClientStatePut,
    DeliveryPluginDetail,
    DeliveryPluginPublic,
)
from plugraph.delivery.payload import MEDIA_TYPE
from plugraph.security.principal import Principal

router = APIRouter(prefix="/delivery", tags=["delivery"])

Caller = Annotated[Principal, require(None)]
ClientId = Annotated[str, Path(pattern=CLIENT_ID_PATTERN)]
Version = Annotated[
    str | None, Query(max_length=128, description="one of the versions offered to you")
]


@router.get("/plugins", summary="Plugins you can install, with the version each channel offers")
def list_plugins(
    principal: Caller,
    context: Context,
    q: Annotated[
        str | None, Query(max_length=200, description="matches slug, name, description")
    ] = None,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
) -> Page[DeliveryPluginPublic]:
    return context.delivery.catalog.list(principal, q=q, cursor=cursor, limit=limit)


@router.get("/plugins/{slug}", summary="One plugin you can install, with its download digest")
def get_plugin(slug: str, principal: Caller, context: Context) -> DeliveryPluginDetail:
    return context.delivery.catalog.get(principal, slug)


@router.get("/plugins/{slug}/manifest", summary="The manifest of the version offered to you")
def get_manifest(
    slug: str, principal: Caller, context: Context, version: Version = None
) -> dict[str, Any]:
    return context.delivery.catalog.manifest(principal, slug, version)


@router.get(
    "/plugins/{slug}/download",
    summary="Install payload: manifest and schemas as a deterministic tar.gz",
    response_class=Response,
    responses={200: {"content": {MEDIA_TYPE: {}}}},
)
def download_plugin(
    slug: str, principal: Caller, context: Context, version: Version = None
) -> Response:
    payload = context.delivery.catalog.download(principal, slug, version)
    return Response(
        content=payload.data,
        media_type=MEDIA_TYPE,
        headers={
            "Digest": payload.digest,
            "X-Content-SHA256": payload.sha256,
            "ETag": f'"sha256-{payload.sha256}"',
            "Content-Disposition": f'attachment; filename="{payload.filename}"',
        },
    )


@router.put("/clients/{client_id}/state", summary="Report what one of your clients has installed")
def put_client_state(
    client_id: ClientId, body: ClientStatePut, principal: Caller, context: Context
) -> ClientStatePublic:
    return context.delivery.clients.put(principal, client_id, body)


@router.get("/clients/{client_id}/state", summary="What one of your clients reported")
def get_client_state(client_id: ClientId, principal: Caller, context: Context) -> ClientStatePublic:
    return context.delivery.clients.get(principal, client_id)


@router.post(
    "/clients/{client_id}/check-updates",
    summary="What the client should install, upgrade, downgrade or remove",
)
def check_updates(
    client_id: ClientId,
    principal: Caller,
    context: Context,
    include_new: Annotated[
        bool, Query(description="also offer reachable plugins the client does not have")
    ] = False,
) -> CheckUpdatesPublic:
    return context.delivery.clients.check_updates(principal, client_id, include_new=include_new)
