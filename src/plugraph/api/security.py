"""Authentication and authorization for every route: ONE dependency, ``require``.

    principal: Annotated[Principal, require("plugins:{slug}:entities:{label}:read")]

The template is filled from the request's path parameters (a value containing
``:`` or ``*`` can never name a permission, so it is a 404). Without a bearer
token: 401. Without the permission: 403 naming it and saying what was missing.
Plugin keys are also held to their manifest's ``rate_limit`` (429 + Retry-After).
``require`` is the only way routes reach ``authenticate``; it declares the bearer
scheme, so every guarded operation lists ``security`` in the OpenAPI document and
tests/api/test_route_security.py walks that document: any operation without it,
or answering anything but 401 without credentials, fails the suite (public
routes are an explicit allowlist).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from plugraph.api.deps import Context
from plugraph.errors import NotFound, Unauthenticated
from plugraph.security.principal import Principal

PERMISSION_ATTR = "__plugraph_permission__"


def bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if not header:
        raise Unauthenticated("authentication required: send Authorization: Bearer <token>")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("the Authorization header must be 'Bearer <token>'")
    return token.strip()


# Declares the scheme in the OpenAPI document (every guarded operation lists it under
# `security`); the header itself is parsed below for precise 401 messages.
bearer_scheme = HTTPBearer(
    auto_error=False,
    scheme_name="bearer",
    description="a plg_ personal API token or a plgk_ plugin key",
)


def authenticate(
    request: Request,
    context: Context,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> Principal:
    cached: Principal | None = getattr(request.state, "principal", None)
    if cached is not None:
        return cached
    principal = context.authenticator.authenticate(
        bearer_token(request), getattr(request.state, "request_id", "")
    )
    if principal.kind == "plugin":
        limit = context.plugin_rate_limit(principal.id)
        if limit:
            context.rate_limiter.hit(f"plugin-key:{principal.token_id}", limit)
    request.state.principal = principal
    return principal


def permission_for(template: str, path_params: dict[str, Any]) -> str:
    values = {}
    for key, value in path_params.items():
        text = str(value)
        if not text or ":" in text or "*" in text:
            raise NotFound(f"no {key} {text!r}")
        values[key] = text
    return template.format(**values)


def require(template: str | None) -> Any:
    """A dependency that authenticates the caller and checks one permission.

    ``require(None)`` admits any authenticated principal (for the caller's own
    resources: ``/admin/me``, one's own tokens); the service then scopes the data.
    """

    def dependency(
        request: Request,
        principal: Annotated[Principal, Depends(authenticate)],
        context: Context,
    ) -> Principal:
        if template is not None:
            permission = permission_for(template, dict(request.path_params))
            context.authorizer.ensure(principal, permission)
        return principal

    setattr(dependency, PERMISSION_ATTR, template or "authenticated")
    dependency.__name__ = f"require[{template}]"
    return Depends(dependency)


def declared_permission(dependency: Callable[..., Any]) -> str | None:
    return getattr(dependency, PERMISSION_ATTR, None)
