"""The edge routes over HTTP: the generic edge API, anchored edges and entity edges."""

from collections.abc import Callable
from itertools import count
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from plugraph.anchors.seed import seed_demo
from plugraph.graph.store import GraphStore
from plugraph.manifests.loader import load_manifest
from tests.anchors.fixtures import anchor_id, create_entity, install
from tests.conftest import REPO_ROOT
from tests.edges.conftest import EXAMPLE_PLUGINS, edge_count

AWS = "/admin/plugins/aws-iam-ic/edges/MAPS_TO"
MERGE_PATCH = {"Content-Type": "application/merge-patch+json"}
MISSING = "01ARZ3NDEKTSV4RRFFQ69G5FAV"


@pytest.fixture
def demo(app: FastAPI, store: GraphStore) -> str:
    org_id = seed_demo(store)
    registry = app.state.context.registry
    install(registry, *(load_manifest(REPO_ROOT / "manifests" / slug) for slug in EXAMPLE_PLUGINS))
    return org_id


@pytest.fixture
def http(client: TestClient, demo: str) -> TestClient:
    return client


@pytest.fixture
def ids(store: GraphStore, demo: str) -> Callable[[str, str], str]:
    """ids("Environment", "checkout-prod") -> the anchor's id."""
    return lambda label, slug: anchor_id(store, demo, label, slug)


@pytest.fixture
def account(store: GraphStore, demo: str) -> Callable[[str], str]:
    numbers = count(100000000000)

    def make(name: str) -> str:
        number = str(next(numbers))
        document = {
            "accountId": number,
            "name": name,
            "email": f"{name}@example.com",
            "status": "ACTIVE",
        }
        return create_entity(store, demo, "aws-iam-ic", "AwsAccount", document)

    return make


@pytest.fixture
def entity(store: GraphStore, demo: str) -> Callable[[str, str, dict[str, Any]], str]:
    return lambda plugin, label, document: create_entity(store, demo, plugin, label, document)


def test_create_list_get_patch_delete(http: TestClient, ids, account):
    env, acct = ids("Environment", "checkout-prod"), account("prod")

    created = http.post(
        AWS, json={"source_id": env, "target_id": acct, "properties": {"role": "workload"}}
    )
    assert created.status_code == 201
    edge = created.json()
    assert created.headers["Location"] == f"{AWS}/{env}/{acct}"
    assert {
        key: edge[key]
        for key in (
            "plugin",
            "label",
            "source_id",
            "source_label",
            "target_id",
            "target_label",
            "properties",
        )
    } == {
        "plugin": "aws-iam-ic",
        "label": "MAPS_TO",
        "source_id": env,
        "source_label": "Environment",
        "target_id": acct,
        "target_label": "AwsAccount",
        "properties": {"role": "workload"},
    }

    listed = http.get(AWS, params={"source_id": env})
    assert listed.status_code == 200 and listed.json() == {"items": [edge], "next_cursor": None}
    assert http.get(AWS, params={"target_label": "AwsAccount"}).json()["items"] == [edge]
    assert http.get(f"{AWS}/{env}/{acct}").json() == edge

    patched = http.patch(f"{AWS}/{env}/{acct}", json={"linkedBy": "terraform"}, headers=MERGE_PATCH)
    assert patched.status_code == 200
    assert patched.json()["properties"] == {"role": "workload", "linkedBy": "terraform"}

    assert http.delete(f"{AWS}/{env}/{acct}").status_code == 204
    assert http.get(f"{AWS}/{env}/{acct}").status_code == 404
    assert http.delete(f"{AWS}/{env}/{acct}").status_code == 404


