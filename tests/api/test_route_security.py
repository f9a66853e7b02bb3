"""Every route is covered by authorization (default deny): a walk of the OpenAPI document.

Each operation must declare the bearer security scheme (only ``require`` adds it)
and must answer 401 without credentials; public routes are the explicit
allowlist ``PUBLIC_PATHS``.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from plugraph.api.app import PUBLIC_PATHS

SAMPLE_ID = "01ARZ3NDEKTSV4RRFFQ69G5FAV"


def _operations(app: FastAPI) -> list[tuple[str, str, dict]]:
    return [
        (method.upper(), path, operation)
        for path, item in app.openapi()["paths"].items()
        for method, operation in item.items()
    ]


def _concrete(path: str) -> str:
    out = []
    for segment in path.split("/"):
        if segment.startswith("{") and "}" in segment:
            name, rest = segment[1:].split("}", 1)
            segment = (SAMPLE_ID if name.endswith("id") else "sample") + rest
        out.append(segment)
    return "/".join(out)


def test_the_document_has_guarded_operations(app: FastAPI):
    assert len([op for op in _operations(app) if op[1] not in PUBLIC_PATHS]) >= 10


def test_every_operation_declares_the_bearer_scheme_or_is_explicitly_public(app: FastAPI):
    unguarded = [
        f"{method} {path}"
        for method, path, operation in _operations(app)
        if path not in PUBLIC_PATHS and {"bearer": []} not in operation.get("security", [])
    ]
    assert unguarded == []


def test_every_guarded_operation_answers_401_without_credentials(
    anon_client: TestClient, app: FastAPI
):
    failures = []
    for method, path, _operation in _operations(app):
        if path in PUBLIC_PATHS:
            continue
        response = anon_client.request(method, _concrete(path), json={})
        if response.status_code != 401:
            failures.append(f"{method} {path} -> {response.status_code}")
    assert failures == []


def test_public_routes_answer_without_credentials(anon_client: TestClient):
    assert anon_client.get("/healthz").status_code == 200
    assert anon_client.get("/openapi.json").status_code == 200
