"""The hand-written baseline: what a team would write for one label without the generic router.

Mounted on the SAME FastAPI app (same middleware, same uvicorn, same GraphStore and
driver pool) as the generic routes it is compared with, under ``/bare/...``:

* ``GET  /bare/aws/accounts/{id}``  runs the generic route's own Cypher text
  (``cypher/entities/get.cypher`` rendered for AwsAccount) through the same driver
  session settings (``GraphStore.read``: a managed read transaction) and returns the
  same JSON (``{"id", ...document, "_meta": {...}}``) with the same ETag header, shaped
  by hand for this one label. No authentication, no authorization, no manifest lookup.
* ``POST /bare/aws/accounts``  only the write: the same ``entities/create`` text in a
  managed write transaction, with the same system properties; no JSON Schema
  validation, no uniqueness check, no version record, no audit event.
* ``GET  /bare/aws/accounts``  the first page of the list, with the exact query text the
  generic list builds (``plugraph.entities.query.list_query``).

The org is fixed when the routes are built (there is no principal to take it from).
"""

from __future__ import annotations

import base64
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query
from fastapi.responses import JSONResponse

from plugraph.clock import utc_now
from plugraph.entities.filters import Sort
from plugraph.entities.query import list_query
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.ids import new_id

PLUGIN = "aws-iam-ic"
LABEL = "AwsAccount"
PREFIX = "/bare/aws/accounts"
_DOCUMENT_FIELDS = (
    "accountId",
    "name",
    "email",
    "status",
    "organizationalUnit",
    "joinedMethod",
    "joinedTimestamp",
    "tags",
)


def shape(props: dict[str, Any]) -> dict[str, Any]:
    """Node properties -> the public JSON, written out for AwsAccount."""
    document: dict[str, Any] = {"id": props["id"]}
    for name in _DOCUMENT_FIELDS:
        if name in props:
            document[name] = props[name]
    owner = {}
    if "owner.name" in props:
        owner["name"] = props["owner.name"]
    if "owner.email" in props:
        owner["email"] = props["owner.email"]
    if owner:
        document["owner"] = owner
    document["_meta"] = {
        "plugin": props["_plugin"],
        "label": props["_label"],
        "version": props["_version"],
        "created_at": props["_created_at"],
        "updated_at": props["_updated_at"],
        "created_by": props["_created_by"],
        "updated_by": props["_updated_by"],
    }
    return document


def node_props(body: dict[str, Any], org_id: str, actor: str) -> dict[str, Any]:
    props = {k: v for k, v in body.items() if k != "owner"}
    owner = body.get("owner") or {}
    for key, value in owner.items():
        props[f"owner.{key}"] = value
    now = utc_now()
    props.update(
        {
            "id": new_id(),
            "_plugin": PLUGIN,
            "_label": LABEL,
            "_org": org_id,
            "_version": 1,
            "_created_at": now,
            "_updated_at": now,
            "_created_by": actor,
            "_updated_by": actor,
        }
    )
    return props


def bare_router(store: GraphStore, org_id: str, actor: str = "user:bare") -> APIRouter:
    router = APIRouter(prefix=PREFIX, tags=["bench"])
    get_text = QUERIES.render("entities/get", label=LABEL)
    create_text = QUERIES.render("entities/create", label=LABEL)

    @router.get("/{id}")
    def get_account(id: str) -> JSONResponse:
        rows = store.read(get_text, {"org": org_id, "plugin": PLUGIN, "id": id})
        if not rows:
            return JSONResponse({"detail": "not found"}, status_code=404)
        props = rows[0]["props"]
        return JSONResponse(shape(props), headers={"ETag": f'"{props["_version"]}"'})

    @router.post("", status_code=201)
    def create_account(body: Annotated[dict[str, Any], Body()]) -> JSONResponse:
        props = node_props(body, org_id, actor)
        row = store.execute_write(lambda tx: tx.run(create_text, props=props).single(strict=True))
        created = row["props"]
        return JSONResponse(
            shape(created),
            status_code=201,
            headers={"ETag": f'"{created["_version"]}"', "Location": f"{PREFIX}/{created['id']}"},
        )

    @router.get("")
    def list_accounts(limit: Annotated[int, Query(ge=1, le=200)] = 50) -> dict[str, Any]:
        page = list_query(
            LABEL, org=org_id, plugin=PLUGIN, filters=(), sort=Sort("id"), limit=limit + 1
        )
        rows = store.read(page.text, page.params)
        items = [shape(row["props"]) for row in rows[:limit]]
        cursor = None
        if len(rows) > limit:
            cursor = base64.urlsafe_b64encode(items[-1]["id"].encode()).decode()
        return {"items": items, "next_cursor": cursor}

    return router