def test_patch_needs_merge_patch_a_valid_result_and_a_schema(
    http: TestClient, ids, account, entity
):
    env, acct = ids("Environment", "checkout-prod"), account("prod")
    http.post(AWS, json={"source_id": env, "target_id": acct, "properties": {"role": "workload"}})

    assert http.patch(f"{AWS}/{env}/{acct}", json={"role": "x"}).status_code == 415
    invalid = http.patch(f"{AWS}/{env}/{acct}", json={"role": "boss"}, headers=MERGE_PATCH)
    assert invalid.status_code == 422 and invalid.json()["errors"][0]["pointer"] == "/role"
    assert http.patch(f"{AWS}/{env}/{acct}", json=[1], headers=MERGE_PATCH).status_code == 422

    service = entity(
        "pagerduty",
        "PagerDutyService",
        {"serviceId": "PABCDEF", "name": "s", "status": "active", "urgency": "high"},
    )
    project = ids("Project", "checkout")
    http.post(
        "/admin/plugins/pagerduty/edges/ALERTS_FOR",
        json={"source_id": service, "target_id": project},
    )
    response = http.patch(
        f"/admin/plugins/pagerduty/edges/ALERTS_FOR/{service}/{project}",
        json={"a": 1},
        headers=MERGE_PATCH,
    )
    assert response.status_code == 409 and "no property schema" in response.json()["detail"]


@pytest.mark.parametrize(
    ("path", "status"),
    [("/admin/plugins/nope/edges/MAPS_TO", 404), ("/admin/plugins/aws-iam-ic/edges/BACKS", 404)],
)
def test_unknown_plugin_or_label_is_404(http: TestClient, path: str, status: int):
    assert http.get(path).status_code == status
    assert http.post(path, json={"source_id": MISSING, "target_id": MISSING}).status_code == status


def test_bad_creates_are_refused_and_write_nothing(
    http: TestClient, ids, account, store: GraphStore
):
    env, team, acct = ids("Environment", "checkout-prod"), ids("Team", "platform"), account("prod")

    missing = http.post(
        AWS, json={"source_id": env, "target_id": MISSING, "properties": {"role": "workload"}}
    )
    assert missing.status_code == 404
    wrong = http.post(
        AWS, json={"source_id": team, "target_id": acct, "properties": {"role": "workload"}}
    )
    assert wrong.status_code == 422
    assert wrong.json()["errors"] == [
        {"pointer": "/source_id", "message": f"node {team} is a Team; allowed: Environment"}
    ]
    assert wrong.json()["allowed_source_labels"] == ["Environment"]
    invalid = http.post(AWS, json={"source_id": env, "target_id": acct, "properties": {"role": 3}})
    assert (
        invalid.status_code == 422 and invalid.json()["errors"][0]["pointer"] == "/properties/role"
    )
    extra = http.post(AWS, json={"source_id": env, "target_id": acct, "id": "mine"})
    assert extra.status_code == 422
    assert edge_count(store, "MAPS_TO") == 0


def test_cardinality_and_duplicates_are_409(http: TestClient, ids, account):
    env = ids("Environment", "checkout-prod")
    first, second = account("first"), account("second")
    body = {"source_id": env, "target_id": first, "properties": {"role": "workload"}}
    edge = http.post(AWS, json=body).json()

    duplicate = http.post(AWS, json=body)
    assert (
        duplicate.status_code == 409 and duplicate.json()["existing_edges"][0]["id"] == edge["id"]
    )
    over = http.post(AWS, json=body | {"target_id": second})
    assert over.status_code == 409
    assert over.json()["rule"] == "max_per_source"
    assert over.json()["existing_edges"] == [
        {"id": edge["id"], "source_id": env, "target_id": first}
    ]


def test_list_filters_are_checked(http: TestClient):
    response = http.get(AWS, params={"source_label": "Team"})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"pointer": "/source_label", "message": "allowed: Environment"}
    ]
    assert http.get(AWS, params={"limit": 500}).status_code == 422


def test_edge_permissions(demo: str, make_caller, ids, account):
    viewer = make_caller(role="viewer").client
    env, acct = ids("Environment", "checkout-prod"), account("prod")
    assert viewer.get(AWS).status_code == 200
    response = viewer.post(
        AWS, json={"source_id": env, "target_id": acct, "properties": {"role": "workload"}}
    )
    assert response.status_code == 403
    assert response.json()["permission"] == "plugins:aws-iam-ic:edges:MAPS_TO:write"
    assert viewer.delete(f"{AWS}/{env}/{acct}").status_code == 403


