"""Org isolation across the whole API: another org's objects are 404 on every route that
names them, and never appear in lists, even for that other org's administrators."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from plugraph.manifests.loader import load_manifest
from tests.conftest import REPO_ROOT

AWS = "/admin/plugins/aws-iam-ic"
ACCOUNT = {
    "accountId": "123456789012",
    "name": "prod",
    "email": "aws@example.com",
    "status": "ACTIVE",
}


@pytest.fixture
def demo_objects(client: TestClient) -> dict[str, Any]:
    """One of each kind of object in the demo org, created through the API."""
    manifest = load_manifest(REPO_ROOT / "manifests" / "aws-iam-ic").to_document()
    assert client.post("/admin/plugins", json=manifest).status_code == 201
    account = client.post(f"{AWS}/entities/AwsAccount", json=ACCOUNT)
    assert account.status_code == 201, account.text
    assert (
        client.post("/admin/projects", json={"slug": "checkout", "name": "Checkout"}).status_code
        == 201
    )
    env = client.post(
        "/admin/environments", json={"slug": "checkout-prod", "name": "Prod", "project": "checkout"}
    )
    assert env.status_code == 201, env.text
    edge = client.post(
        f"{AWS}/edges/MAPS_TO",
        json={
            "source_id": env.json()["id"],
            "target_id": account.json()["id"],
            "properties": {"role": "workload"},
        },
    )
    assert edge.status_code == 201, edge.text
    market = client.post("/admin/marketplaces", json={"slug": "internal", "name": "Internal"})
    assert market.status_code == 201, market.text
    token = client.post("/admin/tokens", json={"name": "ops"})
    assert token.status_code == 201
    return {
        "account": account.json()["id"],
        "env": env.json()["id"],
        "marketplace": market.json()["id"],
        "token": token.json()["id"],
    }


def test_another_orgs_objects_are_404_on_every_route_that_names_them(demo_objects, make_caller):
    stranger = make_caller("org-admin", org="elsewhere").client
    account, env = demo_objects["account"], demo_objects["env"]
    market, token = demo_objects["marketplace"], demo_objects["token"]
    attempts = [
        ("GET", f"{AWS}/entities/AwsAccount/{account}", None),
        ("PATCH", f"{AWS}/entities/AwsAccount/{account}", {"name": "stolen"}),
        ("DELETE", f"{AWS}/entities/AwsAccount/{account}", None),
        ("GET", f"{AWS}/entities/AwsAccount/{account}/versions", None),
        ("GET", f"{AWS}/entities/AwsAccount/{account}/versions/1", None),
        ("POST", f"{AWS}/entities/AwsAccount/{account}:restore", None),
        ("GET", f"{AWS}/entities/AwsAccount/{account}/edges", None),
        ("GET", f"{AWS}/entities/AwsAccount/{account}/neighbors", None),
        ("GET", f"{AWS}/edges/MAPS_TO/{env}/{account}", None),
        ("DELETE", f"{AWS}/edges/MAPS_TO/{env}/{account}", None),
        ("GET", "/admin/environments/checkout-prod", None),
        ("PATCH", "/admin/environments/checkout-prod", {"name": "stolen"}),
        ("DELETE", "/admin/environments/checkout-prod", None),
        ("GET", "/admin/projects/checkout", None),
        ("GET", "/admin/environments/checkout-prod/plugin-edges/aws-iam-ic/MAPS_TO", None),
        ("GET", f"/admin/marketplaces/{market}", None),
        ("PATCH", f"/admin/marketplaces/{market}", {"name": "stolen"}),
        ("GET", f"/admin/marketplaces/{market}/plugins", None),
        ("GET", f"/admin/marketplaces/{market}/access", None),
        ("POST", f"/admin/marketplaces/{market}:archive", None),
        ("GET", f"/admin/tokens/{token}", None),
        ("DELETE", f"/admin/tokens/{token}", None),
    ]
    failures = []
    for method, url, body in attempts:
        headers = {"Content-Type": "application/merge-patch+json"} if method == "PATCH" else {}
        response = stranger.request(method, url, json=body, headers=headers)
        if response.status_code != 404:
            failures.append(f"{method} {url} -> {response.status_code}")
    assert not failures, "\n".join(failures)


def test_another_orgs_objects_never_appear_in_lists(demo_objects, make_caller, client: TestClient):
    stranger = make_caller("org-admin", org="elsewhere").client
    assert stranger.get(f"{AWS}/entities/AwsAccount").json()["items"] == []
    assert stranger.get(f"{AWS}/edges/MAPS_TO").json()["items"] == []
    assert stranger.get("/admin/environments").json()["items"] == []
    assert stranger.get("/admin/marketplaces").json()["items"] == []
    assert demo_objects["token"] not in {
        t["id"] for t in stranger.get("/admin/tokens?all=true").json()
    }
    audit = stranger.get("/admin/audit", params={"limit": 200}).json()["items"]
    assert not {e["target_id"] for e in audit} & set(demo_objects.values())
    # and the owner still sees everything, unchanged
    assert (
        client.get(f"{AWS}/entities/AwsAccount/{demo_objects['account']}").json()["name"] == "prod"
    )
