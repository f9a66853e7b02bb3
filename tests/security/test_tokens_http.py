"""Personal API tokens: shown once, stored as hashes, expiring, revocable, rotatable."""

from __future__ import annotations

import hashlib

from fastapi.testclient import TestClient

from plugraph.graph.store import GraphStore


def test_requests_without_a_token_are_401_with_a_reason(anon_client: TestClient):
    response = anon_client.get("/admin/me")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
    assert "Bearer" in response.json()["detail"]


def test_malformed_and_unknown_tokens_are_401(anon_client: TestClient):
    for header in ("Basic abc", "Bearer", "Bearer nope", "Bearer plg_doesnotexist"):
        response = anon_client.get("/admin/me", headers={"Authorization": header})
        assert response.status_code == 401, header


def test_me_names_the_principal_org_and_roles(client: TestClient):
    me = client.get("/admin/me").json()
    assert me["kind"] == "user"
    assert me["org"]["slug"] == "demo"
    assert me["roles"] == ["org-admin"]


def test_a_created_token_is_shown_once_and_stored_only_as_a_hash(
    client: TestClient, store: GraphStore
):
    created = client.post("/admin/tokens", json={"name": "ci", "expires_in_days": 7})
    assert created.status_code == 201
    body = created.json()
    token = body["token"]
    assert token.startswith("plg_") and len(token) > 40
    assert body["hint"] == f"plg_…{token[-4:]}"
    stored = store.read("MATCH (t:ApiToken {id: $id}) RETURN t {.*} AS t", {"id": body["id"]})[0][
        "t"
    ]
    assert token not in str(stored)
    assert stored["hash"] == hashlib.sha256(token.encode()).hexdigest()
    listed = client.get("/admin/tokens").json()
    assert any(t["id"] == body["id"] and "token" not in t and "hash" not in t for t in listed)
    with TestClient(client.app, headers={"Authorization": f"Bearer {token}"}) as new_client:
        assert new_client.get("/admin/me").status_code == 200


def test_mass_assignment_of_server_fields_is_refused(client: TestClient):
    response = client.post("/admin/tokens", json={"name": "x", "hash": "abc", "id": "mine"})
    assert response.status_code == 422
    pointers = {error["pointer"] for error in response.json()["errors"]}
    assert {"/hash", "/id"} <= pointers


def test_a_revoked_token_stops_working_at_once(client: TestClient):
    issued = client.post("/admin/tokens", json={"name": "short"}).json()
    with TestClient(client.app, headers={"Authorization": f"Bearer {issued['token']}"}) as other:
        assert other.get("/admin/me").status_code == 200
        assert client.delete(f"/admin/tokens/{issued['id']}").status_code == 204
        response = other.get("/admin/me")
        assert response.status_code == 401
        assert "revoked" in response.json()["detail"]
    assert client.delete(f"/admin/tokens/{issued['id']}").status_code == 404


def test_an_expired_token_is_refused(client: TestClient, store: GraphStore):
    issued = client.post("/admin/tokens", json={"name": "old"}).json()
    store.write(
        "MATCH (t:ApiToken {id: $id}) SET t.expires_at = '2000-01-01T00:00:00.000000Z'",
        {"id": issued["id"]},
    )
    client.app.state.context.authenticator.forget()
    with TestClient(client.app, headers={"Authorization": f"Bearer {issued['token']}"}) as other:
        response = other.get("/admin/me")
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_rotation_keeps_the_old_token_alive_for_the_overlap_window(client: TestClient):
    old = client.post("/admin/tokens", json={"name": "rotating"}).json()
    rotated = client.post(f"/admin/tokens/{old['id']}:rotate", json={"overlap_seconds": 3600})
    assert rotated.status_code == 201
    new = rotated.json()
    assert new["token"] != old["token"]
    for token in (old["token"], new["token"]):
        with TestClient(client.app, headers={"Authorization": f"Bearer {token}"}) as c:
            assert c.get("/admin/me").status_code == 200
    record = client.get(f"/admin/tokens/{old['id']}").json()
    assert record["rotated_to"] == new["id"]
    assert record["expires_at"] is not None


def test_rotation_with_no_overlap_ends_the_old_token_now(client: TestClient):
    old = client.post("/admin/tokens", json={"name": "rotating"}).json()
    new = client.post(f"/admin/tokens/{old['id']}:rotate", json={"overlap_seconds": 0}).json()
    with TestClient(client.app, headers={"Authorization": f"Bearer {old['token']}"}) as c:
        assert c.get("/admin/me").status_code == 401
    with TestClient(client.app, headers={"Authorization": f"Bearer {new['token']}"}) as c:
        assert c.get("/admin/me").status_code == 200


def test_users_manage_their_own_tokens_but_not_others(make_caller, client: TestClient):
    viewer = make_caller("viewer")
    mine = viewer.client.post("/admin/tokens", json={"name": "mine"})
    assert mine.status_code == 201
    admin_tokens = client.get("/admin/tokens").json()
    response = viewer.client.delete(f"/admin/tokens/{admin_tokens[0]['id']}")
    assert response.status_code == 403
    assert response.json()["permission"] == "tokens:manage"
    assert viewer.client.get("/admin/tokens?all=true").status_code == 403
    assert len(client.get("/admin/tokens?all=true").json()) >= 2


def test_another_orgs_token_is_not_found(make_caller, client: TestClient):
    stranger = make_caller("org-admin", org="other")
    theirs = stranger.client.post("/admin/tokens", json={"name": "theirs"}).json()
    assert client.get(f"/admin/tokens/{theirs['id']}").status_code == 404
    assert client.delete(f"/admin/tokens/{theirs['id']}").status_code == 404
