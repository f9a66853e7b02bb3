"""Arranging data through the API for the UI tests (each test makes its own, uniquely named)."""

from __future__ import annotations

import random
from typing import Any

import httpx

ACCOUNTS = "/admin/plugins/aws-iam-ic/entities/AwsAccount"


def account_id() -> str:
    return "".join(random.choices("0123456789", k=12))


def create_account(api: httpx.Client, **fields: Any) -> dict[str, Any]:
    body = {
        "accountId": account_id(),
        "name": "acct",
        "email": "root@example.com",
        "status": "ACTIVE",
        **fields,
    }
    response = api.post(ACCOUNTS, json=body)
    assert response.status_code == 201, response.text
    return response.json()


def get_account(api: httpx.Client, entity_id: str) -> httpx.Response:
    return api.get(f"{ACCOUNTS}/{entity_id}")


def patch_account(api: httpx.Client, entity_id: str, patch: dict[str, Any]) -> dict[str, Any]:
    current = get_account(api, entity_id)
    response = api.patch(
        f"{ACCOUNTS}/{entity_id}",
        json=patch,
        headers={
            "Content-Type": "application/merge-patch+json",
            "If-Match": current.headers["etag"],
        },
    )
    assert response.status_code == 200, response.text
    return response.json()


def ensure_environment(api: httpx.Client, slug: str, project: str = "checkout") -> dict[str, Any]:
    """The environment ``slug`` (created with its project when the seed has not made it)."""
    found = api.get(f"/admin/environments/{slug}")
    if found.status_code == 200:
        return found.json()
    if api.get(f"/admin/projects/{project}").status_code == 404:
        created = api.post("/admin/projects", json={"slug": project, "name": project.title()})
        assert created.status_code == 201, created.text
    created = api.post(
        "/admin/environments",
        json={"slug": slug, "name": slug.replace("-", " "), "project": project},
    )
    assert created.status_code == 201, created.text
    return created.json()


def maps_to(api: httpx.Client, environment: str) -> list[dict[str, Any]]:
    """The environment's aws-iam-ic MAPS_TO edges, read through the anchored route."""
    response = api.get(f"/admin/environments/{environment}/plugin-edges/aws-iam-ic/MAPS_TO")
    assert response.status_code == 200, response.text
    return response.json()["items"]


def user_token(api: httpx.Client, slug: str, role: str) -> str:
    """A token of user ``slug`` (created if missing) holding the org role ``role``."""
    if api.get(f"/admin/users/{slug}").status_code == 404:
        created = api.post(
            "/admin/users",
            json={"slug": slug, "email": f"{slug}@example.com", "display_name": slug.title()},
        )
        assert created.status_code == 201, created.text
    assigned = api.post(
        "/admin/role-assignments", json={"holder_kind": "user", "holder": slug, "role": role}
    )
    assert assigned.status_code in (200, 201, 409), assigned.text
    issued = api.post("/admin/tokens", json={"name": "ui test", "user": slug})
    assert issued.status_code == 201, issued.text
    return issued.json()["token"]


def ensure_team(api: httpx.Client, slug: str) -> dict[str, Any]:
    found = api.get(f"/admin/teams/{slug}")
    if found.status_code == 200:
        return found.json()
    created = api.post("/admin/teams", json={"slug": slug, "name": slug.title()})
    assert created.status_code == 201, created.text
    return created.json()


def unlabelled_controls(page: Any) -> list[str]:
    """Inputs, selects and textareas on the page without an accessible name."""
    return page.evaluate(
        """() => [...document.querySelectorAll('input, select, textarea')]
            .filter(el => el.type !== 'hidden')
            .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                          && !el.getAttribute('aria-labelledby'))
            .map(el => el.outerHTML.slice(0, 160))"""
    )


def focus_is_visible(page: Any) -> bool:
    """The focused element draws a focus indicator (an outline or a box shadow)."""
    return page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
                   return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                          || s.boxShadow !== 'none'; }"""
    )
