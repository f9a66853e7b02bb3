"""Edges seen from one node: an anchor's links of one label, and every edge of an entity."""

from collections.abc import Callable

import pytest

from plugraph.anchors.kinds import ENVIRONMENT, PROJECT, TEAM
from plugraph.anchors.service import AnchorService
from plugraph.authz.authorizer import Authorizer
from plugraph.edges.models import AnchoredEdgePut, EdgeCreate
from plugraph.edges.node_edges import NodeEdges
from plugraph.edges.service import EdgeService
from plugraph.errors import Conflict, NotFound, ValidationFailed
from plugraph.graph.store import GraphStore
from plugraph.security.principal import Principal
from tests.anchors.fixtures import principal_with_role
from tests.edges.conftest import Factory, edge_count

AWS = "aws-iam-ic"


def test_an_environments_account_with_the_entity_at_the_other_end(
    node_edges: NodeEdges,
    edges: EdgeService,
    anchors: AnchorService,
    admin: Principal,
    env: Callable[[str], str],
    aws_account: Factory,
):
    account = aws_account("checkout-prod")
    edge = edges.create(
        admin,
        AWS,
        "MAPS_TO",
        EdgeCreate(
            source_id=env("checkout-prod"), target_id=account, properties={"role": "workload"}
        ),
    )
    environment = anchors.node(admin, ENVIRONMENT, "checkout-prod")

    page = node_edges.of_anchor(admin, environment, AWS, "MAPS_TO", limit=10)

    assert len(page.items) == 1 and page.next_cursor is None
    linked = page.items[0]
    assert linked.edge == edge and linked.direction == "out"
    assert linked.other.id == account and linked.other.label == "AwsAccount"
    assert linked.other.plugin == AWS
    assert linked.other.properties["name"] == "checkout-prod"
    assert (
        node_edges.of_anchor(
            admin, anchors.node(admin, ENVIRONMENT, "ledger-prod"), AWS, "MAPS_TO", limit=10
        ).items
        == []
    )


def test_incoming_edges_are_listed_from_the_anchor_too(
    node_edges: NodeEdges,
    edges: EdgeService,
    anchors: AnchorService,
    admin: Principal,
    project: Callable[[str], str],
    repository: Factory,
):
    repos = [repository("a"), repository("b"), repository("c")]
    for repo in repos:
        edges.create(
            admin, "github", "BACKS", EdgeCreate(source_id=repo, target_id=project("checkout"))
        )
    checkout = anchors.node(admin, PROJECT, "checkout")

    first = node_edges.of_anchor(admin, checkout, "github", "BACKS", limit=2)
    rest = node_edges.of_anchor(
        admin, checkout, "github", "BACKS", cursor=first.next_cursor, limit=2
    )

    items = first.items + rest.items
    assert [item.other.id for item in items] == repos and rest.next_cursor is None
    assert {item.direction for item in items} == {"in"}
    assert all(item.edge.target_id == project("checkout") for item in items)


def test_a_label_that_does_not_attach_to_the_anchor_kind_is_404(
    node_edges: NodeEdges,
    anchors: AnchorService,
    admin: Principal,
):
    with pytest.raises(NotFound, match="does not attach to Team"):
        node_edges.of_anchor(admin, anchors.node(admin, TEAM, "platform"), AWS, "MAPS_TO", limit=10)