def test_another_orgs_edges_are_invisible(demo: str, http: TestClient, make_caller, ids, account):
    env, acct = ids("Environment", "checkout-prod"), account("prod")
    http.post(AWS, json={"source_id": env, "target_id": acct, "properties": {"role": "workload"}})
    outsider = make_caller(role="org-admin", org="acme").client

    assert outsider.get(AWS).json()["items"] == []
    assert outsider.get(f"{AWS}/{env}/{acct}").status_code == 404
    assert outsider.delete(f"{AWS}/{env}/{acct}").status_code == 404
    assert (
        outsider.get(
            "/admin/environments/checkout-prod/plugin-edges/aws-iam-ic/MAPS_TO"
        ).status_code
        == 404
    )


# -- anchored edges ------------------------------------------------------------------------

ANCHORED = "/admin/environments/checkout-prod/plugin-edges/aws-iam-ic/MAPS_TO"


def test_which_aws_account_is_linked_to_this_environment(http: TestClient, ids, account):
    assert http.get(ANCHORED).json() == {"items": [], "next_cursor": None}
    acct = account("prod")

    put = http.put(ANCHORED, json={"target_id": acct, "properties": {"role": "workload"}})
    assert put.status_code == 200
    linked = http.get(ANCHORED).json()["items"]
    assert len(linked) == 1
    assert linked[0]["direction"] == "out"
    assert linked[0]["edge"]["id"] == put.json()["id"]
    assert linked[0]["other"]["id"] == acct
    assert linked[0]["other"]["label"] == "AwsAccount"
    assert linked[0]["other"]["properties"]["name"] == "prod"

    other = account("other")
    replaced = http.put(ANCHORED, json={"target_id": other, "properties": {"role": "network"}})
    assert replaced.status_code == 200
    assert [item["other"]["id"] for item in http.get(ANCHORED).json()["items"]] == [other]

    assert http.delete(ANCHORED, params={"other_id": acct}).status_code == 404
    assert http.delete(ANCHORED).status_code == 204
    assert http.delete(ANCHORED).status_code == 404


def test_anchored_puts_are_checked(http: TestClient, ids, entity):
    assert (
        http.put(
            ANCHORED, json={"target_id": MISSING, "properties": {"role": "workload"}}
        ).status_code
        == 404
    )
    wrong = http.put(
        ANCHORED, json={"target_id": ids("Team", "platform"), "properties": {"role": "workload"}}
    )
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["pointer"] == "/target_id"
    service = entity(
        "pagerduty",
        "PagerDutyService",
        {"serviceId": "PABCDEF", "name": "s", "status": "active", "urgency": "high"},
    )
    unbounded = http.put(
        "/admin/projects/checkout/plugin-edges/pagerduty/ALERTS_FOR", json={"target_id": service}
    )
    assert unbounded.status_code == 409


@pytest.mark.parametrize(
    ("kind", "slug", "plugin", "label"),
    [
        ("orgs", "demo", "github", "BACKS"),
        ("teams", "platform", "aws-iam-ic", "GRANTS_ACCESS"),
        ("users", "alice", "github", "BACKS"),
        ("projects", "checkout", "github", "BACKS"),
        ("environments", "checkout-prod", "aws-iam-ic", "MAPS_TO"),
    ],
)
def test_every_anchor_kind_has_anchored_routes(
    http: TestClient, kind: str, slug: str, plugin: str, label: str
):
    response = http.get(f"/admin/{kind}/{slug}/plugin-edges/{plugin}/{label}")
    attaches = label in {"GRANTS_ACCESS", "MAPS_TO"} or kind == "projects"
    if attaches:
        assert response.status_code == 200
    else:  # the route exists; the label just does not attach to this kind
        assert response.status_code == 404 and "does not attach" in response.json()["detail"]
    assert http.get(f"/admin/{kind}/nope/plugin-edges/{plugin}/{label}").status_code == 404


def test_a_team_links_to_permission_sets(http: TestClient, entity):
    permission_set = entity(
        "aws-iam-ic",
        "AwsPermissionSet",
        {
            "name": "Admin",
            "arn": "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef",
        },
    )
    created = http.post(
        "/admin/plugins/aws-iam-ic/edges/GRANTS_ACCESS",
        json={
            "source_id": http.get("/admin/teams/platform").json()["id"],
            "target_id": permission_set,
        },
    )
    assert created.status_code == 201
    items = http.get("/admin/teams/platform/plugin-edges/aws-iam-ic/GRANTS_ACCESS").json()["items"]
    assert [item["other"]["id"] for item in items] == [permission_set]


