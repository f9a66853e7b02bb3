"""The generic entity API: one router serves every declared vertex label.

Routes with a literal suffix (``/_schema``, ``:bulk``, ``:restore``, ``/versions``)
are declared before the ``/{id}`` routes they would otherwise be mistaken for.

Bodies: POST takes ``application/json``; PATCH takes only
``application/merge-patch+json`` (RFC 7396; a plain ``application/json`` PATCH is a
415 because its meaning, merge patch or JSON Patch, would be a guess). A body that
is not JSON is a 400; an oversize body a 413 (``PLUGRAPH_MAX_BODY_BYTES``, or
``PLUGRAPH_MAX_BULK_BODY_BYTES`` for ``:bulk``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from plugraph.api.deps import Context
from plugraph.api.security import require
from plugraph.entities.etag import parse_if_match
from plugraph.entities.filters import parse_limit, parse_list_params
from plugraph.entities.merge_patch import MEDIA_TYPE as MERGE_PATCH
from plugraph.entities.models import BulkRequest, Entity
from plugraph.errors import ApiError, UnsupportedMediaType
from plugraph.manifests.documents import DocumentError, parse_json
from plugraph.security.principal import Principal

router = APIRouter(prefix="/admin/plugins/{slug}/entities", tags=["entities"])

Reader = Annotated[Principal, require("plugins:{slug}:entities:{label}:read")]
Writer = Annotated[Principal, require("plugins:{slug}:entities:{label}:write")]
Deleter = Annotated[Principal, require("plugins:{slug}:entities:{label}:delete")]
IfMatchHeader = Annotated[str | None, Header(alias="If-Match")]


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def read_json(request: Request, accepted: tuple[str, ...]) -> Any:
    """The parsed body; 415 for another media type, 400 if it is not JSON."""
    if media_type(request) not in accepted:
        raise UnsupportedMediaType(
            f"send the body as {' or '.join(accepted)}", accepted=list(accepted)
        )
    raw = await request.body()
    try:
        return parse_json(raw.decode("utf-8"))
    except (DocumentError, UnicodeDecodeError) as exc:
        raise ApiError(f"the request body is not valid JSON: {exc}") from None


async def json_body(request: Request) -> Any:
    return await read_json(request, ("application/json",))


async def merge_patch_body(request: Request) -> Any:
    return await read_json(request, (MERGE_PATCH,))


JsonBody = Annotated[Any, Depends(json_body)]
MergePatchBody = Annotated[Any, Depends(merge_patch_body)]


def entity_response(entity: Entity, status_code: int = 200, **headers: str) -> JSONResponse:
    return JSONResponse(
        entity.public(), status_code=status_code, headers={"ETag": entity.etag, **headers}
    )


@router.get("/{label}/_schema", summary="The label's JSON Schema, display hints and indexes")
def label_schema(slug: str, label: str, principal: Reader, context: Context) -> dict[str, Any]:
    return context.entities.schema(slug, label)


@router.post("/{label}:bulk", summary="Create or upsert many entities, all or nothing")
def bulk(
    slug: str, label: str, principal: Writer, context: Context, body: JsonBody
) -> dict[str, Any]:
    request = BulkRequest.parse(body)
    return context.entities.bulk(principal, slug, label, request).as_dict()


@router.post("/{label}/{id}:restore", status_code=201, summary="Recreate a deleted entity")
def restore(slug: str, label: str, id: str, principal: Writer, context: Context) -> JSONResponse:
    return entity_response(context.entities.restore(principal, slug, label, id), 201)


@router.get("/{label}/{id}/versions", summary="The entity's versions, oldest first")
def versions(
    slug: str,
    label: str,
    id: str,
    principal: Reader,
    context: Context,
    limit: Annotated[str | None, Query()] = None,
    cursor: Annotated[str | None, Query()] = None,
) -> dict[str, Any]:
    page = context.entities.versions(
        principal, slug, label, id, limit=parse_limit(limit), cursor=cursor
    )
    return page.as_dict()


@router.get("/{label}/{id}/versions/{number}", summary="One version of the entity")
def version(
    slug: str, label: str, id: str, number: int, principal: Reader, context: Context
) -> dict[str, Any]:
    return context.entities.version(principal, slug, label, id, number).as_dict()


@router.get("/{label}", summary="List entities (filters, sort, cursor paging)")
def list_entities(
    slug: str, label: str, request: Request, principal: Reader, context: Context
) -> dict[str, Any]:
    runtime = context.registry.vertex_label(slug, label)
    params = parse_list_params(request.query_params.multi_items(), runtime)
    return context.entities.list(principal, slug, label, params).as_dict()


@router.post("/{label}", status_code=201, summary="Create an entity")
def create(
    slug: str, label: str, request: Request, principal: Writer, context: Context, body: JsonBody
) -> JSONResponse:
    entity = context.entities.create(principal, slug, label, body)
    location = str(request.url_for("get_entity", slug=slug, label=label, id=entity.id).path)
    return entity_response(entity, 201, Location=location)


@router.get("/{label}/{id}", name="get_entity", summary="One entity (with its ETag)")
def get_entity(slug: str, label: str, id: str, principal: Reader, context: Context) -> JSONResponse:
    return entity_response(context.entities.get(principal, slug, label, id))


@router.patch("/{label}/{id}", summary="Update with a JSON Merge Patch (If-Match honoured)")
def patch_entity(
    slug: str,
    label: str,
    id: str,
    principal: Writer,
    context: Context,
    body: MergePatchBody,
    if_match: IfMatchHeader = None,
) -> JSONResponse:
    entity = context.entities.patch(principal, slug, label, id, body, parse_if_match(if_match))
    return entity_response(entity)


@router.delete("/{label}/{id}", status_code=204, summary="Delete (If-Match honoured)")
def delete_entity(
    slug: str,
    label: str,
    id: str,
    principal: Deleter,
    context: Context,
    if_match: IfMatchHeader = None,
) -> Response:
    context.entities.delete(principal, slug, label, id, parse_if_match(if_match))
    return Response(status_code=204)