def test_put_links_and_then_replaces_the_one_edge_atomically(
    node_edges: NodeEdges,
    anchors: AnchorService,
    admin: Principal,
    env: Callable[[str], str],
    aws_account: Factory,
    store: GraphStore,
):
    environment = anchors.node(admin, ENVIRONMENT, "checkout-prod")
    first, second = aws_account("first"), aws_account("second")

    linked = node_edges.put_for_anchor(
        admin,
        environment,
        AWS,
        "MAPS_TO",
        AnchoredEdgePut(target_id=first, properties={"role": "workload"}),
    )
    same = node_edges.put_for_anchor(
        admin,
        environment,
        AWS,
        "MAPS_TO",
        AnchoredEdgePut(target_id=first, properties={"role": "network"}),
    )
    assert same.id == linked.id and same.properties == {"role": "network"}

    replaced = node_edges.put_for_anchor(
        admin,
        environment,
        AWS,
        "MAPS_TO",
        AnchoredEdgePut(target_id=second, properties={"role": "logging"}),
    )
    assert replaced.target_id == second and replaced.id != linked.id
    rows = store.read(
        "MATCH (:Environment)-[r:MAPS_TO]->(a) RETURN a.id AS account, r.role AS role"
    )
    assert rows == [{"account": second, "role": "logging"}]
    actions = store.read(
        "MATCH (e:AuditEvent) WHERE e.target_kind = 'edge' RETURN e.action AS action ORDER BY e.id"
    )
    assert [row["action"] for row in actions] == [
        "edge.create",
        "edge.update",
        "edge.delete",
        "edge.create",
    ]


def test_put_checks_like_create_and_leaves_the_old_edge_when_refused(
    node_edges: NodeEdges,
    anchors: AnchorService,
    admin: Principal,
    aws_account: Factory,
    team: Callable[[str], str],
    store: GraphStore,
):
    environment = anchors.node(admin, ENVIRONMENT, "checkout-prod")
    account = aws_account()
    node_edges.put_for_anchor(
        admin,
        environment,
        AWS,
        "MAPS_TO",
        AnchoredEdgePut(target_id=account, properties={"role": "workload"}),
    )

    with pytest.raises(ValidationFailed) as error:
        node_edges.put_for_anchor(
            admin,
            environment,
            AWS,
            "MAPS_TO",
            AnchoredEdgePut(target_id=team("platform"), properties={"role": "workload"}),
        )
    assert error.value.errors[0].pointer == "/target_id"
    with pytest.raises(ValidationFailed):
        node_edges.put_for_anchor(
            admin,
            environment,
            AWS,
            "MAPS_TO",
            AnchoredEdgePut(target_id=aws_account(), properties={"role": "x"}),
        )
    with pytest.raises(NotFound):
        node_edges.put_for_anchor(
            admin,
            environment,
            AWS,
            "MAPS_TO",
            AnchoredEdgePut(
                target_id="01ARZ3NDEKTSV4RRFFQ69G5FAV", properties={"role": "workload"}
            ),
        )
    rows = store.read("MATCH (:Environment)-[r:MAPS_TO]->(a) RETURN a.id AS account")
    assert rows == [{"account": account}]


def test_put_is_only_for_labels_with_one_edge_per_anchor(
    node_edges: NodeEdges,
    anchors: AnchorService,
    admin: Principal,
    pd_service: Factory,
):
    with pytest.raises(Conflict, match="allows any number of"):
        node_edges.put_for_anchor(
            admin,
            anchors.node(admin, PROJECT, "checkout"),
            "pagerduty",
            "ALERTS_FOR",
            AnchoredEdgePut(target_id=pd_service()),
        )


def test_put_from_the_target_side_respects_max_per_target(
    node_edges: NodeEdges,
    anchors: AnchorService,
    admin: Principal,
    github_team: Factory,
    store: GraphStore,
):
    platform = anchors.node(admin, TEAM, "platform")
    first, second = github_team("a"), github_team("b")
    node_edges.put_for_anchor(
        admin, platform, "github", "MIRRORS", AnchoredEdgePut(target_id=first)
    )
    node_edges.put_for_anchor(
        admin, platform, "github", "MIRRORS", AnchoredEdgePut(target_id=second)
    )

    rows = store.read("MATCH (g)-[:MIRRORS]->(t:Team) RETURN g.id AS source, t.slug AS team")
    assert rows == [{"source": second, "team": "platform"}]


