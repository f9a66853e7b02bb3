"""Every committed mutation has an audit event; a rolled-back one has none."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from plugraph.audit import recorder
from plugraph.graph.store import GraphStore
from plugraph.security.principal import Principal


def _count(store: GraphStore) -> int:
    return store.read("MATCH (e:AuditEvent) RETURN count(e) AS c")[0]["c"]


def test_a_mutation_records_actor_action_target_and_request_id(client: TestClient, app):
    created = client.post(
        "/admin/tokens", json={"name": "audited"}, headers={"X-Request-ID": "req-123"}
    )
    assert created.headers["x-request-id"] == "req-123"
    events = client.get("/admin/audit", params={"target_id": created.json()["id"]}).json()["items"]
    assert len(events) == 1
    event = events[0]
    assert event["action"] == "token.create"
    assert event["actor_kind"] == "user"
    assert event["actor_id"] == app.state.demo.admin_user_id
    assert event["request_id"] == "req-123"
    assert event["target_kind"] == "token"


def test_audit_events_link_to_the_acting_user(client: TestClient, store: GraphStore, app):
    client.post("/admin/tokens", json={"name": "linked"})
    rows = store.read(
        "MATCH (e:AuditEvent {action: 'token.create'})-[:BY]->(u:User) RETURN u.id AS user ORDER BY e.at DESC LIMIT 1"
    )
    assert rows == [{"user": app.state.demo.admin_user_id}]


def test_a_rolled_back_change_leaves_no_audit_event(store: GraphStore):
    actor = Principal(kind="user", id="u1", org_id="o1", org_slug="o")
    before = _count(store)

    def work(tx):
        tx.run("CREATE (:Scratch {id: 'x'})").consume()
        recorder.record(tx, actor, action="scratch.create", target_kind="scratch", target_id="x")
        raise RuntimeError("the change fails after its audit event was written")

    with pytest.raises(RuntimeError):
        store.execute_write(work)
    assert _count(store) == before
    assert store.read("MATCH (n:Scratch) RETURN count(n) AS c")[0]["c"] == 0


def test_audit_is_paged_newest_first_without_gaps(client: TestClient):
    ids = [client.post("/admin/tokens", json={"name": f"t{i}"}).json()["id"] for i in range(7)]
    seen: list[str] = []
    cursor = None
    while True:
        params = {"action": "token.create", "limit": 3}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/admin/audit", params=params).json()
        seen += [event["target_id"] for event in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen[:7] == list(reversed(ids))
    assert len(seen) == len(set(seen))


def test_a_tampered_cursor_is_422(client: TestClient):
    response = client.get("/admin/audit", params={"cursor": "not-a-cursor"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["pointer"] == "/cursor"


def test_another_orgs_audit_is_invisible(client: TestClient, make_caller):
    stranger = make_caller("org-admin", org="elsewhere")
    stranger.client.post("/admin/tokens", json={"name": "secret-ops"})
    mine = client.get("/admin/audit", params={"limit": 200}).json()["items"]
    assert all(event.get("details", {}).get("name") != "secret-ops" for event in mine)
