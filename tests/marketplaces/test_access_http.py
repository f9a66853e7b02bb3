"""Access grants: user vs team vs org-wide, the strongest wins, revocation, the Casbin mirror."""

from __future__ import annotations

from fastapi.testclient import TestClient

from plugraph.graph.store import GraphStore
from tests.marketplaces.support import Host, create_marketplace, grant, grant_plugin


def _can(caller, marketplace_id: str) -> dict[str, bool]:
    """What the caller may do: read (GET), write (PATCH), manage (POST access)."""
    url = f"/admin/marketplaces/{marketplace_id}"
    read = caller.client.get(url).status_code == 200
    write = caller.client.patch(url, json={}).status_code == 200
    manage = (
        caller.client.post(
            f"{url}/access", json={"holder_kind": "user", "holder": "nobody", "role": "viewer"}
        ).status_code
        == 404  # past the permission check: the holder does not exist
    )
    return {"read": read, "write": write, "manage": manage}


def test_user_team_and_org_wide_grants_combine_and_the_strongest_wins(
    client: TestClient, host: Host, make_caller
):
    market = create_marketplace(client, "main")
    alice = make_caller(None, slug="alice")
    bob = make_caller(None, slug="bob")
    host.team("platform", "alice")
    assert _can(alice, market["id"]) == {"read": False, "write": False, "manage": False}

    grant(client, market["id"], "org", role="viewer")
    assert _can(alice, market["id"]) == {"read": True, "write": False, "manage": False}
    assert _can(bob, market["id"]) == {"read": True, "write": False, "manage": False}

    grant(client, market["id"], "team", "platform", role="editor")
    assert _can(alice, market["id"]) == {"read": True, "write": True, "manage": False}
    assert _can(bob, market["id"]) == {"read": True, "write": False, "manage": False}

    grant(client, market["id"], "user", "alice", role="viewer")  # weaker than her team's
    assert _can(alice, market["id"]) == {"read": True, "write": True, "manage": False}
    assert client.get(f"/admin/marketplaces/{market['id']}").json()["my_access"] == "manager"
    assert alice.client.get(f"/admin/marketplaces/{market['id']}").json()["my_access"] == "editor"

    grant(client, market["id"], "user", "bob", role="manager")
    assert _can(bob, market["id"]) == {"read": True, "write": True, "manage": True}


def test_revoked_grants_grant_nothing(client: TestClient, host: Host, make_caller):
    market = create_marketplace(client, "main")
    carol = make_caller(None, slug="carol")
    host.team("ops", "carol")
    by_team = grant(client, market["id"], "team", "ops", role="editor")
    assert _can(carol, market["id"])["write"] is True
    assert (
        client.delete(f"/admin/marketplaces/{market['id']}/access/{by_team['id']}").status_code
        == 204
    )
    assert _can(carol, market["id"]) == {"read": False, "write": False, "manage": False}
    assert (
        client.delete(f"/admin/marketplaces/{market['id']}/access/{by_team['id']}").status_code
        == 404
    )
    history = client.get(
        f"/admin/marketplaces/{market['id']}/access", params={"include_revoked": "true"}
    ).json()["items"]
    revoked = next(g for g in history if g["id"] == by_team["id"])
    assert revoked["active"] is False and revoked["revoked_at"] and revoked["revoked_by"]
    active = client.get(f"/admin/marketplaces/{market['id']}/access").json()["items"]
    assert by_team["id"] not in [g["id"] for g in active]


def test_leaving_a_team_loses_its_access(client: TestClient, host: Host, make_caller):
    market = create_marketplace(client, "main")
    dan = make_caller(None, slug="dan")
    host.team("sre", "dan")
    grant(client, market["id"], "team", "sre")
    assert _can(dan, market["id"])["read"] is True
    host.leave("sre", "dan")
    assert _can(dan, market["id"])["read"] is False


def test_granting_a_holder_again_replaces_its_grant(
    client: TestClient, make_caller, store: GraphStore
):
    market = create_marketplace(client, "main")
    erin = make_caller(None, slug="erin")
    first = grant(client, market["id"], "user", "erin", role="manager")
    second = grant(client, market["id"], "user", "erin", role="viewer")
    assert _can(erin, market["id"]) == {"read": True, "write": False, "manage": False}
    history = client.get(
        f"/admin/marketplaces/{market['id']}/access", params={"include_revoked": "true"}
    ).json()["items"]
    old = next(g for g in history if g["id"] == first["id"])
    assert old["active"] is False and old["superseded_by"] == second["id"]
    policies = store.read(
        "MATCH (r:CasbinRule {ptype: 'p', v0: $subject}) RETURN r.v1 AS domain, r.v2 AS permission",
        {"subject": f"user:{erin.user_id}"},
    )
    assert policies == [
        {"domain": market_org(client), "permission": f"marketplaces:{market['id']}:read"}
    ]


