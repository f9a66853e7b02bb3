"""Plugin policies follow installs, upgrades and uninstalls one plugin at a time.

Each registry event changes only that plugin's ``plugin:<slug>`` lines, in the graph and
in the installing process's enforcer (no reload of every policy); other processes see
the change through the policy version.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from plugraph.authz.authorizer import Authorizer
from plugraph.authz.graph_adapter import GraphAdapter
from plugraph.authz.roles import ANY_ORG
from plugraph.graph.store import GraphStore
from plugraph.security.principal import Principal


def plugin(slug: str, label: str, version: str = "1.0.0", **changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "api_version": "plugraph/v1",
        "slug": slug,
        "name": slug.title(),
        "version": version,
        "vertex_labels": [
            {
                "name": label,
                "schema": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {"name": {"type": "string"}},
                },
            }
        ],
    }
    document.update(changes)
    return document


ALPHA = plugin("alpha", "AlphaThing")
BETA = plugin("beta", "BetaThing", permissions=["entities:read:AlphaThing"])
BETA_2 = plugin(
    "beta",
    "BetaThing",
    "2.0.0",
    permissions=["entities:write:AlphaThing", "entities:read:Project"],
)

ALPHA_LINES = {"plugins:alpha:*", "plugins:read"}
BETA_LINES = {"plugins:beta:*", "plugins:read", "plugins:alpha:entities:AlphaThing:read"}
BETA_2_LINES = {
    "plugins:beta:*",
    "plugins:read",
    "plugins:alpha:entities:AlphaThing:write",
    "anchors:projects:read",
}


def install(client: TestClient, document: dict[str, Any]) -> None:
    response = client.post("/admin/plugins", json=document)
    assert response.status_code in (200, 201), response.text


def graph_lines(store: GraphStore, slug: str) -> set[tuple[str, str]]:
    rows = store.read(
        "MATCH (r:CasbinRule {ptype: 'p'}) WHERE r.v0 = $subject RETURN r.v1 AS dom, r.v2 AS perm",
        {"subject": f"plugin:{slug}"},
    )
    return {(row["dom"], row["perm"]) for row in rows}


def lines(authorizer: Authorizer, slug: str) -> set[str]:
    return set(authorizer.patterns_of(f"plugin:{slug}", ANY_ORG))


def as_plugin(slug: str, org_id: str) -> Principal:
    return Principal(kind="plugin", id=slug, org_id=org_id, org_slug="demo")


@pytest.fixture
def authorizer(app: FastAPI) -> Authorizer:
    return app.state.context.authorizer  # type: ignore[no-any-return]


@pytest.fixture
def full_loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts every load of the whole policy (GraphAdapter.load_policy) from now on."""
    loads: list[int] = []
    original = GraphAdapter.load_policy

    def counting(self: GraphAdapter, model: Any) -> None:
        loads.append(1)
        original(self, model)

    monkeypatch.setattr(GraphAdapter, "load_policy", counting)
    return loads


def test_installing_a_plugin_adds_its_lines_and_leaves_the_others(
    client: TestClient, store: GraphStore, authorizer: Authorizer
):
    install(client, ALPHA)
    install(client, BETA)

    assert lines(authorizer, "alpha") == ALPHA_LINES
    assert lines(authorizer, "beta") == BETA_LINES
    assert graph_lines(store, "alpha") == {(ANY_ORG, p) for p in ALPHA_LINES}
    assert graph_lines(store, "beta") == {(ANY_ORG, p) for p in BETA_LINES}
    # what a freshly started process loads from the graph is what this one enforces
    fresh = Authorizer(store)
    assert lines(fresh, "alpha") == ALPHA_LINES
    assert lines(fresh, "beta") == BETA_LINES
    assert fresh.version == authorizer.version


def test_an_upgrade_replaces_only_that_plugins_lines(
    client: TestClient, store: GraphStore, authorizer: Authorizer
):
    install(client, ALPHA)
    install(client, BETA)
    install(client, BETA_2)

    assert lines(authorizer, "beta") == BETA_2_LINES
    assert lines(authorizer, "alpha") == ALPHA_LINES
    assert graph_lines(store, "beta") == {(ANY_ORG, p) for p in BETA_2_LINES}
    assert graph_lines(store, "alpha") == {(ANY_ORG, p) for p in ALPHA_LINES}
    fresh = Authorizer(store)
    assert lines(fresh, "beta") == BETA_2_LINES
    assert lines(fresh, "alpha") == ALPHA_LINES


