"""Deleting an entity applies the manifests' edge rules in the same transaction."""

from __future__ import annotations

from typing import Any

import pytest

NAMED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name"],
    "properties": {"name": {"type": "string"}},
}
FAMILY = {
    "api_version": "plugraph/v1",
    "slug": "family",
    "name": "Family",
    "version": "1.0.0",
    "vertex_labels": [{"name": name, "schema": NAMED} for name in ("Parent", "Child", "Toy")],
    "edge_labels": [
        {
            "name": "HAS_CHILD",
            "from_labels": ["Parent"],
            "to_labels": ["Child"],
            "on_delete": "cascade",
        },
        {
            "name": "PLAYS_WITH",
            "from_labels": ["Child"],
            "to_labels": ["Toy"],
            "on_delete": "detach",
        },
        {
            "name": "GUARDS",
            "from_labels": ["Toy"],
            "to_labels": ["Parent"],
            "on_delete": "restrict",
        },
    ],
}
BASE = "/admin/plugins/family"


@pytest.fixture
def family(client) -> dict[str, Any]:
    assert client.post("/admin/plugins", json=FAMILY).status_code == 201

    def create(label: str, name: str) -> str:
        response = client.post(f"{BASE}/entities/{label}", json={"name": name})
        assert response.status_code == 201, response.text
        return response.json()["id"]

    def link(label: str, source: str, target: str) -> None:
        response = client.post(
            f"{BASE}/edges/{label}", json={"source_id": source, "target_id": target}
        )
        assert response.status_code == 201, response.text

    ids = {
        "parent": create("Parent", "p"),
        "child": create("Child", "c"),
        "toy": create("Toy", "t"),
    }
    link("HAS_CHILD", ids["parent"], ids["child"])
    link("PLAYS_WITH", ids["child"], ids["toy"])
    return ids


def test_a_restrict_edge_blocks_the_delete_and_nothing_changes(client, family, store):
    client.post(
        f"{BASE}/edges/GUARDS", json={"source_id": family["toy"], "target_id": family["parent"]}
    )
    before = store.read("MATCH (n) RETURN count(n) AS c")[0]["c"]

    response = client.delete(f"{BASE}/entities/Toy/{family['toy']}")

    assert response.status_code == 409
    assert "restrict" in response.json()["detail"]
    assert store.read("MATCH (n) RETURN count(n) AS c")[0]["c"] == before
    history = client.get(f"{BASE}/entities/Toy/{family['toy']}/versions").json()["items"]
    assert [v["op"] for v in history] == ["create"]


def test_a_cascade_deletes_owned_entities_and_records_their_deletion(client, family, store):
    response = client.delete(f"{BASE}/entities/Parent/{family['parent']}")

    assert response.status_code == 204
    assert client.get(f"{BASE}/entities/Child/{family['child']}").status_code == 404
    assert client.get(f"{BASE}/entities/Toy/{family['toy']}").status_code == 200
    assert store.read("MATCH ()-[r:PLAYS_WITH]->() RETURN count(r) AS c")[0]["c"] == 0
    history = client.get(f"{BASE}/entities/Child/{family['child']}/versions").json()["items"]
    assert [(v["version"], v["op"]) for v in history] == [(1, "create"), (2, "delete")]
    assert history[1]["data"] == {"name": "c"}

    restored = client.post(f"{BASE}/entities/Child/{family['child']}:restore")
    assert restored.status_code == 201 and restored.json()["name"] == "c"
    event = store.read(
        "MATCH (e:AuditEvent {action: 'entity.delete', target_id: $id}) RETURN e.details AS d",
        {"id": family["parent"]},
    )[0]["d"]
    assert family["child"] in event
