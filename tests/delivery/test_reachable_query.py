"""cypher/queries/plugins_reachable_by_user.cypher agrees with GET /delivery/plugins."""

from __future__ import annotations

from fastapi.testclient import TestClient

from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.security.principal import system_principal
from tests.marketplaces.support import Host, create_marketplace, grant, grant_plugin, list_plugin


def _from_query(store: GraphStore, org: str, user: str) -> set[tuple[str, str | None]]:
    rows = store.read(
        QUERIES.text("queries/plugins_reachable_by_user"), {"org_slug": org, "user_slug": user}
    )
    return {(row["plugin"], row["marketplace"]) for row in rows}


def _from_api(client: TestClient) -> set[tuple[str, str | None]]:
    items = client.get("/delivery/plugins", params={"limit": 200}).json()["items"]
    return {(item["slug"], via["marketplace_slug"]) for item in items for via in item["via"]}


def test_the_operator_query_agrees_with_the_delivery_api(
    client: TestClient, host: Host, make_caller, store: GraphStore
):
    for slug in ("alpha", "bravo", "charlie", "delta", "echo", "gone"):
        host.install(slug, "1.0.0")
    users = {slug: make_caller(None, slug=slug) for slug in ("ann", "ben", "cat", "dev", "eli")}
    acme = make_caller("org-admin", org="acme", slug="ann")
    host.team("red", "ann", "ben")
    host.team("blue", "cat")

    tools = create_marketplace(client, "tools")
    for slug in ("alpha", "bravo", "gone"):
        list_plugin(client, tools["id"], slug)
    grant(client, tools["id"], "team", "red")
    grant(client, tools["id"], "user", "cat", role="editor")

    everyone = create_marketplace(client, "everyone")
    list_plugin(client, everyone["id"], "charlie")
    list_plugin(client, everyone["id"], "alpha", channel="beta")
    grant(client, everyone["id"], "org")

    old = create_marketplace(client, "old")
    list_plugin(client, old["id"], "delta")
    grant(client, old["id"], "user", "dev")
    client.post(f"/admin/marketplaces/{old['id']}:archive")

    removed = create_marketplace(client, "removed")
    list_plugin(client, removed["id"], "echo")
    grant(client, removed["id"], "user", "eli")
    client.delete(f"/admin/marketplaces/{removed['id']}/plugins/echo")
    revoked = grant(client, removed["id"], "team", "blue")
    client.delete(f"/admin/marketplaces/{removed['id']}/access/{revoked['id']}")

    grant_plugin(client, "delta", "team", "blue")
    grant_plugin(client, "echo", "user", "eli")
    host.app.state.context.registry.uninstall("gone", system_principal(host.org_id, "demo"))

    theirs = create_marketplace(acme.client, "theirs")
    list_plugin(acme.client, theirs["id"], "bravo")
    grant(acme.client, theirs["id"], "org")

    expected = {
        "ann": {
            ("alpha", "tools"),
            ("bravo", "tools"),
            ("charlie", "everyone"),
            ("alpha", "everyone"),
        },
        "cat": {
            ("alpha", "tools"),
            ("bravo", "tools"),
            ("charlie", "everyone"),
            ("alpha", "everyone"),
            ("delta", None),
        },
        "dev": {("charlie", "everyone"), ("alpha", "everyone")},
        "eli": {("charlie", "everyone"), ("alpha", "everyone"), ("echo", None)},
    }
    for slug, caller in users.items():
        from_api = _from_api(caller.client)
        assert _from_query(store, "demo", slug) == from_api, slug
        if slug in expected:
            assert from_api == expected[slug], slug
    assert _from_query(store, "acme", "ann") == _from_api(acme.client) == {("bravo", "theirs")}
    assert _from_query(store, "demo", "nobody") == set()
