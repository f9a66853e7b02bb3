"""The anchor routes over HTTP: every endpoint, its status codes and its permission."""

from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from plugraph.anchors.seed import seed_demo
from plugraph.graph.store import GraphStore

KINDS = ("teams", "users", "projects", "environments")


@pytest.fixture
def demo(app: FastAPI, store: GraphStore) -> str:
    """The demo org (created by bootstrap) seeded with teams, users, projects, environments."""
    return seed_demo(store)


@pytest.fixture
def http(client: TestClient, demo: str) -> TestClient:
    return client


def test_lists_are_pages_ordered_by_slug(http: TestClient):
    response = http.get("/admin/environments", params={"limit": 2})
    assert response.status_code == 200
    body = response.json()
    assert [env["slug"] for env in body["items"]] == ["checkout-dev", "checkout-prod"]
    assert body["items"][0]["project"] == "checkout"
    rest = http.get(
        "/admin/environments", params={"limit": 2, "cursor": body["next_cursor"]}
    ).json()
    assert [env["slug"] for env in rest["items"]] == ["ledger-prod"] and rest["next_cursor"] is None


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 201}, {"cursor": "garbage"}])
def test_bad_paging_parameters_are_422(http: TestClient, params: dict):
    response = http.get("/admin/teams", params=params)
    assert response.status_code == 422
    assert response.json()["errors"][0]["pointer"] in ("/limit", "/cursor")


def test_team_crud(http: TestClient):
    created = http.post("/admin/teams", json={"slug": "sre", "name": "SRE"})
    assert created.status_code == 201
    team = created.json()
    assert set(team) == {"id", "slug", "name", "created_at", "updated_at"}

    assert http.get("/admin/teams/sre").json() == team
    patched = http.patch("/admin/teams/sre", json={"name": "Site reliability"})
    assert patched.status_code == 200 and patched.json()["name"] == "Site reliability"
    assert http.delete("/admin/teams/sre").status_code == 204
    assert http.get("/admin/teams/sre").status_code == 404
    assert http.delete("/admin/teams/sre").status_code == 404
    assert http.patch("/admin/teams/sre", json={"name": "x"}).status_code == 404


@pytest.mark.parametrize(
    ("path", "body", "pointer"),
    [
        ("/admin/teams", {"slug": "Bad Slug", "name": "x"}, "/slug"),
        ("/admin/teams", {"slug": "ok", "name": "x", "id": "mine"}, "/id"),
        ("/admin/teams", {"slug": "ok"}, "/name"),
        ("/admin/users", {"slug": "dave", "email": "nope", "display_name": "Dave"}, "/email"),
        ("/admin/environments", {"slug": "x-dev", "name": "X"}, "/project"),
        ("/admin/environments", {"slug": "x-dev", "name": "X", "project": "nope"}, "/project"),
    ],
)
def test_invalid_bodies_are_422_with_a_pointer(
    http: TestClient, path: str, body: dict, pointer: str
):
    response = http.post(path, json=body)
    assert response.status_code == 422
    assert pointer in [error["pointer"] for error in response.json()["errors"]]


def test_a_taken_slug_is_409(http: TestClient):
    response = http.post(
        "/admin/users", json={"slug": "alice", "email": "a@example.com", "display_name": "A"}
    )
    assert response.status_code == 409
    assert "alice" in response.json()["detail"]


def test_patch_refuses_null_and_server_fields(http: TestClient):
    assert http.patch("/admin/projects/checkout", json={"name": None}).status_code == 422
    assert http.patch("/admin/projects/checkout", json={"slug": "renamed"}).status_code == 422
    assert http.patch("/admin/projects/checkout", json={"_org": "x"}).status_code == 422


def test_users_and_environments_have_their_fields(http: TestClient):
    user = http.post(
        "/admin/users", json={"slug": "dave", "email": "dave@example.com", "display_name": "Dave"}
    )
    assert user.status_code == 201
    assert {key: user.json()[key] for key in ("slug", "email", "display_name")} == {
        "slug": "dave",
        "email": "dave@example.com",
        "display_name": "Dave",
    }
    env = http.post(
        "/admin/environments",
        json={"slug": "ledger-dev", "name": "Ledger dev", "project": "ledger"},
    )
    assert env.status_code == 201 and env.json()["project"] == "ledger"
    moved = http.patch("/admin/environments/ledger-dev", json={"project": "checkout"})
    assert moved.json()["project"] == "checkout"


