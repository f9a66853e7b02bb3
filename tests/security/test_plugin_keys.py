"""Plugin API keys: a plugin acts as a principal limited to its manifest, rate limited per key."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from plugraph.manifests.loader import load_manifest
from tests.conftest import REPO_ROOT


def _manifest(slug: str, **changes: Any) -> dict[str, Any]:
    document = load_manifest(REPO_ROOT / "manifests" / slug).to_document()
    document.update(changes)
    return document


@pytest.fixture
def plugins(client: TestClient) -> None:
    for slug, changes in (
        ("aws-iam-ic", {"rate_limit": "5/minute"}),
        ("github", {}),
        ("pagerduty", {}),
    ):
        response = client.post("/admin/plugins", json=_manifest(slug, **changes))
        assert response.status_code == 201, response.text


def _key(client: TestClient, plugin: str) -> TestClient:
    issued = client.post("/admin/plugin-keys", json={"plugin": plugin, "name": "connector"})
    assert issued.status_code == 201, issued.text
    token = issued.json()["token"]
    assert token.startswith("plgk_")
    return TestClient(client.app, headers={"Authorization": f"Bearer {token}"})


def test_a_plugin_key_reaches_its_own_labels_only(client: TestClient, plugins: None):
    with _key(client, "github") as github:
        me = github.get("/admin/me").json()
        assert me["kind"] == "plugin" and me["id"] == "github"
        assert github.get("/admin/plugins/github/entities/GithubRepository").status_code == 200
        denied = github.get("/admin/plugins/aws-iam-ic/entities/AwsAccount")
        assert denied.status_code == 403
        assert denied.json()["permission"] == "plugins:aws-iam-ic:entities:AwsAccount:read"
        assert github.get("/admin/audit").status_code == 403


def test_requested_scopes_on_other_plugins_are_granted(client: TestClient, plugins: None):
    manifest = load_manifest(REPO_ROOT / "manifests" / "pagerduty")
    assert "entities:read:GithubRepository" in manifest.permissions
    with _key(client, "pagerduty") as pagerduty:
        assert pagerduty.get("/admin/plugins/github/entities/GithubRepository").status_code == 200
        assert (
            pagerduty.post("/admin/plugins/github/entities/GithubRepository", json={}).status_code
            == 403
        )


def test_the_manifest_rate_limit_is_enforced_per_key_with_retry_after(
    client: TestClient, plugins: None
):
    with _key(client, "aws-iam-ic") as first, _key(client, "aws-iam-ic") as second:
        statuses = [
            first.get("/admin/plugins/aws-iam-ic/entities/AwsAccount").status_code for _ in range(6)
        ]
        assert statuses == [200] * 5 + [429]
        limited = first.get("/admin/plugins/aws-iam-ic/entities/AwsAccount")
        assert limited.status_code == 429
        assert 1 <= int(limited.headers["Retry-After"]) <= 60
        assert limited.json()["code"] == "rate_limited"
        # another key of the same plugin is tracked separately
        assert second.get("/admin/plugins/aws-iam-ic/entities/AwsAccount").status_code == 200
    # users are not held to a plugin's limit
    assert all(
        client.get("/admin/plugins/aws-iam-ic/entities/AwsAccount").status_code == 200
        for _ in range(7)
    )


def test_uninstalling_a_plugin_removes_its_key_permissions(client: TestClient, plugins: None):
    with _key(client, "github") as github:
        assert github.get("/admin/plugins/github/entities/GithubRepository").status_code == 200
        assert client.delete("/admin/plugins/pagerduty").status_code in (200, 204)
        assert client.delete("/admin/plugins/github").status_code in (200, 204)
        response = github.get("/admin/plugins/github/entities/GithubRepository")
        assert response.status_code in (403, 404)


def test_plugin_keys_need_tokens_manage_and_an_installed_plugin(
    client: TestClient, make_caller, plugins: None
):
    viewer = make_caller("viewer")
    assert (
        viewer.client.post("/admin/plugin-keys", json={"plugin": "github", "name": "x"}).status_code
        == 403
    )
    assert (
        client.post("/admin/plugin-keys", json={"plugin": "nope", "name": "x"}).status_code == 404
    )
