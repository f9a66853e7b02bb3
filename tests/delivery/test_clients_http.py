"""Client install state and check-updates after channel, pin and access changes."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.marketplaces.support import Host, create_marketplace, grant, list_plugin


def _actions(
    caller, client_id: str = "laptop", **params
) -> list[tuple[str, str, str | None, str | None]]:
    response = caller.client.post(f"/delivery/clients/{client_id}/check-updates", params=params)
    assert response.status_code == 200, response.text
    return [
        (a["action"], a["plugin"], a["installed_version"], a["version"])
        for a in response.json()["actions"]
    ]


def _report(caller, plugins: dict[str, str], client_id: str = "laptop"):
    body = {"plugins": [{"slug": slug, "version": version} for slug, version in plugins.items()]}
    response = caller.client.put(f"/delivery/clients/{client_id}/state", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_a_client_reports_and_reads_back_its_state(client: TestClient, host: Host, make_caller):
    host.install("alpha", "1.0.0")
    host.install("beta-tool", "2.0.0")
    kim = make_caller(None, slug="kim")
    state = _report(kim, {"beta-tool": "2.0.0", "alpha": "1.0.0"})
    assert state["id"] == "laptop" and state["owner"] == kim.user_id
    assert state["plugins"] == [
        {"slug": "alpha", "version": "1.0.0"},
        {"slug": "beta-tool", "version": "2.0.0"},
    ]
    assert kim.client.get("/delivery/clients/laptop/state").json() == state
    replaced = _report(kim, {"alpha": "1.0.0"})
    assert replaced["plugins"] == [{"slug": "alpha", "version": "1.0.0"}]
    assert replaced["created_at"] == state["created_at"]
    events = client.get("/admin/audit", params={"action": "client.report"}).json()["items"]
    assert len(events) == 2 and events[0]["target_id"] == "laptop"


def test_client_state_is_validated(host: Host, make_caller):
    host.install("alpha", "1.0.0")
    lee = make_caller(None, slug="lee")
    url = "/delivery/clients/laptop/state"
    unknown = lee.client.put(
        url,
        json={
            "plugins": [
                {"slug": "alpha", "version": "1.0.0"},
                {"slug": "ghost", "version": "1.0.0"},
            ]
        },
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"] == [
        {"pointer": "/plugins/1/slug", "message": "no plugin 'ghost' is known to this host"}
    ]
    assert (
        lee.client.put(url, json={"plugins": [{"slug": "alpha", "version": "one"}]}).status_code
        == 422
    )
    twice = [{"slug": "alpha", "version": "1.0.0"}] * 2
    assert lee.client.put(url, json={"plugins": twice}).status_code == 422
    assert lee.client.put(url, json={"plugins": [], "owner": "x"}).status_code == 422
    assert (
        lee.client.put("/delivery/clients/Not_Valid/state", json={"plugins": []}).status_code == 422
    )
    assert lee.client.get(url).status_code == 404  # nothing was stored


def test_clients_belong_to_their_owner(host: Host, make_caller):
    host.install("alpha", "1.0.0")
    max_ = make_caller(None, slug="max")
    nia = make_caller(None, slug="nia")
    _report(max_, {"alpha": "1.0.0"})
    assert nia.client.get("/delivery/clients/laptop/state").status_code == 404
    assert nia.client.post("/delivery/clients/laptop/check-updates").status_code == 404
    _report(nia, {})  # the same id names nia's own client
    assert max_.client.get("/delivery/clients/laptop/state").json()["plugins"] == [
        {"slug": "alpha", "version": "1.0.0"}
    ]


def test_check_updates_follows_channel_pin_and_access_changes(
    client: TestClient, host: Host, make_caller
):
    host.install("alpha", "1.0.0")
    host.install("other", "3.0.0")
    olga = make_caller(None, slug="olga")
    market = create_marketplace(client, "main")
    list_plugin(client, market["id"], "alpha")
    list_plugin(client, market["id"], "other")
    access = grant(client, market["id"], "user", "olga")
    _report(olga, {"alpha": "1.0.0"})
    assert _actions(olga) == []
    assert _actions(olga, include_new="true") == [("install", "other", None, "3.0.0")]

    host.install("alpha", "1.1.0", "1.2.0-beta.1")  # a release and a pre-release appear
    assert _actions(olga) == [("upgrade", "alpha", "1.0.0", "1.1.0")]

    client.delete(f"/admin/marketplaces/{market['id']}/plugins/alpha")
    list_plugin(client, market["id"], "alpha", channel="beta")  # the channel changes
    assert _actions(olga) == [("upgrade", "alpha", "1.0.0", "1.2.0-beta.1")]
    _report(olga, {"alpha": "1.2.0-beta.1"})
    assert _actions(olga) == []

    client.delete(f"/admin/marketplaces/{market['id']}/plugins/alpha")
    list_plugin(client, market["id"], "alpha", pinned_version="1.0.0")  # pinned back
    assert _actions(olga) == [("downgrade", "alpha", "1.2.0-beta.1", "1.0.0")]

    client.delete(f"/admin/marketplaces/{market['id']}/access/{access['id']}")  # access lost
    assert _actions(olga) == [("remove", "alpha", "1.2.0-beta.1", None)]
    assert _actions(olga, include_new="true") == [("remove", "alpha", "1.2.0-beta.1", None)]


def test_upgrade_actions_say_where_to_download_and_what_to_expect(
    client: TestClient, host: Host, make_caller
):
    host.install("alpha", "1.0.0", "1.1.0")
    pia = make_caller(None, slug="pia")
    market = create_marketplace(client, "main")
    list_plugin(client, market["id"], "alpha")
    grant(client, market["id"], "org")
    _report(pia, {"alpha": "1.0.0"})
    action = pia.client.post("/delivery/clients/laptop/check-updates").json()["actions"][0]
    download = pia.client.get(action["download_url"])
    assert download.status_code == 200
    assert download.headers["x-content-sha256"] == action["sha256"]


def test_archiving_a_marketplace_shows_up_as_remove(client: TestClient, host: Host, make_caller):
    host.install("alpha", "1.0.0")
    quinn = make_caller(None, slug="quinn")
    host.team("team-q", "quinn")
    market = create_marketplace(client, "main")
    list_plugin(client, market["id"], "alpha")
    grant(client, market["id"], "team", "team-q")
    _report(quinn, {"alpha": "1.0.0"})
    assert _actions(quinn) == []
    client.post(f"/admin/marketplaces/{market['id']}:archive")
    assert _actions(quinn) == [("remove", "alpha", "1.0.0", None)]
    client.post(f"/admin/marketplaces/{market['id']}:restore")
    host.leave("team-q", "quinn")
    assert _actions(quinn) == [("remove", "alpha", "1.0.0", None)]