def test_uninstall_removes_only_that_plugins_lines(
    client: TestClient, store: GraphStore, authorizer: Authorizer
):
    install(client, ALPHA)
    install(client, BETA)

    assert client.delete("/admin/plugins/beta").status_code in (200, 204)

    assert lines(authorizer, "beta") == set()
    assert graph_lines(store, "beta") == set()
    assert lines(authorizer, "alpha") == ALPHA_LINES
    assert lines(Authorizer(store), "alpha") == ALPHA_LINES


def test_the_installing_process_applies_its_change_without_reloading_every_policy(
    client: TestClient, authorizer: Authorizer, full_loads: list[int]
):
    before = authorizer.version
    install(client, ALPHA)
    install(client, BETA)
    install(client, BETA_2)
    assert client.delete("/admin/plugins/alpha").status_code in (200, 204)

    assert full_loads == []
    assert authorizer.version == before + 4  # one bump per event, as other processes see it
    authorizer.check_interval = 0.0
    authorizer.refresh()  # the graph is at the version it holds: nothing to reload
    assert full_loads == []


def test_decisions_cached_before_an_upgrade_follow_it(
    client: TestClient, authorizer: Authorizer, app: FastAPI
):
    org_id = app.state.demo.org_id
    install(client, ALPHA)
    install(client, BETA)
    beta = as_plugin("beta", org_id)
    read, write = (
        "plugins:alpha:entities:AlphaThing:read",
        "plugins:alpha:entities:AlphaThing:write",
    )
    assert authorizer.decide(beta, read).allowed
    assert not authorizer.decide(beta, write).allowed

    install(client, BETA_2)

    assert authorizer.decide(beta, write).allowed
    assert not authorizer.decide(beta, read).allowed
    assert client.delete("/admin/plugins/beta").status_code in (200, 204)
    assert not authorizer.decide(beta, write).allowed
    assert not authorizer.decide(beta, "plugins:beta:entities:BetaThing:read").allowed


def test_another_process_sees_the_change_through_the_version(
    client: TestClient, store: GraphStore, authorizer: Authorizer, app: FastAPI
):
    other = Authorizer(store, check_interval=0.0)
    beta = as_plugin("beta", app.state.demo.org_id)
    install(client, ALPHA)
    install(client, BETA)
    assert other.decide(beta, "plugins:alpha:entities:AlphaThing:read").allowed

    install(client, BETA_2)

    assert other.decide(beta, "plugins:alpha:entities:AlphaThing:write").allowed
    assert not other.decide(beta, "plugins:alpha:entities:AlphaThing:read").allowed
    assert other.version == authorizer.version


def test_a_change_by_another_process_in_between_is_not_lost(
    client: TestClient, store: GraphStore, authorizer: Authorizer, full_loads: list[int]
):
    install(client, ALPHA)
    # another process grants something after this one loaded its policies
    other = Authorizer(store)
    store.execute_write(lambda tx: other.grant_tx(tx, "role:auditor", ANY_ORG, "audit:read"))
    full_loads.clear()

    install(client, BETA)

    # this process could not apply its change on top of what it held: it reloaded
    assert full_loads != []
    assert authorizer.patterns_of("role:auditor", ANY_ORG) == {"audit:read"}
    assert lines(authorizer, "beta") == BETA_LINES
    assert lines(authorizer, "alpha") == ALPHA_LINES
    assert graph_lines(store, "beta") == {(ANY_ORG, p) for p in BETA_LINES}
    assert authorizer.version == Authorizer(store).version


def test_setting_a_subjects_lines_twice_is_the_same_as_once(
    store: GraphStore, authorizer: Authorizer
):
    authorizer.set_subject_policies("plugin:x", ANY_ORG, ["plugins:x:*", "plugins:read"])
    authorizer.set_subject_policies("plugin:x", ANY_ORG, ["plugins:x:*"])
    authorizer.set_subject_policies("plugin:x", ANY_ORG, ["plugins:x:*"])

    assert graph_lines(store, "x") == {(ANY_ORG, "plugins:x:*")}
    assert lines(authorizer, "x") == {"plugins:x:*"}
    authorizer.set_subject_policies("plugin:x", ANY_ORG, [])
    assert graph_lines(store, "x") == set()
    assert lines(authorizer, "x") == set()
    assert lines(Authorizer(store), "x") == set()
