"""The host's core anchors: ``/admin/orgs``, ``/admin/teams``, ``/admin/users``,
``/admin/projects``, ``/admin/environments``, addressed by slug within the caller's org.

One router per kind, built by :func:`anchor_router` from the kind's Create / Update /
Public models. (No ``from __future__ import annotations`` here: FastAPI reads the
endpoint annotations, which refer to the models passed to the factory.)
"""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel

from plugraph.anchors.kinds import ENVIRONMENT, ORG, PROJECT, TEAM, USER, AnchorKind
from plugraph.anchors.models import (
    CREATE_MODELS,
    PUBLIC_MODELS,
    UPDATE_MODELS,
    OrgCreate,
    OrgPublic,
    UserPublic,
)
from plugraph.anchors.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page
from plugraph.api.deps import Context
from plugraph.api.security import require
from plugraph.security.principal import Principal

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Cursor = Annotated[str | None, Query()]


def anchor_router(kind: AnchorKind) -> APIRouter:
    """List, create, read, update and (except orgs) delete one kind of anchor."""
    router = APIRouter(prefix=f"/admin/{kind.kind}", tags=["anchors"])
    Create: type[BaseModel] = CREATE_MODELS[kind]
    Update = UPDATE_MODELS[kind]
    Public = PUBLIC_MODELS[kind]
    Reader = Annotated[Principal, require(kind.permission("read"))]
    Writer = Annotated[Principal, require(kind.permission("write"))]
    Deleter = Annotated[Principal, require(kind.permission("delete"))]

    @router.get("", response_model=Page[Public], summary=f"List {kind.kind} (by slug)")
    def list_anchors(
        principal: Reader, context: Context, cursor: Cursor = None, limit: Limit = DEFAULT_PAGE_SIZE
    ) -> Any:
        return context.anchors.list(principal, kind, cursor=cursor, limit=limit)

    @router.get("/{slug}", response_model=Public, summary=f"One {kind.singular}")
    def get_anchor(slug: str, principal: Reader, context: Context) -> Any:
        return context.anchors.get(principal, kind, slug)

    @router.patch("/{slug}", response_model=Public, summary=f"Change a {kind.singular}")
    def update_anchor(slug: str, body: Update, principal: Writer, context: Context) -> Any:
        return context.anchors.update(principal, kind, slug, body.changes())

    if kind is ORG:
        return router

    @router.post("", status_code=201, response_model=Public, summary=f"Create a {kind.singular}")
    def create_anchor(body: Create, principal: Writer, context: Context) -> Any:
        return context.anchors.create(principal, kind, body)

    @router.delete(
        "/{slug}", status_code=204, summary=f"Delete a {kind.singular} (edge rules apply)"
    )
    def delete_anchor(slug: str, principal: Deleter, context: Context) -> Response:
        context.anchors.delete(principal, kind, slug)
        return Response(status_code=204)

    return router


orgs = anchor_router(ORG)


@orgs.post("", status_code=201, response_model=OrgPublic, summary="Create an org (host admins)")
def create_org(
    body: OrgCreate, principal: Annotated[Principal, require("orgs:create")], context: Context
) -> Any:
    return context.anchors.create_org(principal, body)


teams = anchor_router(TEAM)
TeamReader = Annotated[Principal, require(TEAM.permission("read"))]
TeamWriter = Annotated[Principal, require(TEAM.permission("write"))]


@teams.get("/{slug}/members", response_model=Page[UserPublic], summary="A team's members")
def list_members(
    slug: str,
    principal: TeamReader,
    context: Context,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
) -> Any:
    return context.team_members.list(principal, slug, cursor=cursor, limit=limit)


@teams.put("/{slug}/members/{user_slug}", status_code=204, summary="Add a user to a team")
def add_member(slug: str, user_slug: str, principal: TeamWriter, context: Context) -> Response:
    context.team_members.add(principal, slug, user_slug)
    return Response(status_code=204)


@teams.delete("/{slug}/members/{user_slug}", status_code=204, summary="Remove a user from a team")
def remove_member(slug: str, user_slug: str, principal: TeamWriter, context: Context) -> Response:
    context.team_members.remove(principal, slug, user_slug)
    return Response(status_code=204)


routers = (orgs, teams, anchor_router(USER), anchor_router(PROJECT), anchor_router(ENVIRONMENT))
