"""Marketplaces: create, read, list what you can see, edit, archive and restore."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.marketplaces.support import create_marketplace, grant


def test_creating_a_marketplace_makes_the_creator_its_manager(client: TestClient, make_caller):
    editor = make_caller("editor", slug="ed")
    created = create_marketplace(editor.client, "tools", description="Team tools")
    assert created["status"] == "active"
    assert created["created_by"] == f"user:{editor.user_id}"
    assert created["my_access"] == "manager"
    access = editor.client.get(f"/admin/marketplaces/{created['id']}/access").json()["items"]
    assert [(g["holder_kind"], g["holder_slug"], g["role"]) for g in access] == [
        ("user", "ed", "manager")
    ]
    assert editor.client.get(f"/admin/marketplaces/{created['id']}").status_code == 200


def test_marketplaces_are_private_by_default(client: TestClient, make_caller):
    created = create_marketplace(client, "private")
    viewer = make_caller("viewer")
    response = viewer.client.get(f"/admin/marketplaces/{created['id']}")
    assert response.status_code == 403
    assert response.json()["permission"] == f"marketplaces:{created['id']}:read"
    assert response.json()["missing"] == "resource_grant"
    assert viewer.client.get("/admin/marketplaces").json()["items"] == []


def test_the_list_shows_only_what_the_caller_can_see_and_admins_see_all(
    client: TestClient, make_caller
):
    viewer = make_caller("viewer", slug="vera")
    ids = {slug: create_marketplace(client, slug)["id"] for slug in ("a-one", "b-two", "c-three")}
    grant(client, ids["b-two"], "user", "vera")
    assert [m["slug"] for m in viewer.client.get("/admin/marketplaces").json()["items"]] == [
        "b-two"
    ]
    mine = viewer.client.get("/admin/marketplaces").json()["items"][0]
    assert mine["my_access"] == "viewer"
    first = client.get("/admin/marketplaces", params={"limit": 2}).json()
    assert [m["slug"] for m in first["items"]] == ["a-one", "b-two"]
    second = client.get("/admin/marketplaces", params={"cursor": first["next_cursor"]}).json()
    assert [m["slug"] for m in second["items"]] == ["c-three"]
    assert second["next_cursor"] is None


def test_keyset_paging_skips_invisible_marketplaces(client: TestClient, make_caller):
    viewer = make_caller("viewer", slug="pat")
    for index in range(7):
        created = create_marketplace(client, f"m{index}")
        if index % 3 == 0:
            grant(client, created["id"], "user", "pat")
    seen, cursor = [], None
    while True:
        page = viewer.client.get(
            "/admin/marketplaces", params={"limit": 1} | ({"cursor": cursor} if cursor else {})
        ).json()
        seen += [m["slug"] for m in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ["m0", "m3", "m6"]


def test_slugs_are_unique_per_org_and_validated(client: TestClient, make_caller):
    create_marketplace(client, "dup")
    response = client.post("/admin/marketplaces", json={"slug": "dup", "name": "Again"})
    assert response.status_code == 409
    other = make_caller("org-admin", org="other")
    assert (
        other.client.post("/admin/marketplaces", json={"slug": "dup", "name": "Mine"}).status_code
        == 201
    )
    bad = client.post("/admin/marketplaces", json={"slug": "Bad Slug", "name": "x"})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["pointer"] == "/slug"
    server_owned = client.post(
        "/admin/marketplaces", json={"slug": "s", "name": "x", "status": "archived"}
    )
    assert server_owned.status_code == 422


def test_creating_needs_the_marketplaces_create_capability(make_caller):
    viewer = make_caller("viewer")
    response = viewer.client.post("/admin/marketplaces", json={"slug": "v", "name": "V"})
    assert response.status_code == 403
    assert response.json()["permission"] == "marketplaces:create"
    assert response.json()["missing"] == "org_capability"


def test_patch_changes_name_and_description_but_never_the_slug(client: TestClient):
    created = create_marketplace(client, "edit-me")
    response = client.patch(
        f"/admin/marketplaces/{created['id']}", json={"name": "Edited", "description": "New"}
    )
    assert response.status_code == 200
    assert response.json()["name"] == "Edited"
    assert response.json()["description"] == "New"
    assert response.json()["revision"] > created["revision"]
    assert (
        client.patch(f"/admin/marketplaces/{created['id']}", json={"slug": "x"}).status_code == 422
    )
    assert (
        client.patch(f"/admin/marketplaces/{created['id']}", json={"name": None}).status_code == 422
    )


def test_archive_and_restore(client: TestClient):
    created = create_marketplace(client, "seasonal")
    archived = client.post(f"/admin/marketplaces/{created['id']}:archive")
    assert archived.status_code == 200
    assert archived.json()["status"] == "archived"
    assert archived.json()["archived_at"]
    assert (
        client.post(f"/admin/marketplaces/{created['id']}:archive").json()["status"] == "archived"
    )
    refused = client.patch(f"/admin/marketplaces/{created['id']}", json={"name": "No"})
    assert refused.status_code == 409
    listed = client.get("/admin/marketplaces", params={"status": "archived"}).json()["items"]
    assert [m["slug"] for m in listed] == ["seasonal"]
    restored = client.post(f"/admin/marketplaces/{created['id']}:restore")
    assert restored.json()["status"] == "active"
    assert restored.json().get("archived_at") is None
    assert (
        client.patch(f"/admin/marketplaces/{created['id']}", json={"name": "Yes"}).status_code
        == 200
    )


def test_every_change_is_audited(client: TestClient):
    created = create_marketplace(client, "audited")
    client.patch(f"/admin/marketplaces/{created['id']}", json={"name": "Audited"})
    client.post(f"/admin/marketplaces/{created['id']}:archive")
    client.post(f"/admin/marketplaces/{created['id']}:restore")
    events = client.get("/admin/audit", params={"target_id": created["id"]}).json()["items"]
    assert sorted(event["action"] for event in events) == sorted(
        [
            "marketplace.create",
            "marketplace.grant",
            "marketplace.update",
            "marketplace.archive",
            "marketplace.restore",
        ]
    )


def test_only_managers_archive(client: TestClient, make_caller):
    created = create_marketplace(client, "guarded")
    make_caller("viewer", slug="ed2")
    editor = make_caller("viewer", slug="ed3")
    grant(client, created["id"], "user", "ed3", role="editor")
    assert (
        editor.client.patch(f"/admin/marketplaces/{created['id']}", json={"name": "E"}).status_code
        == 200
    )
    response = editor.client.post(f"/admin/marketplaces/{created['id']}:archive")
    assert response.status_code == 403
    assert response.json()["permission"] == f"marketplaces:{created['id']}:manage"
    assert response.json()["missing"] == "resource_grant"
