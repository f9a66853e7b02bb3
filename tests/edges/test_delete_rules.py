"""Delete rules: restrict blocks before anything changes, detach unlinks, cascade owns.

Uses the example plugins (MAPS_TO restrict, PROVISIONED_IN / GRANTS_ACCESS / BACKS detach,
HAS_WEBHOOK cascade) and a small "inventory" plugin with longer cascade chains.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from plugraph.edges.delete_rules import DeleteOutcome, apply_on_delete
from plugraph.edges.models import EdgeCreate
from plugraph.edges.service import EdgeService
from plugraph.errors import Conflict
from plugraph.graph.store import GraphStore
from plugraph.manifests.model import Manifest
from plugraph.registry.service import PluginRegistry
from plugraph.security.principal import Principal
from tests.anchors.fixtures import create_entity, install
from tests.edges.conftest import Factory, edge_count

NAMED = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}


def _edge(name: str, source: str, target: str, on_delete: str) -> dict:
    return {"name": name, "from_labels": [source], "to_labels": [target], "on_delete": on_delete}


INVENTORY = Manifest.model_validate(
    {
        "api_version": "plugraph/v1",
        "slug": "inventory",
        "name": "Inventory",
        "version": "1.0.0",
        "vertex_labels": [{"name": name, "schema": NAMED} for name in ("Rack", "Server", "Disk")],
        "edge_labels": [
            _edge("HOUSES", "Rack", "Server", "cascade"),
            _edge("HAS_DISK", "Server", "Disk", "cascade"),
            _edge("BACKS_UP", "Disk", "Disk", "cascade"),
            _edge("PAIRED", "Server", "Server", "restrict"),
            _edge("SERVES", "Server", "Environment", "cascade"),
            _edge("OWNED_BY", "Disk", "Team", "restrict"),
            _edge("CABLED", "Rack", "Rack", "detach"),
        ],
    }
)


@pytest.fixture
def inventory(plugins: PluginRegistry) -> PluginRegistry:
    install(plugins, INVENTORY)
    return plugins


@pytest.fixture
def thing(store: GraphStore, admin: Principal, inventory: PluginRegistry) -> Factory:
    def make(label: str, name: str) -> str:
        return create_entity(store, admin.org_id, "inventory", label, {"name": name})

    return make


@pytest.fixture
def link(edges: EdgeService, admin: Principal) -> Callable[..., None]:
    def make(plugin: str, label: str, source: str, target: str, **properties: str) -> None:
        edges.create(
            admin,
            plugin,
            label,
            EdgeCreate(source_id=source, target_id=target, properties=properties),
        )

    return make


def delete(
    store: GraphStore, registry: PluginRegistry, admin: Principal, label: str, node_id: str
) -> DeleteOutcome:
    """Delete a node as the entity and anchor services do: rules first, then the node."""

    def work(tx) -> DeleteOutcome:
        outcome = apply_on_delete(tx, registry, admin.org_id, label, node_id, actor=admin)
        tx.run(f"MATCH (n:`{label}` {{id: $id}}) DETACH DELETE n", id=node_id).consume()
        return outcome

    return store.execute_write(work)


def names(store: GraphStore, label: str) -> list[str]:
    rows = store.read(f"MATCH (n:`{label}`) RETURN n.name AS name ORDER BY name")
    return [row["name"] for row in rows]


def test_restrict_blocks_deleting_either_end_before_anything_changes(
    store: GraphStore,
    plugins: PluginRegistry,
    admin: Principal,
    link: Callable[..., None],
    env: Callable[[str], str],
    aws_account: Factory,
):
    account = aws_account()
    permission_set = create_entity(
        store,
        admin.org_id,
        "aws-iam-ic",
        "AwsPermissionSet",
        {
            "name": "Admin",
            "arn": "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef",
        },
    )
    link("aws-iam-ic", "MAPS_TO", env("checkout-prod"), account, role="workload")
    link("aws-iam-ic", "PROVISIONED_IN", permission_set, account)

    with pytest.raises(Conflict) as error:
        delete(store, plugins, admin, "AwsAccount", account)
    blocking = error.value.extra["blocking_edges"]
    assert [
        (e["plugin"], e["label"], e["source_id"], e["target_id"], e["other_id"]) for e in blocking
    ] == [("aws-iam-ic", "MAPS_TO", env("checkout-prod"), account, env("checkout-prod"))]
    assert "MAPS_TO" in error.value.message
    assert edge_count(store, "PROVISIONED_IN") == 1  # nothing changed

    with pytest.raises(Conflict):
        delete(store, plugins, admin, "Environment", env("checkout-prod"))
    assert edge_count(store, "MAPS_TO") == 1


def test_detach_deletes_the_edges_and_keeps_the_other_ends(
    store: GraphStore,
    plugins: PluginRegistry,
    admin: Principal,
    link: Callable[..., None],
    team: Callable[[str], str],
    aws_account: Factory,
):
    account = aws_account()
    permission_set = create_entity(
        store,
        admin.org_id,
        "aws-iam-ic",
        "AwsPermissionSet",
        {
            "name": "Admin",
            "arn": "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef",
        },
    )
    link("aws-iam-ic", "PROVISIONED_IN", permission_set, account)
    link("aws-iam-ic", "GRANTS_ACCESS", team("platform"), permission_set)

    outcome = delete(store, plugins, admin, "AwsPermissionSet", permission_set)

    assert outcome.edges_deleted == 2 and outcome.entities == ()
    assert edge_count(store, "PROVISIONED_IN") == edge_count(store, "GRANTS_ACCESS") == 0
    assert store.read("MATCH (a:AwsAccount {id: $id}) RETURN count(a) AS c", {"id": account}) == [
        {"c": 1}
    ]
    audited = store.read(
        "MATCH (e:AuditEvent {action: 'edge.delete'}) RETURN e.target_label AS label, e.details AS d "
        "ORDER BY label"
    )
    assert [row["label"] for row in audited] == ["GRANTS_ACCESS", "PROVISIONED_IN"]
    assert all(json.loads(row["d"])["deleted_with"] == permission_set for row in audited)


def test_cascade_deletes_owned_entities_and_records_their_deletion(
    store: GraphStore,
    plugins: PluginRegistry,
    admin: Principal,
    link: Callable[..., None],
    project: Callable[[str], str],
    repository: Factory,
    webhook: Factory,
):
    repo, hooks = repository(), [webhook(), webhook()]
    for hook in hooks:
        link("github", "HAS_WEBHOOK", repo, hook)
    link("github", "BACKS", repo, project("checkout"))

    outcome = delete(store, plugins, admin, "GithubRepository", repo)

    assert sorted(entity.id for entity in outcome.entities) == sorted(hooks)
    assert outcome.edges_deleted == 3
    assert store.read("MATCH (w:GithubWebhook) RETURN count(w) AS c") == [{"c": 0}]
    assert store.read(
        "MATCH (p:Project {id: $id}) RETURN count(p) AS c", {"id": project("checkout")}
    ) == [{"c": 1}]
    events = store.read(
        "MATCH (e:AuditEvent {action: 'entity.delete'}) "
        "RETURN e.target_id AS id, e.plugin AS plugin, e.target_label AS label, e.details AS details"
    )
    assert sorted(events, key=lambda e: e["id"]) == [
        {
            "id": hook,
            "plugin": "github",
            "label": "GithubWebhook",
            "details": json.dumps({"cascade_from": repo}),
        }
        for hook in sorted(hooks)
    ]
    versions = store.read(
        "MATCH (v:EntityVersion) RETURN v.entity_id AS id, v.version AS version, v.op AS op, "
        "v.data AS data, v.actor AS actor ORDER BY id"
    )
    assert [(v["id"], v["version"], v["op"], v["actor"]) for v in versions] == [
        (hook, 2, "delete", admin.subject) for hook in sorted(hooks)
    ]
    assert json.loads(versions[0]["data"])["url"] == "https://hooks.example.com/github"


def test_deleting_the_target_of_a_cascade_edge_only_unlinks(
    store: GraphStore,
    plugins: PluginRegistry,
    admin: Principal,
    link: Callable[..., None],
    repository: Factory,
    webhook: Factory,
):
    repo, hook = repository(), webhook()
    link("github", "HAS_WEBHOOK", repo, hook)

    outcome = delete(store, plugins, admin, "GithubWebhook", hook)

    assert (outcome.edges_deleted, outcome.entities) == (1, ())
    assert store.read("MATCH (r:GithubRepository) RETURN count(r) AS c") == [{"c": 1}]


def test_cascades_recurse_but_never_into_core_anchors(
    store: GraphStore,
    inventory: PluginRegistry,
    admin: Principal,
    thing: Factory,
    link: Callable[..., None],
    env: Callable[[str], str],
):
    rack, server, disk, backup = (
        thing("Rack", "r1"),
        thing("Server", "s1"),
        thing("Disk", "d1"),
        thing("Disk", "d2"),
    )
    link("inventory", "HOUSES", rack, server)
    link("inventory", "HAS_DISK", server, disk)
    link("inventory", "BACKS_UP", disk, backup)
    link("inventory", "SERVES", server, env("checkout-prod"))

    outcome = delete(store, inventory, admin, "Rack", rack)

    assert sorted(e.id for e in outcome.entities) == sorted([server, disk, backup])
    assert outcome.edges_deleted == 4
    assert names(store, "Server") == names(store, "Disk") == names(store, "Rack") == []
    assert store.read("MATCH (e:Environment {slug: 'checkout-prod'}) RETURN count(e) AS c") == [
        {"c": 1}
    ]


def test_a_restrict_edge_anywhere_in_the_cascade_blocks_the_whole_deletion(
    store: GraphStore,
    inventory: PluginRegistry,
    admin: Principal,
    thing: Factory,
    link: Callable[..., None],
    team: Callable[[str], str],
):
    rack, server, disk = thing("Rack", "r1"), thing("Server", "s1"), thing("Disk", "d1")
    link("inventory", "HOUSES", rack, server)
    link("inventory", "HAS_DISK", server, disk)
    link("inventory", "OWNED_BY", disk, team("platform"))

    with pytest.raises(Conflict) as error:
        delete(store, inventory, admin, "Rack", rack)

    assert [
        (e["label"], e["node_id"], e["other_id"]) for e in error.value.extra["blocking_edges"]
    ] == [("OWNED_BY", disk, team("platform"))]
    assert names(store, "Disk") == ["d1"] and names(store, "Server") == ["s1"]
    assert edge_count(store, "HOUSES") == 1


def test_a_restrict_edge_inside_the_cascade_does_not_block(
    store: GraphStore,
    inventory: PluginRegistry,
    admin: Principal,
    thing: Factory,
    link: Callable[..., None],
):
    rack, first, second = thing("Rack", "r1"), thing("Server", "s1"), thing("Server", "s2")
    link("inventory", "HOUSES", rack, first)
    link("inventory", "HOUSES", rack, second)
    link("inventory", "PAIRED", first, second)

    outcome = delete(store, inventory, admin, "Rack", rack)

    assert outcome.entities_deleted == 2 and names(store, "Server") == []


def _build(order: list[int], thing: Factory, link: Callable[..., None]) -> dict[str, str]:
    """One graph, its edges created in the given order: a cascade cycle, a fan-in, a detach."""
    ids = {
        name: thing(label, name)
        for label, name in [
            ("Rack", "r1"),
            ("Rack", "r2"),
            ("Server", "s1"),
            ("Server", "s2"),
            ("Disk", "d1"),
            ("Disk", "d2"),
            ("Disk", "d3"),
        ]
    }
    edges = [
        ("HOUSES", "r1", "s1"),
        ("HOUSES", "r1", "s2"),
        ("HAS_DISK", "s1", "d1"),
        ("HAS_DISK", "s2", "d1"),
        ("BACKS_UP", "d1", "d2"),
        ("BACKS_UP", "d2", "d1"),
        ("CABLED", "r2", "r1"),
        ("HAS_DISK", "s2", "d3"),
    ]
    for index in order:
        label, source, target = edges[index]
        link("inventory", label, ids[source], ids[target])
    return ids


@pytest.mark.parametrize(
    "order", [list(range(8)), list(reversed(range(8))), [3, 6, 0, 5, 2, 7, 1, 4]]
)
def test_the_outcome_does_not_depend_on_the_order_edges_were_created_in(
    order: list[int],
    store: GraphStore,
    inventory: PluginRegistry,
    admin: Principal,
    thing: Factory,
    link: Callable[..., None],
):
    ids = _build(order, thing, link)

    outcome = delete(store, inventory, admin, "Rack", ids["r1"])

    by_id = {value: key for key, value in ids.items()}
    assert sorted(by_id[e.id] for e in outcome.entities) == ["d1", "d2", "d3", "s1", "s2"]
    assert outcome.edges_deleted == 8
    assert names(store, "Rack") == ["r2"]
    assert names(store, "Server") == names(store, "Disk") == []


def test_nothing_to_do_for_a_node_without_edges(
    store: GraphStore,
    inventory: PluginRegistry,
    admin: Principal,
    thing: Factory,
):
    outcome = delete(store, inventory, admin, "Rack", thing("Rack", "lonely"))
    assert (outcome.edges_deleted, outcome.entities) == (0, ())
