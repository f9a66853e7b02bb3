"""Fixtures for the entity API: the aws-iam-ic example plugin installed over HTTP."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from plugraph.manifests.loader import load_manifest
from tests.conftest import REPO_ROOT

PLUGIN = "aws-iam-ic"
ACCOUNTS = f"/admin/plugins/{PLUGIN}/entities/AwsAccount"
MERGE_PATCH = {"Content-Type": "application/merge-patch+json"}


def aws_manifest_document() -> dict[str, Any]:
    return load_manifest(REPO_ROOT / "manifests" / PLUGIN).to_document()


def account(number: int = 1, **overrides: Any) -> dict[str, Any]:
    """A valid AwsAccount document; ``number`` makes accountId and name unique."""
    document: dict[str, Any] = {
        "accountId": f"{number:012d}",
        "name": f"account-{number:04d}",
        "email": f"root+{number}@example.com",
        "status": "ACTIVE",
        "tags": ["env=prod", "team=core"],
        "owner": {"name": "Ana", "email": "ana@example.com"},
    }
    document.update(overrides)
    return document


@pytest.fixture
def installed(client: TestClient) -> dict[str, Any]:
    response = client.post("/admin/plugins", json=aws_manifest_document())
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture
def create_account(client: TestClient, installed: dict[str, Any]) -> Callable[..., dict[str, Any]]:
    def create(number: int = 1, **overrides: Any) -> dict[str, Any]:
        response = client.post(ACCOUNTS, json=account(number, **overrides))
        assert response.status_code == 201, response.text
        return response.json()

    return create
