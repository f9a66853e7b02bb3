"""POST /admin/marketplaces/{id}:preview shows the effect of a change without applying it."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from plugraph.graph.store import GraphStore
from tests.marketplaces.support import Host, create_marketplace, grant, list_plugin, reached


def _snapshot(clients: dict[str, TestClient]) -> dict[str, Any]:
    """Per user: what they reach and what their laptop (if any) is told to do."""
    result = {}
    for slug, caller in clients.items():
        response = caller.post("/delivery/clients/laptop/check-updates")
        actions = response.json()["actions"] if response.status_code == 200 else []
        result[slug] = {
            "reach": reached(caller),
            "actions": sorted((a["action"], a["plugin"], a["version"]) for a in actions),
        }
    return result


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    changes = {}
    for slug in before:
        old, new = set(before[slug]["reach"].items()), set(after[slug]["reach"].items())
        new_actions = [a for a in after[slug]["actions"] if a not in before[slug]["actions"]]
        if old != new or new_actions:
            changes[slug] = {
                "gains": sorted(new - old),
                "losses": sorted(old - new),
                "actions": sorted(new_actions),
            }
    return changes


def _from_preview(preview: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    by_id = {v: k for k, v in ids.items()}
    changes: dict[str, Any] = {}
    for user in preview["users"]:
        changes[by_id[user["user_id"]]] = {
            "gains": sorted((g["plugin"], g["version"]) for g in user["gains"]),
            "losses": sorted((g["plugin"], g["version"]) for g in user["losses"]),
            "actions": [],
        }
    for client in preview["clients"]:
        entry = changes.setdefault(
            by_id[client["owner_id"]], {"gains": [], "losses": [], "actions": []}
        )
        entry["actions"] = sorted(
            (a["action"], a["plugin"], a["version"]) for a in client["actions"]
        )
    return changes


def test_preview_equals_the_effect_actually_applied(
    client: TestClient, host: Host, make_caller, store: GraphStore
):
    host.install("alpha", "1.0.0", "1.1.0", "1.2.0-beta.1")
    host.install("bravo", "2.0.0")
    host.install("charlie", "0.9.0")
    callers = {slug: make_caller(None, slug=slug) for slug in ("ann", "ben", "cat", "dan")}
    ids = {slug: caller.user_id for slug, caller in callers.items()}
    ids["admin"] = client.get("/admin/me").json()["id"]  # created the marketplace: its manager
    clients = {slug: caller.client for slug, caller in callers.items()} | {"admin": client}
    host.team("red", "ann", "ben")
    market = create_marketplace(client, "main")
    list_plugin(client, market["id"], "alpha")
    list_plugin(client, market["id"], "bravo")
    red = grant(client, market["id"], "team", "red")
    grant(client, market["id"], "user", "cat")
    for slug, caller in callers.items():
        caller.client.put(
            "/delivery/clients/laptop/state",
            json={"plugins": [{"slug": "alpha", "version": "1.0.0"}] if slug != "dan" else []},
        )

    change = {
        "remove_plugins": ["alpha"],
        "add_plugins": [{"plugin": "alpha", "channel": "beta"}, {"plugin": "charlie"}],
        "remove_grants": [red["id"]],
        "add_grants": [
            {"holder_kind": "user", "holder": "ann", "role": "viewer"},
            {"holder_kind": "user", "holder": "dan", "role": "editor"},
        ],
    }
    before = _snapshot(clients)
    events_before = client.get("/admin/audit", params={"limit": 200}).json()["items"]
    response = client.post(f"/admin/marketplaces/{market['id']}:preview", json=change)
    assert response.status_code == 200, response.text
    preview = response.json()
    assert preview["applied"] is False

    # nothing was applied: same reach, same listings, same audit trail, same policies
    assert _snapshot(clients) == before
    assert client.get("/admin/audit", params={"limit": 200}).json()["items"] == events_before
    assert [
        i["plugin"]
        for i in client.get(f"/admin/marketplaces/{market['id']}/plugins").json()["items"]
    ] == [
        "alpha",
        "bravo",
    ]

    # apply the same change through the admin API, in the documented order
    base = f"/admin/marketplaces/{market['id']}"
    assert client.delete(f"{base}/plugins/alpha").status_code == 204
    for listing in change["add_plugins"]:
        assert client.post(f"{base}/plugins", json=listing).status_code == 201
    assert client.delete(f"{base}/access/{red['id']}").status_code == 204
    for body in change["add_grants"]:
        assert client.post(f"{base}/access", json=body).status_code == 201
    after = _snapshot(clients)

    actual = _diff(before, after)
    assert _from_preview(preview, ids) == actual
    assert actual["ben"]["losses"] == [("alpha", "1.1.0"), ("bravo", "2.0.0")]
    assert actual["ben"]["actions"] == [("remove", "alpha", None)]
    assert ("alpha", "1.2.0-beta.1") in actual["ann"]["gains"]
    assert ("upgrade", "alpha", "1.2.0-beta.1") in actual["cat"]["actions"]
    assert ("charlie", "0.9.0") in actual["dan"]["gains"]
    assert actual["admin"]["losses"] == [("alpha", "1.1.0")]


def test_a_preview_refuses_what_the_change_would_refuse(client: TestClient, host: Host):
    host.install("alpha", "1.0.0")
    market = create_marketplace(client, "main")
    list_plugin(client, market["id"], "alpha")
    url = f"/admin/marketplaces/{market['id']}:preview"
    assert client.post(url, json={"add_plugins": [{"plugin": "alpha"}]}).status_code == 409
    bad_pin = client.post(
        url,
        json={
            "add_plugins": [{"plugin": "alpha", "pinned_version": "7.0.0"}],
            "remove_plugins": ["alpha"],
        },
    )
    assert bad_pin.status_code == 422
    assert bad_pin.json()["errors"][0]["pointer"] == "/add_plugins/0/pinned_version"
    assert (
        client.post(url, json={"remove_grants": ["01ARZ3NDEKTSV4RRFFQ69G5FAV"]}).status_code == 404
    )
    assert client.post(url, json={"add_plugins": [{"plugin": "alpha", "x": 1}]}).status_code == 422
    listed = client.get(f"/admin/marketplaces/{market['id']}/plugins").json()["items"]
    assert len(listed) == 1


def test_previewing_grant_changes_needs_manage(client: TestClient, make_caller):
    market = create_marketplace(client, "main")
    editor = make_caller(None, slug="edna")
    grant(client, market["id"], "user", "edna", role="editor")
    url = f"/admin/marketplaces/{market['id']}:preview"
    assert editor.client.post(url, json={}).status_code == 200
    denied = editor.client.post(
        url, json={"add_grants": [{"holder_kind": "org", "role": "viewer"}]}
    )
    assert denied.status_code == 403
    assert denied.json()["permission"] == f"marketplaces:{market['id']}:manage"
    viewer = make_caller(None, slug="vin")
    grant(client, market["id"], "user", "vin")
    assert viewer.client.post(url, json={}).status_code == 403


def test_an_empty_or_ineffective_change_previews_as_nothing(
    client: TestClient, host: Host, make_caller
):
    host.install("alpha", "1.0.0")
    make_caller(None, slug="zed")
    market = create_marketplace(client, "main")
    list_plugin(client, market["id"], "alpha")
    preview = client.post(f"/admin/marketplaces/{market['id']}:preview", json={}).json()
    assert preview == {"marketplace_id": market["id"], "applied": False, "users": [], "clients": []}
    grant_only = client.post(
        f"/admin/marketplaces/{market['id']}:preview",
        json={"add_grants": [{"holder_kind": "user", "holder": "zed", "role": "viewer"}]},
    ).json()
    assert [(u["user_slug"], u["gains"]) for u in grant_only["users"]] == [
        ("zed", [{"plugin": "alpha", "version": "1.0.0"}])
    ]
