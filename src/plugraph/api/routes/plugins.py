"""The plugin registry over HTTP: list, inspect, validate, plan, install/upgrade, uninstall.

``/admin/plugins/{slug}:plan`` and ``/admin/plugins:validate`` carry their verb after a
colon; the ``{slug}`` of the plan route stops before ``:plan`` (and a path segment
containing ``:`` never names a plugin), so they cannot be mistaken for
``/admin/plugins/{slug}``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from plugraph.api.deps import Context
from plugraph.api.routes.entities import read_json
from plugraph.api.security import require
from plugraph.errors import FieldError, ValidationFailed
from plugraph.manifests.errors import ManifestInvalid
from plugraph.manifests.loader import parse_manifest
from plugraph.manifests.model import Manifest
from plugraph.security.principal import Principal

router = APIRouter(prefix="/admin", tags=["plugins"])

SOURCE = "request body"
Installer = Annotated[Principal, require("plugins:install")]
Force = Annotated[bool, Query(description="install a breaking upgrade or a downgrade anyway")]


async def manifest_document(request: Request) -> Any:
    return await read_json(request, ("application/json",))


ManifestBody = Annotated[Any, Depends(manifest_document)]


def parse(document: Any) -> Manifest:
    if not isinstance(document, dict):
        raise ValidationFailed("a manifest is a JSON object", [FieldError("", "must be an object")])
    return parse_manifest(document, SOURCE)


@router.get("/plugins", summary="Every plugin the registry knows, installed or uninstalled")
def list_plugins(
    principal: Annotated[Principal, require("plugins:read")], context: Context
) -> dict[str, Any]:
    return {"items": [plugin.as_dict() for plugin in context.registry.list()]}


@router.post("/plugins:validate", summary="Validate a manifest without installing it")
def validate_manifest(
    principal: Annotated[Principal, require("plugins:read")],
    context: Context,
    document: ManifestBody,
) -> dict[str, Any]:
    try:
        manifest = parse(document)
    except ValidationFailed as exc:
        return {"valid": False, "errors": [error.as_dict() for error in exc.errors]}
    errors = context.registry.check(manifest)
    return {"valid": not errors, "errors": [error.as_dict() for error in errors]}


@router.post("/plugins", summary="Install or upgrade a plugin from a manifest document")
def install_plugin(
    principal: Installer, context: Context, document: ManifestBody, force: Force = False
) -> JSONResponse:
    manifest = parse(document)
    result = context.registry.install(manifest, principal, force=force)
    return JSONResponse(result.as_dict(), status_code=201 if result.action == "installed" else 200)


@router.post("/plugins/{slug}:plan", summary="What upgrading to a manifest would change")
def plan_upgrade(
    slug: str, principal: Installer, context: Context, document: ManifestBody
) -> dict[str, Any]:
    manifest = parse(document)
    if manifest.slug != slug:
        raise ManifestInvalid(SOURCE, [FieldError("/slug", f"must be {slug!r} (the URL's plugin)")])
    plan = context.registry.plan(manifest)
    return plan.as_dict()


@router.get("/plugins/{slug}", summary="One plugin and its current manifest")
def get_plugin(
    slug: str,
    principal: Annotated[Principal, require("plugins:{slug}:read")],
    context: Context,
) -> dict[str, Any]:
    info, manifest = context.registry.get(slug)
    return info.as_dict() | {"manifest": manifest.to_document() if manifest else None}


@router.get("/plugins/{slug}/versions", summary="Every installed version, newest first")
def plugin_versions(
    slug: str,
    principal: Annotated[Principal, require("plugins:{slug}:read")],
    context: Context,
) -> dict[str, Any]:
    return {"items": [version.as_dict() for version in context.registry.versions(slug)]}


@router.delete("/plugins/{slug}", summary="Uninstall: release the labels, keep the entities")
def uninstall_plugin(slug: str, principal: Installer, context: Context) -> dict[str, Any]:
    return context.registry.uninstall(slug, principal).as_dict()
