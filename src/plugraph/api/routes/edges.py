"""The one generic edge router, plus edges seen from anchors and from entities.

* ``/admin/plugins/{slug}/edges/{label}``: list (filters, keyset paging) and create;
  ``.../{source_id}/{target_id}``: read, patch (JSON Merge Patch, labels with a property
  schema) and delete one edge.
* ``/admin/<anchors>/{slug}/plugin-edges/{plugin}/{label}`` for every core anchor kind:
  the anchor's edges of one label with the node at the other end; PUT re-points the
  anchor's one edge of that label, DELETE unlinks.
* ``/admin/plugins/{slug}/entities/{label}/{id}/edges`` and ``.../neighbors``: every
  plugin edge touching an entity, and a bounded traversal around it.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from plugraph.anchors.kinds import ANCHOR_KINDS, AnchorKind
from plugraph.anchors.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page
from plugraph.api.deps import Context
from plugraph.api.routes.entities import MergePatchBody
from plugraph.api.security import require
from plugraph.edges.models import AnchoredEdgePut, EdgeCreate, EdgePublic, LinkedEdge, Neighborhood
from plugraph.edges.neighbors import MAX_DEPTH
from plugraph.security.principal import Principal

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Cursor = Annotated[str | None, Query()]
OptionalId = Annotated[str | None, Query(min_length=1, max_length=64)]
OptionalLabel = Annotated[str | None, Query(min_length=1, max_length=63)]

# -- the generic edge API --------------------------------------------------------------

router = APIRouter(prefix="/admin/plugins/{slug}/edges", tags=["edges"])
EdgeReader = Annotated[Principal, require("plugins:{slug}:edges:{label}:read")]
EdgeWriter = Annotated[Principal, require("plugins:{slug}:edges:{label}:write")]


@router.get("/{label}", response_model=Page[EdgePublic], summary="List edges of a label")
def list_edges(
    slug: str,
    label: str,
    principal: EdgeReader,
    context: Context,
    source_id: OptionalId = None,
    target_id: OptionalId = None,
    source_label: OptionalLabel = None,
    target_label: OptionalLabel = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
) -> Any:
    return context.edges.list(
        principal,
        slug,
        label,
        source_id=source_id,
        target_id=target_id,
        source_label=source_label,
        target_label=target_label,
        cursor=cursor,
        limit=limit,
    )


@router.post("/{label}", status_code=201, response_model=EdgePublic, summary="Create an edge")
def create_edge(
    slug: str,
    label: str,
    body: EdgeCreate,
    request: Request,
    response: Response,
    principal: EdgeWriter,
    context: Context,
) -> Any:
    edge = context.edges.create(principal, slug, label, body)
    response.headers["Location"] = str(
        request.url_for(
            "get_edge", slug=slug, label=label, source_id=edge.source_id, target_id=edge.target_id
        ).path
    )
    return edge


@router.get(
    "/{label}/{source_id}/{target_id}",
    name="get_edge",
    response_model=EdgePublic,
    summary="One edge",
)
def get_edge(
    slug: str, label: str, source_id: str, target_id: str, principal: EdgeReader, context: Context
) -> Any:
    return context.edges.get(principal, slug, label, source_id, target_id)


@router.patch(
    "/{label}/{source_id}/{target_id}",
    response_model=EdgePublic,
    summary="Change an edge's properties with a JSON Merge Patch",
)
def patch_edge(
    slug: str,
    label: str,
    source_id: str,
    target_id: str,
    principal: EdgeWriter,
    context: Context,
    body: MergePatchBody,
) -> Any:
    return context.edges.update(principal, slug, label, source_id, target_id, body)


@router.delete("/{label}/{source_id}/{target_id}", status_code=204, summary="Delete an edge")
def delete_edge(
    slug: str, label: str, source_id: str, target_id: str, principal: EdgeWriter, context: Context
) -> Response:
    context.edges.delete(principal, slug, label, source_id, target_id)
    return Response(status_code=204)


# -- an entity's edges and neighbourhood --------------------------------------------------

entity_router = APIRouter(prefix="/admin/plugins/{slug}/entities", tags=["edges"])
EntityReader = Annotated[Principal, require("plugins:{slug}:entities:{label}:read")]


@entity_router.get(
    "/{label}/{id}/edges",
    response_model=Page[LinkedEdge],
    summary="Every plugin edge touching the entity, with the node at the other end",
)
def entity_edges(
    slug: str,
    label: str,
    id: str,
    principal: EntityReader,
    context: Context,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
) -> Any:
    return context.node_edges.of_entity(principal, slug, label, id, cursor=cursor, limit=limit)


@entity_router.get(
    "/{label}/{id}/neighbors",
    response_model=Neighborhood,
    summary=f"Nodes and relationships within depth hops (1 to {MAX_DEPTH})",
)
def entity_neighbors(
    slug: str,
    label: str,
    id: str,
    principal: EntityReader,
    context: Context,
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 1,
) -> Any:
    return context.neighbors.around_entity(principal, slug, label, id, depth)


# -- anchored edges, for every core anchor kind ----------------------------------------------


def anchored_router(kind: AnchorKind) -> APIRouter:
    anchored = APIRouter(prefix=f"/admin/{kind.kind}/{{slug}}/plugin-edges", tags=["edges"])
    Reader = Annotated[Principal, require("plugins:{plugin}:edges:{label}:read")]
    Writer = Annotated[Principal, require("plugins:{plugin}:edges:{label}:write")]

    @anchored.get(
        "/{plugin}/{label}",
        response_model=Page[LinkedEdge],
        summary=f"The {kind.singular}'s edges of a plugin label, with the other ends",
    )
    def anchored_edges(
        slug: str,
        plugin: str,
        label: str,
        principal: Reader,
        context: Context,
        cursor: Cursor = None,
        limit: Limit = DEFAULT_PAGE_SIZE,
    ) -> Any:
        anchor = context.anchors.node(principal, kind, slug)
        return context.node_edges.of_anchor(
            principal, anchor, plugin, label, cursor=cursor, limit=limit
        )

    @anchored.put(
        "/{plugin}/{label}",
        response_model=EdgePublic,
        summary=f"Link the {kind.singular} to target_id, replacing its edge of this label",
    )
    def put_anchored_edge(
        slug: str,
        plugin: str,
        label: str,
        body: AnchoredEdgePut,
        principal: Writer,
        context: Context,
    ) -> Any:
        anchor = context.anchors.node(principal, kind, slug)
        return context.node_edges.put_for_anchor(principal, anchor, plugin, label, body)

    @anchored.delete(
        "/{plugin}/{label}",
        status_code=204,
        summary=f"Unlink the {kind.singular}'s edges of this label (or only to other_id)",
    )
    def delete_anchored_edges(
        slug: str,
        plugin: str,
        label: str,
        principal: Writer,
        context: Context,
        other_id: OptionalId = None,
    ) -> Response:
        anchor = context.anchors.node(principal, kind, slug)
        context.node_edges.unlink_from_anchor(principal, anchor, plugin, label, other_id)
        return Response(status_code=204)

    return anchored


routers = (router, entity_router, *(anchored_router(kind) for kind in ANCHOR_KINDS))
