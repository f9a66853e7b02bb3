"""Errors as RFC 9457 problem documents (``application/problem+json``).

``{"type", "title", "status", "detail", "code", "errors": [{"pointer", "message"}], ...}``
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from plugraph.errors import ApiError, RateLimited, ValidationFailed

PROBLEM_TYPE = "application/problem+json"


def problem(status: int, code: str, detail: str, **extra: Any) -> JSONResponse:
    body = {"type": f"about:blank#{code}", "title": code.replace("_", " "), "status": status}
    body |= {"code": code, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_TYPE)


def _pointer(loc: tuple[Any, ...]) -> str:
    parts = list(loc[1:]) if loc and loc[0] in {"body", "query", "path", "header"} else list(loc)
    escaped = [str(p).replace("~", "~0").replace("/", "~1") for p in parts]
    return "/" + "/".join(escaped) if escaped else ""


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    extra = dict(exc.extra)
    if isinstance(exc, ValidationFailed):
        extra["errors"] = [error.as_dict() for error in exc.errors]
    response = problem(exc.status, exc.code, exc.message, **extra)
    if isinstance(exc, RateLimited):
        response.headers["Retry-After"] = str(exc.retry_after)
    return response


async def _request_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = []
    where = "body"
    for error in exc.errors():
        loc = tuple(error.get("loc", ()))
        if loc:
            where = str(loc[0])
        errors.append(
            {"pointer": _pointer(loc), "in": str(loc[0]) if loc else "", "message": error["msg"]}
        )
    return problem(422, "validation_failed", f"the request {where} is invalid", errors=errors)


async def _http_exception(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large"}.get(
        exc.status_code, "http_error"
    )
    response = problem(exc.status_code, code, str(exc.detail))
    for key, value in (exc.headers or {}).items():
        response.headers[key] = value
    return response


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _request_validation)
    app.add_exception_handler(StarletteHTTPException, _http_exception)
