"""Another org's marketplaces and grants are 404 on every route, even for that org's admins."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.marketplaces.support import Host, create_marketplace, grant_plugin, list_plugin


def _marketplace_routes(marketplace_id: str, grant_id: str) -> list[tuple[str, str, dict]]:
    base = f"/admin/marketplaces/{marketplace_id}"
    return [
        ("GET", base, {}),
        ("PATCH", base, {"name": "Mine now"}),
        ("POST", f"{base}:archive", {}),
        ("POST", f"{base}:restore", {}),
        ("POST", f"{base}:preview", {"remove_plugins": ["alpha"]}),
        ("GET", f"{base}/plugins", {}),
        ("POST", f"{base}/plugins", {"plugin": "alpha"}),
        ("DELETE", f"{base}/plugins/alpha", {}),
        ("GET", f"{base}/access", {}),
        ("POST", f"{base}/access", {"holder_kind": "org", "role": "manager"}),
        ("DELETE", f"{base}/access/{grant_id}", {}),
    ]


def test_another_orgs_marketplace_is_404_on_every_route(
    client: TestClient, host: Host, make_caller
):
    host.install("alpha", "1.0.0")
    other_admin = make_caller("org-admin", org="acme", slug="boss")
    theirs = create_marketplace(other_admin.client, "theirs")
    list_plugin(other_admin.client, theirs["id"], "alpha")
    their_grant = other_admin.client.get(f"/admin/marketplaces/{theirs['id']}/access").json()[
        "items"
    ][0]
    demo_viewer = make_caller("viewer")
    for caller in (client, demo_viewer.client):  # our org-admin, and a user with no grants
        for method, url, body in _marketplace_routes(theirs["id"], their_grant["id"]):
            response = caller.request(method, url, json=body)
            assert response.status_code == 404, (method, url, response.status_code)
    assert client.get("/admin/marketplaces").json()["items"] == []
    unchanged = other_admin.client.get(f"/admin/marketplaces/{theirs['id']}").json()
    assert unchanged["name"] == "Theirs" and unchanged["status"] == "active"
    listings = other_admin.client.get(f"/admin/marketplaces/{theirs['id']}/plugins").json()["items"]
    assert [item["plugin"] for item in listings] == ["alpha"]


def test_unknown_marketplaces_are_404_before_any_permission_check(make_caller):
    viewer = make_caller("viewer")
    assert viewer.client.get("/admin/marketplaces/01ARZ3NDEKTSV4RRFFQ69G5FAV").status_code == 404
    assert viewer.client.get("/admin/marketplaces/x:y").status_code == 404


def test_plugin_grants_are_scoped_to_the_org_that_made_them(
    client: TestClient, host: Host, make_caller
):
    host.install("alpha", "1.0.0")
    other_admin = make_caller("org-admin", org="acme", slug="boss")
    theirs = grant_plugin(other_admin.client, "alpha", "org", role="viewer")
    ours = grant_plugin(client, "alpha", "org", role="editor")
    assert [g["id"] for g in client.get("/admin/plugins/alpha/access").json()["items"]] == [
        ours["id"]
    ]
    assert [
        g["id"] for g in other_admin.client.get("/admin/plugins/alpha/access").json()["items"]
    ] == [theirs["id"]]
    assert client.delete(f"/admin/plugins/alpha/access/{theirs['id']}").status_code == 404
    still = other_admin.client.get("/admin/plugins/alpha/access").json()["items"]
    assert [g["id"] for g in still] == [theirs["id"]]


def test_grants_name_only_holders_of_the_callers_org(client: TestClient, make_caller):
    make_caller("viewer", org="acme", slug="outsider")
    market = create_marketplace(client, "main")
    response = client.post(
        f"/admin/marketplaces/{market['id']}/access",
        json={"holder_kind": "user", "holder": "outsider", "role": "viewer"},
    )
    assert response.status_code == 404
