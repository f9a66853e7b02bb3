"""Listings: one active listing per plugin, soft removal with history, channels and pins."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient

from plugraph.graph.store import GraphStore
from plugraph.security.principal import Principal, system_principal
from tests.marketplaces.support import Host, create_marketplace, grant, list_plugin


def test_listing_a_plugin_resolves_its_channel(client: TestClient, host: Host):
    host.install("alpha", "1.0.0", "1.1.0", "1.2.0-beta.1")
    market = create_marketplace(client, "main")
    stable = list_plugin(client, market["id"], "alpha")
    assert stable["channel"] == "stable"
    assert stable["membership_source"] == "manual"
    assert stable["resolved_version"] == "1.1.0"
    assert stable["active"] is True
    assert stable["added_by"].startswith("user:")
    beta_market = create_marketplace(client, "beta")
    beta = list_plugin(client, beta_market["id"], "alpha", channel="beta")
    assert beta["resolved_version"] == "1.2.0-beta.1"
    pinned_market = create_marketplace(client, "pinned")
    pinned = list_plugin(client, pinned_market["id"], "alpha", pinned_version="1.0.0")
    assert pinned["resolved_version"] == "1.0.0"


def test_one_active_listing_per_plugin(client: TestClient, host: Host):
    host.install("alpha", "1.0.0")
    market = create_marketplace(client, "main")
    first = list_plugin(client, market["id"], "alpha")
    again = client.post(
        f"/admin/marketplaces/{market['id']}/plugins", json={"plugin": "alpha", "channel": "beta"}
    )
    assert again.status_code == 409
    assert again.json()["listing"] == first["id"]


def test_removal_is_soft_and_re_adding_creates_a_new_listing(
    client: TestClient, host: Host, store: GraphStore
):
    host.install("alpha", "1.0.0")
    market = create_marketplace(client, "main")
    first = list_plugin(client, market["id"], "alpha")
    assert client.delete(f"/admin/marketplaces/{market['id']}/plugins/alpha").status_code == 204
    assert client.delete(f"/admin/marketplaces/{market['id']}/plugins/alpha").status_code == 404
    assert client.get(f"/admin/marketplaces/{market['id']}/plugins").json()["items"] == []
    second = list_plugin(client, market["id"], "alpha", channel="beta")
    assert second["id"] != first["id"]
    history = client.get(
        f"/admin/marketplaces/{market['id']}/plugins", params={"include_removed": "true"}
    ).json()["items"]
    assert [(item["id"], item["active"]) for item in history] == [
        (first["id"], False),
        (second["id"], True),
    ]
    assert history[0]["removed_at"] and history[0]["removed_by"].startswith("user:")
    assert history[0]["resolved_version"] is None
    count = store.read(
        "MATCH (:Marketplace {id: $id})-[l:LISTS]->(:Plugin {slug: 'alpha'}) RETURN count(l) AS c",
        {"id": market["id"]},
    )[0]["c"]
    assert count == 2


def test_listing_paging_follows_the_order_listings_were_made(client: TestClient, host: Host):
    for slug in ("p-c", "p-a", "p-b"):
        host.install(slug, "1.0.0")
    market = create_marketplace(client, "main")
    for slug in ("p-c", "p-a", "p-b"):
        list_plugin(client, market["id"], slug)
    first = client.get(f"/admin/marketplaces/{market['id']}/plugins", params={"limit": 2}).json()
    rest = client.get(
        f"/admin/marketplaces/{market['id']}/plugins", params={"cursor": first["next_cursor"]}
    ).json()
    assert [i["plugin"] for i in first["items"] + rest["items"]] == ["p-c", "p-a", "p-b"]
    assert rest["next_cursor"] is None


def test_pins_must_be_installed_versions_and_prereleases_only_on_beta(
    client: TestClient, host: Host
):
    host.install("alpha", "1.0.0", "2.0.0-rc.1")
    market = create_marketplace(client, "main")
    url = f"/admin/marketplaces/{market['id']}/plugins"
    missing = client.post(url, json={"plugin": "alpha", "pinned_version": "9.9.9"})
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["pointer"] == "/pinned_version"
    assert client.post(url, json={"plugin": "alpha", "pinned_version": "one"}).status_code == 422
    prerelease = client.post(url, json={"plugin": "alpha", "pinned_version": "2.0.0-rc.1"})
    assert prerelease.status_code == 422
    assert "beta" in prerelease.json()["errors"][0]["message"]
    ok = client.post(
        url, json={"plugin": "alpha", "channel": "beta", "pinned_version": "2.0.0-rc.1"}
    )
    assert ok.status_code == 201


def test_unknown_plugins_bad_channels_and_server_owned_sources_are_refused(
    client: TestClient, host: Host
):
    market = create_marketplace(client, "main")
    url = f"/admin/marketplaces/{market['id']}/plugins"
    assert client.post(url, json={"plugin": "ghost"}).status_code == 404
    host.install("alpha", "1.0.0")
    assert client.post(url, json={"plugin": "alpha", "channel": "nightly"}).status_code == 422
    assert (
        client.post(url, json={"plugin": "alpha", "membership_source": "system"}).status_code == 422
    )
    assert client.post(url, json={"plugin": "alpha", "id": "x"}).status_code == 422
    connector = client.post(url, json={"plugin": "alpha", "membership_source": "connector"})
    assert connector.json()["membership_source"] == "connector"


def test_uninstalled_plugins_cannot_be_listed(client: TestClient, host: Host):
    host.install("alpha", "1.0.0")
    host.app.state.context.registry.uninstall("alpha", _system(host))
    market = create_marketplace(client, "main")
    response = client.post(f"/admin/marketplaces/{market['id']}/plugins", json={"plugin": "alpha"})
    assert response.status_code == 404


def test_archived_marketplaces_refuse_listing_changes(client: TestClient, host: Host):
    host.install("alpha", "1.0.0")
    market = create_marketplace(client, "main")
    list_plugin(client, market["id"], "alpha")
    client.post(f"/admin/marketplaces/{market['id']}:archive")
    assert client.delete(f"/admin/marketplaces/{market['id']}/plugins/alpha").status_code == 409
    response = client.post(f"/admin/marketplaces/{market['id']}/plugins", json={"plugin": "alpha"})
    assert response.status_code == 409
    assert "archived" in response.json()["detail"]


def test_editors_change_listings_viewers_only_read_them(
    client: TestClient, host: Host, make_caller
):
    host.install("alpha", "1.0.0")
    market = create_marketplace(client, "main")
    viewer = make_caller("viewer", slug="vic")
    editor = make_caller("viewer", slug="eddie")
    grant(client, market["id"], "user", "vic")
    grant(client, market["id"], "user", "eddie", role="editor")
    url = f"/admin/marketplaces/{market['id']}/plugins"
    denied = viewer.client.post(url, json={"plugin": "alpha"})
    assert denied.status_code == 403
    assert denied.json()["permission"] == f"marketplaces:{market['id']}:write"
    assert editor.client.post(url, json={"plugin": "alpha"}).status_code == 201
    assert [i["plugin"] for i in viewer.client.get(url).json()["items"]] == ["alpha"]


def test_listing_changes_are_audited(client: TestClient, host: Host):
    host.install("alpha", "1.0.0")
    market = create_marketplace(client, "main")
    list_plugin(client, market["id"], "alpha", channel="beta")
    client.delete(f"/admin/marketplaces/{market['id']}/plugins/alpha")
    events = client.get(
        "/admin/audit", params={"plugin": "alpha", "target_kind": "marketplace"}
    ).json()["items"]
    assert [e["action"] for e in events] == ["marketplace.unlist_plugin", "marketplace.list_plugin"]
    assert events[1]["details"]["channel"] == "beta"


def _system(host: Host) -> Principal:
    return system_principal(host.org_id, "demo")


def test_concurrent_listings_of_one_plugin_leave_exactly_one_active(
    client: TestClient, host: Host, store: GraphStore, admin_token: str
):
    host.install("alpha", "1.0.0")
    market = create_marketplace(client, "main")
    barrier = threading.Barrier(4)

    def add() -> int:
        with TestClient(host.app, headers={"Authorization": f"Bearer {admin_token}"}) as own:
            barrier.wait()
            url = f"/admin/marketplaces/{market['id']}/plugins"
            return own.post(url, json={"plugin": "alpha"}).status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = sorted(pool.map(lambda _: add(), range(4)))
    assert statuses == [201, 409, 409, 409]
    active = store.read(
        "MATCH (:Marketplace {id: $id})-[l:LISTS]->() WHERE l.removed_at IS NULL RETURN count(l) AS c",
        {"id": market["id"]},
    )[0]["c"]
    assert active == 1
