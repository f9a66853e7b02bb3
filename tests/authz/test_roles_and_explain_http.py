"""Seeded roles, role assignment (users and teams), explain, and propagation between processes."""

from __future__ import annotations

from fastapi.testclient import TestClient

from plugraph.api.app import create_app
from plugraph.graph.store import GraphStore


def test_403_names_the_missing_permission_and_what_was_missing(make_caller):
    viewer = make_caller("viewer")
    response = viewer.client.get("/admin/audit")
    assert response.status_code == 403
    body = response.json()
    assert body["permission"] == "audit:read"
    assert body["missing"] == "org_capability"
    assert "audit:read" in body["detail"]


def test_a_user_without_roles_is_denied_everything_but_themselves(make_caller):
    nobody = make_caller(None)
    assert nobody.client.get("/admin/me").status_code == 200
    assert nobody.client.get("/admin/roles").status_code == 403
    assert nobody.client.get("/admin/role-assignments").status_code == 403


def test_assigning_a_role_grants_its_permissions(client: TestClient, make_caller):
    bob = make_caller(None, slug="bob")
    assert bob.client.get("/admin/audit").status_code == 403
    assigned = client.post(
        "/admin/role-assignments",
        json={"holder_kind": "user", "holder": "bob", "role": "plugin-admin"},
    )
    assert assigned.status_code == 201
    assert bob.client.get("/admin/audit").status_code == 200
    listing = client.get("/admin/role-assignments").json()
    assert {"role": "plugin-admin", "holder_slug": "bob", "holder_kind": "user"}.items() <= next(
        row for row in listing if row["holder_slug"] == "bob"
    ).items()
    assert client.delete("/admin/role-assignments/user/bob/plugin-admin").status_code == 204
    assert bob.client.get("/admin/audit").status_code == 403
    assert client.delete("/admin/role-assignments/user/bob/plugin-admin").status_code == 404


def test_unknown_roles_and_holders_are_clear_4xx(client: TestClient):
    response = client.post(
        "/admin/role-assignments", json={"holder_kind": "user", "holder": "admin", "role": "god"}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["pointer"] == "/role"
    response = client.post(
        "/admin/role-assignments", json={"holder_kind": "user", "holder": "ghost", "role": "viewer"}
    )
    assert response.status_code == 404


def test_team_members_inherit_the_teams_roles(client: TestClient, make_caller, store: GraphStore):
    carol = make_caller(None, slug="carol")
    store.write(
        "MATCH (u:User {id: $user}) CREATE (t:Team {id: 'team-1', slug: 'platform', name: 'Platform', _org: u._org})"
        " CREATE (u)-[:MEMBER_OF]->(t)",
        {"user": carol.user_id},
    )
    assert (
        client.post(
            "/admin/role-assignments",
            json={"holder_kind": "team", "holder": "platform", "role": "plugin-admin"},
        ).status_code
        == 201
    )
    assert carol.client.get("/admin/audit").status_code == 200
    explained = client.post(
        "/admin/authz/explain", json={"principal": "user:carol", "permission": "audit:read"}
    ).json()
    assert explained["allowed"] is True
    assert explained["granted_by"]["path"] == [
        f"user:{carol.user_id}",
        "team:team-1",
        "role:plugin-admin",
    ]
    assert explained["granted_by"]["policy"] == "audit:read"


def test_explain_says_why_not(client: TestClient, make_caller):
    make_caller("viewer", slug="vic")
    answer = client.post(
        "/admin/authz/explain",
        json={
            "principal": "user:vic",
            "resource": "plugins:aws-iam-ic:entities:AwsAccount",
            "op": "write",
        },
    ).json()
    assert answer["allowed"] is False
    assert answer["permission"] == "plugins:aws-iam-ic:entities:AwsAccount:write"
    assert "role:viewer" in answer["reason"]
    allowed = client.post(
        "/admin/authz/explain",
        json={"principal": "user:vic", "permission": "plugins:aws-iam-ic:entities:AwsAccount:read"},
    ).json()
    assert allowed["allowed"] is True
    assert allowed["granted_by"]["policy"] == "plugins:*:entities:*:read"
    assert allowed["granted_by"]["domain"] == "*"


def test_explain_needs_its_own_permission_and_a_known_principal(client: TestClient, make_caller):
    viewer = make_caller("viewer")
    assert (
        viewer.client.post(
            "/admin/authz/explain", json={"principal": "user:admin", "permission": "audit:read"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            "/admin/authz/explain", json={"principal": "user:nobody", "permission": "audit:read"}
        ).status_code
        == 404
    )
    assert client.post("/admin/authz/explain", json={"principal": "user:admin"}).status_code == 422


def test_a_role_change_through_one_process_reaches_another(
    app, store: GraphStore, settings, make_caller
):
    """Two app instances on one graph: the second enforces the first's change within the interval."""
    settings.authz_check_interval = 0.0
    dave = make_caller(None, slug="dave")
    second = create_app(store, settings)
    with TestClient(second, headers={"Authorization": f"Bearer {dave.token}"}) as on_second:
        assert on_second.get("/admin/audit").status_code == 403
        admin = app.state.demo.new_token
        with TestClient(app, headers={"Authorization": f"Bearer {admin}"}) as on_first:
            assert (
                on_first.post(
                    "/admin/role-assignments",
                    json={"holder_kind": "user", "holder": "dave", "role": "org-admin"},
                ).status_code
                == 201
            )
        assert on_second.get("/admin/audit").status_code == 200


def test_role_changes_are_audited(client: TestClient, make_caller):
    make_caller(None, slug="erin")
    client.post(
        "/admin/role-assignments", json={"holder_kind": "user", "holder": "erin", "role": "viewer"}
    )
    events = client.get("/admin/audit", params={"action": "role"}).json()["items"]
    assert events[0]["action"] == "role.assign"
    assert events[0]["details"] == {"holder": "user:erin", "role": "viewer"}
