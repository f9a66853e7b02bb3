"""Bulk create and upsert: every row validated first, all or nothing, one audit event per call."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from plugraph.api.app import create_app
from plugraph.entities.models import MAX_BULK_ITEMS
from plugraph.manifests.loader import load_manifest
from plugraph.security.bootstrap import bootstrap
from plugraph.security.principal import system_principal
from tests.conftest import REPO_ROOT
from tests.entities.conftest import ACCOUNTS, PLUGIN, account

BULK = f"{ACCOUNTS}:bulk"


def count(store, label="AwsAccount"):
    return store.read(f"MATCH (n:{label}) RETURN count(n) AS c")[0]["c"]


def test_bulk_create_writes_every_row_with_a_version_and_one_audit_event(client, installed, store):
    response = client.post(
        BULK, json={"mode": "create", "items": [account(i) for i in range(2500)]}
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["created"], body["updated"], len(body["ids"])) == (2500, 0, 2500)
    assert count(store) == 2500
    assert count(store, "EntityVersion") == 2500
    events = store.read("MATCH (e:AuditEvent {action: 'entity.bulk'}) RETURN e.details AS details")
    assert len(events) == 1
    assert '"created": 2500' in events[0]["details"]
    first = client.get(f"{ACCOUNTS}/{body['ids'][0]}").json()
    assert first["accountId"] == "000000000000"
    (version,) = client.get(f"{ACCOUNTS}/{body['ids'][0]}/versions").json()["items"]
    assert (version["version"], version["op"], version["actor"]) == (
        1,
        "create",
        first["_meta"]["created_by"],
    )
    assert version["data"] == {k: v for k, v in first.items() if k not in ("id", "_meta")}
    assert version["at"] == first["_meta"]["created_at"]


def test_invalid_rows_are_all_reported_with_their_index_and_nothing_is_written(
    client, installed, store
):
    items = [account(i) for i in range(5)]
    items[1]["status"] = "NOPE"
    items[3] = account(3, id="01ARZ3NDEKTSV4RRFFQ69G5FAV")
    del items[4]["name"]

    response = client.post(BULK, json={"mode": "create", "items": items})

    assert response.status_code == 422
    pointers = [e["pointer"] for e in response.json()["errors"]]
    assert pointers == ["/items/1/status", "/items/3/id", "/items/4/name"]
    assert count(store) == 0


def test_duplicates_within_the_request_and_with_stored_entities(client, create_account, store):
    stored = create_account(1)
    within = client.post(BULK, json={"mode": "create", "items": [account(5), account(5, name="x")]})
    assert within.status_code == 422
    assert within.json()["errors"][0]["pointer"] == "/items/1/accountId"

    clash = client.post(BULK, json={"mode": "create", "items": [account(7), account(1)]})
    assert clash.status_code == 409
    error = clash.json()["errors"][0]
    assert error["pointer"] == "/items/1/accountId"
    assert stored["id"] in error["message"]
    assert count(store) == 1


def test_upsert_creates_new_rows_and_replaces_matched_ones(client, create_account):
    existing = create_account(1, name="old", organizationalUnit="Legacy")

    response = client.post(
        BULK,
        json={
            "mode": "upsert",
            "key": "accountId",
            "items": [account(1, name="new"), account(2)],
        },
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["created"], body["updated"]) == (1, 1)
    assert body["ids"][0] == existing["id"]
    replaced = client.get(f"{ACCOUNTS}/{existing['id']}")
    assert replaced.headers["etag"] == '"2"'
    assert replaced.json()["name"] == "new"
    assert "organizationalUnit" not in replaced.json()
    assert replaced.json()["_meta"]["created_at"] == existing["_meta"]["created_at"]
    history = client.get(f"{ACCOUNTS}/{existing['id']}/versions").json()["items"]
    assert [v["op"] for v in history] == ["create", "update"]


def test_upsert_needs_a_single_field_unique_key(client, installed):
    for body in (
        {"mode": "upsert", "items": [account(1)]},
        {"mode": "upsert", "key": "name", "items": [account(1)]},
        {"mode": "upsert", "key": "`})", "items": [account(1)]},
        {"mode": "create", "key": "accountId", "items": [account(1)]},
    ):
        response = client.post(BULK, json=body)
        assert response.status_code == 422, body
        assert response.json()["errors"][0]["pointer"] == "/key"


def test_malformed_envelopes_are_422(client, installed):
    for body in ({"mode": "merge", "items": [account(1)]}, {"mode": "create", "items": []},
                 {"mode": "create"}, {"mode": "create", "items": [account(1)], "extra": 1}):  # fmt: skip
        assert client.post(BULK, json=body).status_code == 422, body


def test_more_than_the_maximum_number_of_items_is_413(client, installed, store):
    items = [{"name": "x"}] * (MAX_BULK_ITEMS + 1)
    response = client.post(BULK, json={"mode": "create", "items": items})
    assert response.status_code == 413
    assert count(store) == 0


@pytest.fixture
def small_limits_client(store, settings):
    settings = settings.model_copy(update={"max_body_bytes": 4096, "max_bulk_body_bytes": 65536})
    app = create_app(store, settings)
    context = app.state.context
    demo = bootstrap(store, context.authorizer, context.tokens)
    manifest = load_manifest(REPO_ROOT / "manifests" / PLUGIN)  # larger than the 4 KiB limit
    context.registry.install(manifest, system_principal(demo.org_id, demo.org_slug))
    with TestClient(app, headers={"Authorization": f"Bearer {demo.new_token}"}) as test_client:
        yield test_client


def test_bodies_over_the_limits_are_413_for_single_and_bulk_endpoints(small_limits_client):
    client = small_limits_client
    assert client.post(ACCOUNTS, json=account(1, organizationalUnit="x" * 100)).status_code == 201
    assert client.post(ACCOUNTS, json=account(2, name="x" * 5000)).status_code == 413

    fits = {"mode": "create", "items": [account(i) for i in range(10, 60)]}
    assert client.post(BULK, json=fits).status_code == 200
    too_big = {"mode": "create", "items": [account(i) for i in range(100, 500)]}
    response = client.post(BULK, json=too_big)
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
