"""Create, read, patch, delete and restore one entity over HTTP, with every status code."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.entities.conftest import ACCOUNTS, MERGE_PATCH, PLUGIN, account


def test_create_returns_201_with_the_public_representation_etag_and_location(client, installed):
    response = client.post(ACCOUNTS, json=account(1))

    assert response.status_code == 201
    body = response.json()
    assert response.headers["etag"] == '"1"'
    assert response.headers["location"] == f"{ACCOUNTS}/{body['id']}"
    assert body["owner"] == {"name": "Ana", "email": "ana@example.com"}
    assert body["tags"] == ["env=prod", "team=core"]
    meta = body["_meta"]
    assert (meta["plugin"], meta["label"], meta["version"]) == (PLUGIN, "AwsAccount", 1)
    assert meta["created_by"] == meta["updated_by"]
    assert meta["created_by"].startswith("user:")


def test_the_node_stores_the_flattened_document_and_system_properties(client, installed, store):
    created = client.post(ACCOUNTS, json=account(1)).json()

    props = store.read(
        "MATCH (n:AwsAccount:PluginEntity {id: $id}) RETURN properties(n) AS p",
        {"id": created["id"]},
    )[0]["p"]

    assert props["owner.email"] == "ana@example.com"
    assert props["_plugin"] == PLUGIN and props["_label"] == "AwsAccount" and props["_version"] == 1
    assert props["_org"] == client.get("/admin/me").json()["org"]["id"]
    assert "owner" not in props


def test_get_returns_the_entity_with_a_strong_etag(client, create_account):
    created = create_account(1)

    response = client.get(f"{ACCOUNTS}/{created['id']}")

    assert response.status_code == 200
    assert response.headers["etag"] == '"1"'
    assert response.json() == created


def test_unknown_plugin_label_or_id_is_404(client, installed):
    assert client.get("/admin/plugins/nope/entities/AwsAccount").status_code == 404
    assert client.get(f"/admin/plugins/{PLUGIN}/entities/Nope").status_code == 404
    assert client.get(f"/admin/plugins/{PLUGIN}/entities/MAPS_TO").status_code == 404
    response = client.get(f"{ACCOUNTS}/01ARZ3NDEKTSV4RRFFQ69G5FAV")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_another_orgs_entity_is_404_for_every_operation(client, create_account, make_caller):
    created = create_account(1)
    other = make_caller(role="org-admin", org="acme").client
    url = f"{ACCOUNTS}/{created['id']}"

    assert other.get(url).status_code == 404
    assert other.patch(url, json={"name": "x"}, headers=MERGE_PATCH).status_code == 404
    assert other.delete(url).status_code == 404
    assert other.get(f"{url}/versions").status_code == 404
    assert other.get(ACCOUNTS).json()["items"] == []
    assert client.get(url).status_code == 200


def test_invalid_documents_get_422_with_every_error_and_its_pointer(client, installed):
    document = account(1, accountId="12", status="GONE", owner={"email": "not-an-email"})
    del document["name"]
    document["colour"] = "red"

    response = client.post(ACCOUNTS, json=document)

    assert response.status_code == 422
    pointers = {error["pointer"] for error in response.json()["errors"]}
    assert pointers == {"/accountId", "/status", "/owner/email", "/name", "/colour"}


def test_server_owned_fields_in_the_body_are_refused(client, create_account):
    for field, value in [("id", "01ARZ3NDEKTSV4RRFFQ69G5FAV"), ("_meta", {}), ("_org", "x")]:
        response = client.post(ACCOUNTS, json=account(2) | {field: value})
        assert response.status_code == 422, field
        assert [e["pointer"] for e in response.json()["errors"]] == [f"/{field}"]
    created = create_account(1)
    response = client.patch(
        f"{ACCOUNTS}/{created['id']}", json={"_version": 99}, headers=MERGE_PATCH
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["pointer"] == "/_version"


def test_a_body_that_is_not_json_is_400_and_a_non_object_is_422(client, installed):
    headers = {"Content-Type": "application/json"}
    assert client.post(ACCOUNTS, content=b"{not json", headers=headers).status_code == 400
    assert client.post(ACCOUNTS, content=b'{"a": 1, "a": 2}', headers=headers).status_code == 400
    assert client.post(ACCOUNTS, json=[1, 2]).status_code == 422


def test_wrong_media_types_are_415(client, create_account):
    created = create_account(1)
    url = f"{ACCOUNTS}/{created['id']}"

    assert (
        client.post(ACCOUNTS, content=b"{}", headers={"Content-Type": "text/plain"}).status_code
        == 415
    )
    response = client.patch(url, json={"name": "x"})  # application/json is not a merge patch
    assert response.status_code == 415
    assert response.json()["accepted"] == ["application/merge-patch+json"]


def test_oversize_bodies_are_413(client, installed):
    response = client.post(ACCOUNTS, json=account(1, name="x" * 2_000_000))
    assert response.status_code == 413


def test_patch_applies_a_merge_patch_and_bumps_the_version(client, create_account):
    created = create_account(1)
    url = f"{ACCOUNTS}/{created['id']}"

    response = client.patch(url, json={"name": "renamed"}, headers=MERGE_PATCH)

    assert response.status_code == 200
    assert response.headers["etag"] == '"2"'
    body = response.json()
    assert body["name"] == "renamed" and body["_meta"]["version"] == 2
    assert body["accountId"] == created["accountId"]
    assert client.get(url).json() == body


def test_patch_validates_the_merged_document(client, create_account):
    created = create_account(1)
    url = f"{ACCOUNTS}/{created['id']}"

    response = client.patch(url, json={"name": None, "status": "NOPE"}, headers=MERGE_PATCH)

    assert response.status_code == 422
    assert {e["pointer"] for e in response.json()["errors"]} == {"/name", "/status"}
    assert client.get(url).headers["etag"] == '"1"'


def test_an_empty_patch_changes_nothing(client, create_account):
    created = create_account(1)
    response = client.patch(f"{ACCOUNTS}/{created['id']}", json={}, headers=MERGE_PATCH)
    assert response.status_code == 200
    assert response.headers["etag"] == '"1"'


def test_if_match_on_patch_and_delete(client, create_account):
    created = create_account(1)
    url = f"{ACCOUNTS}/{created['id']}"

    stale = client.patch(url, json={"name": "a"}, headers=MERGE_PATCH | {"If-Match": '"7"'})
    assert stale.status_code == 412
    weak = client.patch(url, json={"name": "a"}, headers=MERGE_PATCH | {"If-Match": 'W/"1"'})
    assert weak.status_code == 412
    fresh = client.patch(url, json={"name": "a"}, headers=MERGE_PATCH | {"If-Match": '"0", "1"'})
    assert fresh.status_code == 200 and fresh.headers["etag"] == '"2"'
    assert client.delete(url, headers={"If-Match": '"1"'}).status_code == 412
    assert client.delete(url, headers={"If-Match": "2"}).status_code == 400
    assert client.delete(url, headers={"If-Match": "*"}).status_code == 204


def test_delete_then_history_then_restore(client, create_account):
    created = create_account(1)
    url = f"{ACCOUNTS}/{created['id']}"
    client.patch(url, json={"status": "SUSPENDED"}, headers=MERGE_PATCH)

    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404
    assert client.delete(url).status_code == 404

    history = client.get(f"{url}/versions").json()
    assert [(v["version"], v["op"]) for v in history["items"]] == [
        (1, "create"), (2, "update"), (3, "delete"),
    ]  # fmt: skip
    assert history["items"][2]["data"]["status"] == "SUSPENDED"
    assert client.get(f"{url}/versions/1").json()["data"]["status"] == "ACTIVE"
    assert client.get(f"{url}/versions/9").status_code == 404

    restored = client.post(f"{url}:restore")
    assert restored.status_code == 201
    assert restored.headers["etag"] == '"4"'
    body = restored.json()
    assert body["id"] == created["id"] and body["status"] == "SUSPENDED"
    assert body["_meta"]["created_at"] == created["_meta"]["created_at"]
    assert client.get(url).status_code == 200
    assert client.post(f"{url}:restore").status_code == 409
    assert client.get(f"{url}/versions").json()["items"][-1]["op"] == "restore"


def test_restore_of_an_unknown_id_is_404(client, installed):
    assert client.post(f"{ACCOUNTS}/01ARZ3NDEKTSV4RRFFQ69G5FAV:restore").status_code == 404


def test_versions_are_paged_with_a_cursor(client, create_account):
    created = create_account(1)
    url = f"{ACCOUNTS}/{created['id']}"
    for i in range(4):
        client.patch(url, json={"name": f"n{i}"}, headers=MERGE_PATCH)

    first = client.get(f"{url}/versions", params={"limit": 2}).json()
    second = client.get(
        f"{url}/versions", params={"limit": 2, "cursor": first["next_cursor"]}
    ).json()
    third = client.get(
        f"{url}/versions", params={"limit": 2, "cursor": second["next_cursor"]}
    ).json()

    versions = [v["version"] for page in (first, second, third) for v in page["items"]]
    assert versions == [1, 2, 3, 4, 5]
    assert third["next_cursor"] is None
    assert client.get(f"{url}/versions", params={"limit": 201}).status_code == 422


def test_unique_fields_are_unique_per_org(client, create_account, make_caller):
    first = create_account(1)

    duplicate = client.post(ACCOUNTS, json=account(2, accountId=first["accountId"]))
    assert duplicate.status_code == 409
    assert duplicate.json()["conflicting_id"] == first["id"]

    other_org = make_caller(role="org-admin", org="acme").client
    assert other_org.post(ACCOUNTS, json=account(1)).status_code == 201

    second = create_account(2)
    clash = client.patch(
        f"{ACCOUNTS}/{second['id']}", json={"accountId": first["accountId"]}, headers=MERGE_PATCH
    )
    assert clash.status_code == 409


def test_every_write_is_audited_in_its_transaction(client, create_account, store):
    created = create_account(1)
    url = f"{ACCOUNTS}/{created['id']}"
    client.patch(url, json={"name": "b"}, headers=MERGE_PATCH)
    client.delete(url)
    client.post(f"{url}:restore")

    rows = store.read(
        "MATCH (e:AuditEvent {target_id: $id}) RETURN e.action AS action, "
        "e.before_version AS before, e.after_version AS after ORDER BY e.at",
        {"id": created["id"]},
    )
    assert [(r["action"], r["before"], r["after"]) for r in rows] == [
        ("entity.create", None, 1),
        ("entity.update", 1, 2),
        ("entity.delete", 2, None),
        ("entity.restore", 3, 4),
    ]


def test_a_refused_write_leaves_no_version_and_no_audit_event(client, create_account, store):
    first = create_account(1)
    before = store.read("MATCH (n) RETURN count(n) AS c")[0]["c"]

    assert client.post(ACCOUNTS, json=account(2, accountId=first["accountId"])).status_code == 409

    assert store.read("MATCH (n) RETURN count(n) AS c")[0]["c"] == before


def test_schema_endpoint_describes_the_label_for_a_ui(client, installed):
    response = client.get(f"{ACCOUNTS}/_schema")

    assert response.status_code == 200
    view = response.json()
    assert view["label"] == "AwsAccount" and view["plugin"] == PLUGIN
    assert view["schema"]["properties"]["accountId"]["pattern"] == "^\\d{12}$"
    assert view["display"]["title_field"] == "name"
    assert {"fields": ["accountId"], "unique": True} in view["indexes"]
    assert view["filterable"] == {
        "accountId": ["eq", "in", "prefix"],
        "owner.email": ["eq", "in", "prefix"],
        "status": ["eq", "in", "prefix"],
    }
    assert view["sortable"] == ["id", "accountId", "owner.email", "status"]
    edges = {(e["label"], e["direction"]) for e in view["edges"]}
    assert edges == {("MAPS_TO", "in"), ("PROVISIONED_IN", "in")}
    assert view["permissions"]["write"] == f"plugins:{PLUGIN}:entities:AwsAccount:write"


def test_literal_suffix_routes_are_not_taken_for_ids(client, create_account):
    created = create_account(1)

    assert client.get(f"{ACCOUNTS}/_schema").json()["label"] == "AwsAccount"
    assert client.get(f"{ACCOUNTS}/{created['id']}:restore").status_code == 404
    assert (
        client.post(f"{ACCOUNTS}:bulk", json={"mode": "create", "items": [account(5)]}).status_code
        == 200
    )
    assert client.get(ACCOUNTS).json()["items"][-1]["accountId"] == "000000000005"


def test_permissions_are_required(anon_client: TestClient, make_caller, installed, create_account):
    created = create_account(1)
    url = f"{ACCOUNTS}/{created['id']}"
    assert anon_client.get(url).status_code == 401

    viewer = make_caller(role="viewer").client
    assert viewer.get(url).status_code == 200
    denied = viewer.patch(url, json={"name": "x"}, headers=MERGE_PATCH)
    assert denied.status_code == 403
    assert denied.json()["permission"] == f"plugins:{PLUGIN}:entities:AwsAccount:write"
    assert viewer.delete(url).status_code == 403
