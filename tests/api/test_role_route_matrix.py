"""The role x route matrix, generated from the app's routes: each seeded role gets exactly
what its policies say.

For every operation and every seeded role (and a user with no role), the expected
answer is computed from the route's permission template and the role's grants with
the same pattern matcher Casbin uses; the request is then made for real. Allowed means
"anything but 403" (the sample ids do not exist, so 404/422 are expected); denied
means 403 naming exactly the route's permission.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from plugraph.api.app import PUBLIC_PATHS
from plugraph.api.security import declared_permission
from plugraph.authz.permissions import perm_match
from plugraph.authz.roles import SEEDED_ROLES
from plugraph.manifests.loader import load_manifest
from tests.conftest import REPO_ROOT

SAMPLES = {
    "slug": "aws-iam-ic",
    "plugin": "aws-iam-ic",
    "label": "AwsAccount",
    "kind": "projects",
    "holder_kind": "user",
}
SAMPLE_ID = "01ARZ3NDEKTSV4RRFFQ69G5FAV"
ROLES = [*SEEDED_ROLES, None]


def _templates(dependant: Dependant) -> Iterator[str]:
    for sub in dependant.dependencies:
        if sub.call is not None and declared_permission(sub.call) is not None:
            yield declared_permission(sub.call)
        yield from _templates(sub)


def _operations(app: FastAPI) -> list[tuple[str, str, str]]:
    operations = []
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute) or context.path in PUBLIC_PATHS:
            continue
        templates = list(_templates(route.dependant))
        assert len(templates) == 1, f"{context.path} has {templates}"
        for method in sorted(route.methods):
            operations.append((method, context.path, templates[0]))
    return operations


def _fill(path: str) -> tuple[str, dict[str, str]]:
    params: dict[str, str] = {}
    out = []
    for segment in path.split("/"):
        if segment.startswith("{") and "}" in segment:
            name, rest = segment[1:].split("}", 1)
            value = SAMPLES.get(name, SAMPLE_ID if name.endswith("id") else f"sample-{name}")
            params[name] = value
            segment = value + rest
        out.append(segment)
    return "/".join(out), params


def test_every_route_has_exactly_one_permission_template(app: FastAPI):
    assert len(_operations(app)) >= 10


@pytest.fixture
def real_resources(client) -> None:
    """An installed plugin and a marketplace, so resource-grant routes reach their check."""
    manifest = load_manifest(REPO_ROOT / "manifests" / "aws-iam-ic").to_document()
    assert client.post("/admin/plugins", json=manifest).status_code == 201
    created = client.post("/admin/marketplaces", json={"slug": "matrix", "name": "Matrix"})
    assert created.status_code == 201, created.text
    SAMPLES["marketplace_id"] = created.json()["id"]


@pytest.mark.parametrize("role", ROLES, ids=[r or "no-role" for r in ROLES])
def test_each_role_gets_exactly_what_its_policies_say(
    app: FastAPI, make_caller, real_resources: None, role: str | None
):
    caller = make_caller(role)
    grants = SEEDED_ROLES.get(role or "", ())
    mismatches = []
    for method, path, template in _operations(app):
        url, params = _fill(path)
        if template == "authenticated":
            expected_allowed, permission = True, None
        else:
            permission = template.format(**params)
            expected_allowed = any(perm_match(permission, pattern) for pattern in grants)
        response = caller.client.request(method, url, json={})
        denied_by_route = (
            response.status_code == 403 and response.json().get("permission") == permission
        )
        if expected_allowed and denied_by_route:
            mismatches.append(f"{role}: {method} {path} denied {permission} but the role grants it")
        if not expected_allowed and not denied_by_route:
            mismatches.append(
                f"{role}: {method} {path} answered {response.status_code}, expected 403 for {permission}"
            )
    assert not mismatches, "\n".join(mismatches)
