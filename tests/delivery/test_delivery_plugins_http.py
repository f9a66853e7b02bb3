"""GET /delivery/plugins: what the caller reaches, through which grants, at which versions."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.marketplaces.support import (
    Host,
    create_marketplace,
    grant,
    grant_plugin,
    list_plugin,
    reached,
)


def test_reach_through_user_team_org_and_direct_plugin_grants(
    client: TestClient, host: Host, make_caller
):
    for slug in ("by-user", "by-team", "by-org", "direct", "unlisted"):
        host.install(slug, "1.0.0")
    alice = make_caller(None, slug="alice")
    bob = make_caller(None, slug="bob")
    host.team("platform", "alice")
    for slug, holder in (
        ("by-user", ("user", "alice")),
        ("by-team", ("team", "platform")),
        ("by-org", ("org", None)),
    ):
        market = create_marketplace(client, f"m-{slug}")
        list_plugin(client, market["id"], slug)
        grant(client, market["id"], holder[0], holder[1])
    grant_plugin(client, "direct", "user", "bob")
    assert reached(alice.client) == {"by-user": "1.0.0", "by-team": "1.0.0", "by-org": "1.0.0"}
    assert reached(bob.client) == {"by-org": "1.0.0", "direct": "1.0.0"}
    # the creating admin holds a manager grant on each; another admin only what is granted
    assert set(reached(client)) == {"by-user", "by-team", "by-org"}
    assert reached(make_caller("org-admin").client) == {"by-org": "1.0.0"}


def test_an_item_shows_versions_per_channel_and_where_it_comes_from(
    client: TestClient, host: Host, make_caller
):
    host.install("alpha", "1.0.0", "1.1.0", "1.2.0-beta.1", description="Alpha does things")
    carol = make_caller(None, slug="carol")
    stable = create_marketplace(client, "stable")
    beta = create_marketplace(client, "beta")
    list_plugin(client, stable["id"], "alpha")
    list_plugin(client, beta["id"], "alpha", channel="beta")
    grant(client, stable["id"], "org")
    only_stable = carol.client.get("/delivery/plugins").json()["items"][0]
    assert only_stable["version"] == "1.1.0"
    assert only_stable["channels"] == {"stable": "1.1.0"}
    grant(client, beta["id"], "user", "carol")
    item = carol.client.get("/delivery/plugins").json()["items"][0]
    assert item["slug"] == "alpha" and item["name"] == "Alpha"
    assert item["description"] == "Alpha does things"
    assert item["version"] == "1.2.0-beta.1"
    assert item["channels"] == {"beta": "1.2.0-beta.1", "stable": "1.1.0"}
    assert item["marketplaces"] == ["beta", "stable"]
    assert [
        (v["marketplace_slug"], v["channel"], v["version"], v["granted_to"]) for v in item["via"]
    ] == [
        ("beta", "beta", "1.2.0-beta.1", f"user:{carol.user_id}"),
        ("stable", "stable", "1.1.0", f"org:{host.org_id}"),
    ]


def test_archived_marketplaces_removed_listings_revoked_grants_and_uninstalled_plugins_reach_nothing(
    client: TestClient, host: Host, make_caller
):
    from plugraph.security.principal import system_principal

    host.install("alpha", "1.0.0")
    host.install("beta-plugin", "1.0.0")
    dana = make_caller(None, slug="dana")
    market = create_marketplace(client, "main")
    list_plugin(client, market["id"], "alpha")
    list_plugin(client, market["id"], "beta-plugin")
    access = grant(client, market["id"], "user", "dana")
    assert set(reached(dana.client)) == {"alpha", "beta-plugin"}
    client.post(f"/admin/marketplaces/{market['id']}:archive")
    assert reached(dana.client) == {}
    client.post(f"/admin/marketplaces/{market['id']}:restore")
    assert set(reached(dana.client)) == {"alpha", "beta-plugin"}
    client.delete(f"/admin/marketplaces/{market['id']}/plugins/alpha")
    assert set(reached(dana.client)) == {"beta-plugin"}
    host.app.state.context.registry.uninstall("beta-plugin", system_principal(host.org_id, "demo"))
    assert reached(dana.client) == {}
    list_plugin(client, market["id"], "alpha")
    assert set(reached(dana.client)) == {"alpha"}
    client.delete(f"/admin/marketplaces/{market['id']}/access/{access['id']}")
    assert reached(dana.client) == {}


def test_unreachable_plugins_are_404_like_unknown_ones(client: TestClient, host: Host, make_caller):
    host.install("secret", "1.0.0")
    eve = make_caller(None, slug="eve")
    hidden = eve.client.get("/delivery/plugins/secret")
    unknown = eve.client.get("/delivery/plugins/nothing-here")
    assert hidden.status_code == unknown.status_code == 404
    assert hidden.json()["detail"] == "no plugin 'secret'"
    for suffix in ("/manifest", "/download"):
        assert eve.client.get(f"/delivery/plugins/secret{suffix}").status_code == 404
    grant_plugin(client, "secret", "user", "eve")
    assert eve.client.get("/delivery/plugins/secret").status_code == 200


def test_search_and_keyset_paging(client: TestClient, host: Host, make_caller):
    host.install("aws-iam", "1.0.0", description="Identity Center accounts")
    host.install("github", "1.0.0", description="Repositories and teams")
    host.install("gitlab", "1.0.0", description="Projects")
    host.install("jira", "1.0.0", description="Issues")
    frank = make_caller(None, slug="frank")
    market = create_marketplace(client, "main")
    for slug in ("aws-iam", "github", "gitlab", "jira"):
        list_plugin(client, market["id"], slug)
    grant(client, market["id"], "user", "frank")

    def slugs(**params) -> list[str]:
        return [
            i["slug"] for i in frank.client.get("/delivery/plugins", params=params).json()["items"]
        ]

    assert slugs(q="git") == ["github", "gitlab"]
    assert slugs(q="GITHUB") == ["github"]  # slug and name, case-insensitive
    assert slugs(q="identity") == ["aws-iam"]  # description
    assert slugs(q="nothing") == []
    first = frank.client.get("/delivery/plugins", params={"limit": 3}).json()
    assert [i["slug"] for i in first["items"]] == ["aws-iam", "github", "gitlab"]
    second = frank.client.get(
        "/delivery/plugins", params={"limit": 3, "cursor": first["next_cursor"]}
    ).json()
    assert [i["slug"] for i in second["items"]] == ["jira"]
    assert second["next_cursor"] is None
    filtered = frank.client.get("/delivery/plugins", params={"limit": 1, "q": "git"}).json()
    rest = frank.client.get(
        "/delivery/plugins", params={"limit": 1, "q": "git", "cursor": filtered["next_cursor"]}
    ).json()
    assert [i["slug"] for i in filtered["items"] + rest["items"]] == ["github", "gitlab"]
    assert frank.client.get("/delivery/plugins", params={"cursor": "garbage"}).status_code == 422
    assert frank.client.get("/delivery/plugins", params={"limit": 1000}).status_code == 422


def test_the_manifest_of_the_offered_version(client: TestClient, host: Host, make_caller):
    host.install("alpha", "1.0.0", "2.0.0")
    gina = make_caller(None, slug="gina")
    market = create_marketplace(client, "main")
    list_plugin(client, market["id"], "alpha", pinned_version="1.0.0")
    grant(client, market["id"], "org")
    manifest = gina.client.get("/delivery/plugins/alpha/manifest").json()
    assert manifest["slug"] == "alpha" and manifest["version"] == "1.0.0"
    assert (
        gina.client.get("/delivery/plugins/alpha/manifest", params={"version": "1.0.0"}).status_code
        == 200
    )
    not_offered = gina.client.get("/delivery/plugins/alpha/manifest", params={"version": "2.0.0"})
    assert not_offered.status_code == 404


def test_a_plugin_reachable_only_where_no_version_fits_has_no_version(
    client: TestClient, host: Host, make_caller
):
    host.install("early", "0.1.0-alpha.1")
    hal = make_caller(None, slug="hal")
    market = create_marketplace(client, "main")
    list_plugin(client, market["id"], "early")  # stable: no release yet
    grant(client, market["id"], "user", "hal")
    item = hal.client.get("/delivery/plugins/early").json()
    assert item["version"] is None and item["download"] is None
    assert item["channels"] == {"stable": None}
    assert hal.client.get("/delivery/plugins/early/download").status_code == 404


def test_other_orgs_grants_reach_nothing_here(client: TestClient, host: Host, make_caller):
    host.install("alpha", "1.0.0")
    acme_admin = make_caller("org-admin", org="acme", slug="boss")
    acme_user = make_caller(None, org="acme", slug="ivy")
    demo_user = make_caller(None, slug="ivy")
    theirs = create_marketplace(acme_admin.client, "theirs")
    list_plugin(acme_admin.client, theirs["id"], "alpha")
    grant(acme_admin.client, theirs["id"], "org")
    grant_plugin(acme_admin.client, "alpha", "org")
    assert set(reached(acme_user.client)) == {"alpha"}
    assert reached(demo_user.client) == {}
    assert demo_user.client.get("/delivery/plugins/alpha").status_code == 404


def test_plugin_keys_are_not_delivery_clients(client: TestClient, host: Host):
    host.install("alpha", "1.0.0")
    key = client.post("/admin/plugin-keys", json={"plugin": "alpha", "name": "k"})
    assert key.status_code == 201, key.text
    with TestClient(host.app, headers={"Authorization": f"Bearer {key.json()['token']}"}) as plugin:
        response = plugin.get("/delivery/plugins")
    assert response.status_code == 403
    assert response.json()["permission"] == "delivery:read"