def test_a_project_with_environments_is_409_to_delete(http: TestClient):
    response = http.delete("/admin/projects/checkout")
    assert response.status_code == 409
    assert response.json()["environments"] == ["checkout-dev", "checkout-prod"]


def test_orgs_are_the_callers_own(http: TestClient):
    orgs = http.get("/admin/orgs").json()
    assert [org["slug"] for org in orgs["items"]] == ["demo"]
    assert http.get("/admin/orgs/demo").status_code == 200
    assert http.patch("/admin/orgs/demo", json={"name": "Demo Inc"}).json()["name"] == "Demo Inc"
    created = http.post("/admin/orgs", json={"slug": "globex", "name": "Globex"})
    assert created.status_code == 201
    assert http.get("/admin/orgs/globex").status_code == 404  # not the caller's org
    assert http.post("/admin/orgs", json={"slug": "globex", "name": "Again"}).status_code == 409
    assert http.delete("/admin/orgs/demo").status_code == 405


def test_team_members(http: TestClient):
    assert http.put("/admin/teams/payments/members/bob").status_code == 204
    assert http.put("/admin/teams/payments/members/bob").status_code == 204  # idempotent
    members = http.get("/admin/teams/payments/members").json()
    assert [user["slug"] for user in members["items"]] == ["bob"]
    assert http.delete("/admin/teams/payments/members/bob").status_code == 204
    assert http.delete("/admin/teams/payments/members/bob").status_code == 404
    assert http.put("/admin/teams/payments/members/nobody").status_code == 404
    assert http.get("/admin/teams/nope/members").status_code == 404


def test_permissions_are_named_when_missing(demo: str, make_caller: Callable[..., object]):
    viewer = make_caller(role="viewer").client  # type: ignore[attr-defined]
    assert viewer.get("/admin/teams").status_code == 200
    for method, path, body in [
        ("POST", "/admin/teams", {"slug": "x", "name": "X"}),
        ("PATCH", "/admin/teams/platform", {"name": "X"}),
        ("PUT", "/admin/teams/platform/members/bob", None),
    ]:
        response = viewer.request(method, path, json=body)
        assert response.status_code == 403
        assert response.json()["permission"] == "anchors:teams:write"
    response = viewer.delete("/admin/teams/platform")
    assert response.status_code == 403 and response.json()["permission"] == "anchors:teams:delete"
    response = viewer.post("/admin/orgs", json={"slug": "x", "name": "X"})
    assert response.status_code == 403 and response.json()["permission"] == "orgs:create"


@pytest.mark.parametrize("kind", KINDS)
def test_another_orgs_anchors_are_invisible(
    demo: str, make_caller: Callable[..., object], kind: str, http: TestClient
):
    slug = http.get(f"/admin/{kind}").json()["items"][0]["slug"]
    outsider = make_caller(role="org-admin", org="acme").client  # type: ignore[attr-defined]

    assert outsider.get(f"/admin/{kind}/{slug}").status_code == 404
    assert outsider.patch(f"/admin/{kind}/{slug}", json={}).status_code == 404
    assert outsider.delete(f"/admin/{kind}/{slug}").status_code == 404
    assert slug not in [item["slug"] for item in outsider.get(f"/admin/{kind}").json()["items"]]


def test_every_anchor_mutation_is_audited(http: TestClient, store: GraphStore):
    team = http.post("/admin/teams", json={"slug": "audited", "name": "A"}).json()
    http.put("/admin/teams/audited/members/carol")
    http.delete("/admin/teams/audited")
    actions = store.read(
        "MATCH (e:AuditEvent {target_id: $id}) RETURN e.action AS action ORDER BY e.id",
        {"id": team["id"]},
    )
    assert [row["action"] for row in actions] == [
        "anchor.create",
        "team_member.add",
        "anchor.delete",
    ]