def test_deleting_an_anchor_applies_restrict_rules(http: TestClient, account):
    http.put(ANCHORED, json={"target_id": account("prod"), "properties": {"role": "workload"}})

    response = http.delete("/admin/environments/checkout-prod")
    assert response.status_code == 409
    assert [edge["label"] for edge in response.json()["blocking_edges"]] == ["MAPS_TO"]
    http.delete(ANCHORED)
    assert http.delete("/admin/environments/checkout-prod").status_code == 204


def test_deleting_a_team_detaches_its_plugin_edges(http: TestClient, entity, store: GraphStore):
    permission_set = entity(
        "aws-iam-ic",
        "AwsPermissionSet",
        {
            "name": "Admin",
            "arn": "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef",
        },
    )
    team_id = http.get("/admin/teams/platform").json()["id"]
    http.post(
        "/admin/plugins/aws-iam-ic/edges/GRANTS_ACCESS",
        json={"source_id": team_id, "target_id": permission_set},
    )

    assert http.delete("/admin/teams/platform").status_code == 204
    assert edge_count(store, "GRANTS_ACCESS") == 0
    assert store.read("MATCH (p:AwsPermissionSet) RETURN count(p) AS c") == [{"c": 1}]


# -- an entity's edges and neighbourhood -------------------------------------------------------


@pytest.fixture
def repo_graph(http: TestClient, ids, entity) -> dict[str, str]:
    repo = entity(
        "github",
        "GithubRepository",
        {
            "fullName": "octo-org/api",
            "url": "https://github.com/octo-org/api",
            "visibility": "private",
        },
    )
    service = entity(
        "pagerduty",
        "PagerDutyService",
        {"serviceId": "PABCDEF", "name": "s", "status": "active", "urgency": "high"},
    )
    project = ids("Project", "checkout")
    http.post("/admin/plugins/github/edges/BACKS", json={"source_id": repo, "target_id": project})
    http.post(
        "/admin/plugins/pagerduty/edges/PAGES_FOR", json={"source_id": service, "target_id": repo}
    )
    return {"repo": repo, "service": service, "project": project}


def test_entity_edges(http: TestClient, repo_graph: dict[str, str]):
    response = http.get(
        f"/admin/plugins/github/entities/GithubRepository/{repo_graph['repo']}/edges"
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [(i["edge"]["label"], i["direction"], i["other"]["id"]) for i in items] == [
        ("BACKS", "out", repo_graph["project"]),
        ("PAGES_FOR", "in", repo_graph["service"]),
    ]
    assert (
        http.get(f"/admin/plugins/github/entities/GithubRepository/{MISSING}/edges").status_code
        == 404
    )
    assert (
        http.get(f"/admin/plugins/github/entities/Nope/{repo_graph['repo']}/edges").status_code
        == 404
    )


def test_entity_neighbors(http: TestClient, repo_graph: dict[str, str]):
    path = f"/admin/plugins/pagerduty/entities/PagerDutyService/{repo_graph['service']}/neighbors"
    one = http.get(path).json()
    assert sorted(node["id"] for node in one["nodes"]) == sorted(
        [repo_graph["service"], repo_graph["repo"]]
    )
    assert one["depth"] == 1 and one["truncated"] is False
    two = http.get(path, params={"depth": 2}).json()
    assert repo_graph["project"] in {node["id"] for node in two["nodes"]}
    assert len(two["relationships"]) == 2
    for depth in (0, 4):
        response = http.get(path, params={"depth": depth})
        assert response.status_code == 422 and response.json()["errors"][0]["pointer"] == "/depth"


def test_entity_edge_routes_need_entity_read(
    demo: str, make_caller, repo_graph: dict[str, str], store: GraphStore
):
    nobody = make_caller(role=None).client
    response = nobody.get(
        f"/admin/plugins/github/entities/GithubRepository/{repo_graph['repo']}/edges"
    )
    assert response.status_code == 403
    assert response.json()["permission"] == "plugins:github:entities:GithubRepository:read"