def test_grants_are_mirrored_as_one_casbin_policy_per_implied_permission(
    client: TestClient, host: Host, make_caller, store: GraphStore
):
    market = create_marketplace(client, "main")
    team = host.team("devs")
    grant(client, market["id"], "team", "devs", role="manager")
    rows = store.read(
        "MATCH (r:CasbinRule {ptype: 'p', v0: $subject}) RETURN r.v2 AS permission ORDER BY permission",
        {"subject": f"team:{team}"},
    )
    assert [r["permission"] for r in rows] == [
        f"marketplaces:{market['id']}:{op}" for op in ("manage", "read", "write")
    ]
    org_grant = grant(client, market["id"], "org", role="editor")
    assert org_grant["subject"] == f"org:{market_org(client)}"
    assert org_grant["holder_slug"] == "demo"


def test_the_grant_body_is_validated(client: TestClient):
    market = create_marketplace(client, "main")
    url = f"/admin/marketplaces/{market['id']}/access"
    assert client.post(url, json={"holder_kind": "user", "role": "viewer"}).status_code == 422
    assert (
        client.post(
            url, json={"holder_kind": "org", "holder": "demo", "role": "viewer"}
        ).status_code
        == 422
    )
    assert (
        client.post(
            url, json={"holder_kind": "user", "holder": "admin", "role": "owner"}
        ).status_code
        == 422
    )
    assert (
        client.post(url, json={"holder_kind": "group", "holder": "x", "role": "viewer"}).status_code
        == 422
    )
    assert (
        client.post(
            url, json={"holder_kind": "team", "holder": "ghosts", "role": "viewer"}
        ).status_code
        == 404
    )


def test_marketplace_access_never_grants_edit_rights_on_its_plugins(
    client: TestClient, host: Host, make_caller
):
    host.install("alpha", "1.0.0")
    market = create_marketplace(client, "main")
    client.post(f"/admin/marketplaces/{market['id']}/plugins", json={"plugin": "alpha"})
    fay = make_caller(None, slug="fay")
    grant(client, market["id"], "user", "fay", role="manager")
    response = fay.client.post(
        "/admin/plugins/alpha/access", json={"holder_kind": "org", "role": "viewer"}
    )
    assert response.status_code == 403
    assert response.json()["permission"] == "plugin-access:alpha:manage"
    assert response.json()["missing"] == "resource_grant"
    explained = client.post(
        "/admin/authz/explain",
        json={"principal": "user:fay", "permission": "plugin-access:alpha:write"},
    ).json()
    assert explained["allowed"] is False


def test_direct_plugin_grants(client: TestClient, host: Host, make_caller):
    host.install("alpha", "1.0.0")
    gus = make_caller(None, slug="gus")
    assert gus.client.get("/admin/plugins/alpha/access").status_code == 403
    granted = grant_plugin(client, "alpha", "user", "gus", role="manager")
    assert granted["subject"] == f"user:{gus.user_id}"
    listed = gus.client.get("/admin/plugins/alpha/access").json()["items"]
    assert [g["id"] for g in listed] == [granted["id"]]
    org_wide = gus.client.post(
        "/admin/plugins/alpha/access", json={"holder_kind": "org", "role": "viewer"}
    )
    assert org_wide.status_code == 201
    assert client.delete(f"/admin/plugins/alpha/access/{granted['id']}").status_code == 204
    assert gus.client.get("/admin/plugins/alpha/access").status_code == 200  # org-wide viewer
    assert (
        gus.client.post(
            "/admin/plugins/alpha/access", json={"holder_kind": "org", "role": "viewer"}
        ).status_code
        == 403
    )
    assert client.get("/admin/plugins/ghost/access").status_code == 404
    assert gus.client.get("/admin/plugins/ghost/access").status_code == 404
    events = client.get("/admin/audit", params={"plugin": "alpha"}).json()["items"]
    assert {"plugin_access.grant", "plugin_access.revoke"} <= {e["action"] for e in events}


def test_401_without_a_token(anon_client: TestClient, client: TestClient):
    market = create_marketplace(client, "main")
    for method, url in [
        ("GET", "/admin/marketplaces"),
        ("GET", f"/admin/marketplaces/{market['id']}"),
        ("POST", f"/admin/marketplaces/{market['id']}/access"),
        ("GET", "/admin/plugins/alpha/access"),
        ("GET", "/delivery/plugins"),
    ]:
        assert anon_client.request(method, url, json={}).status_code == 401


def market_org(client: TestClient) -> str:
    return client.get("/admin/me").json()["org"]["id"]
