"""Fixtures for the registry: small manifests built in code, installed over HTTP."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from fastapi.testclient import TestClient

from plugraph.manifests.loader import parse_manifest
from plugraph.manifests.model import Manifest

WIDGET_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "maxLength": 50},
        "sku": {"type": "string"},
        "size": {"type": "integer"},
        "color": {"type": "string", "enum": ["red", "blue", "green"]},
    },
}


def widgets(version: str = "1.0.0", slug: str = "widgets", **changes: Any) -> dict[str, Any]:
    """A manifest document declaring ``Widget`` (and the edge ``PART_OF``)."""
    schema = copy.deepcopy(WIDGET_SCHEMA)
    document: dict[str, Any] = {
        "api_version": "plugraph/v1",
        "slug": slug,
        "name": "Widgets",
        "version": version,
        "vertex_labels": [
            {
                "name": "Widget",
                "schema": schema,
                "indexes": [{"fields": ["sku"], "unique": True}, {"fields": ["color"]}],
            }
        ],
        "edge_labels": [{"name": "PART_OF", "from_labels": ["Widget"], "to_labels": ["Project"]}],
    }
    document.update(changes)
    return document


def manifest(document: dict[str, Any]) -> Manifest:
    return parse_manifest(document, "test")


def install(client: TestClient, document: dict[str, Any], **params: Any) -> Any:
    return client.post("/admin/plugins", json=document, params=params)


@pytest.fixture
def installed_widgets(client: TestClient) -> dict[str, Any]:
    response = install(client, widgets())
    assert response.status_code == 201, response.text
    return response.json()