def test_unlink_deletes_the_anchors_edges_of_the_label(
    node_edges: NodeEdges,
    edges: EdgeService,
    anchors: AnchorService,
    admin: Principal,
    project: Callable[[str], str],
    pd_service: Factory,
    store: GraphStore,
):
    services = [pd_service("a"), pd_service("b")]
    for service in services:
        edges.create(
            admin,
            "pagerduty",
            "ALERTS_FOR",
            EdgeCreate(source_id=service, target_id=project("checkout")),
        )
    checkout = anchors.node(admin, PROJECT, "checkout")

    assert (
        node_edges.unlink_from_anchor(admin, checkout, "pagerduty", "ALERTS_FOR", services[0]) == 1
    )
    assert node_edges.unlink_from_anchor(admin, checkout, "pagerduty", "ALERTS_FOR") == 1
    assert edge_count(store, "ALERTS_FOR") == 0
    with pytest.raises(NotFound):
        node_edges.unlink_from_anchor(admin, checkout, "pagerduty", "ALERTS_FOR")
    deleted = store.read("MATCH (e:AuditEvent {action: 'edge.delete'}) RETURN count(e) AS c")
    assert deleted == [{"c": 2}]


def test_every_edge_of_an_entity_both_directions(
    node_edges: NodeEdges,
    edges: EdgeService,
    admin: Principal,
    repository: Factory,
    github_team: Factory,
    pd_service: Factory,
    project: Callable[[str], str],
):
    repo, gh_team, service = repository(), github_team(), pd_service()
    backs = edges.create(
        admin, "github", "BACKS", EdgeCreate(source_id=repo, target_id=project("checkout"))
    )
    owns = edges.create(
        admin,
        "github",
        "OWNS_REPO",
        EdgeCreate(source_id=gh_team, target_id=repo, properties={"permission": "push"}),
    )
    pages = edges.create(
        admin, "pagerduty", "PAGES_FOR", EdgeCreate(source_id=service, target_id=repo)
    )

    page = node_edges.of_entity(admin, "github", "GithubRepository", repo, limit=10)

    summary = [(i.edge.plugin, i.edge.label, i.direction, i.other.id) for i in page.items]
    assert summary == [
        ("github", "BACKS", "out", project("checkout")),
        ("github", "OWNS_REPO", "in", gh_team),
        ("pagerduty", "PAGES_FOR", "in", service),
    ]
    assert [i.edge.id for i in page.items] == [backs.id, owns.id, pages.id]
    assert page.items[1].edge.properties == {"permission": "push"}
    assert page.items[0].other.properties["slug"] == "checkout"


def test_an_entity_of_another_plugin_label_or_org_is_404(
    node_edges: NodeEdges,
    admin: Principal,
    other_admin: Principal,
    repository: Factory,
):
    repo = repository()
    with pytest.raises(NotFound):
        node_edges.of_entity(admin, "github", "GithubTeam", repo, limit=10)
    with pytest.raises(NotFound):
        node_edges.of_entity(admin, "pagerduty", "GithubRepository", repo, limit=10)
    with pytest.raises(NotFound):
        node_edges.of_entity(other_admin, "github", "GithubRepository", repo, limit=10)


def test_edges_and_ends_the_caller_may_not_read_are_left_out(
    node_edges: NodeEdges,
    edges: EdgeService,
    admin: Principal,
    store: GraphStore,
    authorizer: Authorizer,
    demo_org: str,
    repository: Factory,
    pd_service: Factory,
    project: Callable[[str], str],
):
    repo, service = repository(), pd_service()
    edges.create(
        admin, "github", "BACKS", EdgeCreate(source_id=repo, target_id=project("checkout"))
    )
    edges.create(admin, "pagerduty", "PAGES_FOR", EdgeCreate(source_id=service, target_id=repo))
    github_only = principal_with_role(store, authorizer, "demo", "gh-reader", None)
    store.execute_write(
        lambda tx: authorizer.grant_tx(tx, f"user:{github_only.id}", demo_org, "plugins:github:*")
    )
    authorizer.refresh(force=True)

    page = node_edges.of_entity(github_only, "github", "GithubRepository", repo, limit=10)

    # PAGES_FOR is pagerduty's (not readable); BACKS ends at a project (anchors:projects:read missing)
    assert page.items == []
