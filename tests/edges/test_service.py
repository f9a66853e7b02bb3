"""The generic edge service: declarations, checks, cardinality and writes in one transaction."""

import json
import threading
from collections.abc import Callable

import pytest

from plugraph.authz.authorizer import Authorizer
from plugraph.edges.models import EdgeCreate
from plugraph.edges.service import EdgeService
from plugraph.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from plugraph.graph.store import GraphStore
from plugraph.security.principal import Principal
from tests.anchors.fixtures import principal_with_role
from tests.edges.conftest import Factory, edge_count

AWS = "aws-iam-ic"


def maps_to(source_id: str, target_id: str, role: str = "workload") -> EdgeCreate:
    return EdgeCreate(source_id=source_id, target_id=target_id, properties={"role": role})


def test_create_links_two_nodes_with_system_and_declared_properties(
    edges: EdgeService,
    admin: Principal,
    env: Callable[[str], str],
    aws_account: Factory,
    store: GraphStore,
):
    account = aws_account()
    edge = edges.create(admin, AWS, "MAPS_TO", maps_to(env("checkout-prod"), account))

    assert (edge.plugin, edge.label) == (AWS, "MAPS_TO")
    assert (edge.source_id, edge.source_label) == (env("checkout-prod"), "Environment")
    assert (edge.target_id, edge.target_label) == (account, "AwsAccount")
    assert edge.properties == {"role": "workload"}
    assert edge.created_by == admin.subject
    stored = store.read(
        "MATCH (:Environment)-[r:MAPS_TO]->(:AwsAccount) RETURN properties(r) AS p"
    )[0]["p"]
    assert stored == {
        "id": edge.id,
        "_plugin": AWS,
        "_org": admin.org_id,
        "_created_at": edge.created_at,
        "_created_by": admin.subject,
        "role": "workload",
    }
    audit = store.read(
        "MATCH (e:AuditEvent {target_id: $id}) RETURN e.action AS action, e.plugin AS plugin, "
        "e.target_label AS label, e.details AS details",
        {"id": edge.id},
    )
    assert audit == [
        {
            "action": "edge.create",
            "plugin": AWS,
            "label": "MAPS_TO",
            "details": json.dumps(
                {"source_id": env("checkout-prod"), "target_id": account}, sort_keys=True
            ),
        }
    ]


def test_unknown_plugin_or_label_is_404(edges: EdgeService, admin: Principal):
    with pytest.raises(NotFound):
        edges.list(admin, "nope", "MAPS_TO", limit=10)
    with pytest.raises(NotFound):
        edges.list(admin, AWS, "BACKS", limit=10)  # declared by github, not aws-iam-ic


def test_missing_ends_are_404_and_nothing_is_written(
    edges: EdgeService, admin: Principal, env: Callable[[str], str], store: GraphStore
):
    with pytest.raises(NotFound, match="target"):
        edges.create(
            admin, AWS, "MAPS_TO", maps_to(env("checkout-prod"), "01ARZ3NDEKTSV4RRFFQ69G5FAV")
        )
    with pytest.raises(NotFound, match="source"):
        edges.create(
            admin, AWS, "MAPS_TO", maps_to("01ARZ3NDEKTSV4RRFFQ69G5FAV", env("ledger-prod"))
        )
    assert edge_count(store, "MAPS_TO") == 0
    assert store.read("MATCH (e:AuditEvent {action: 'edge.create'}) RETURN count(e) AS c") == [
        {"c": 0}
    ]


def test_wrongly_labelled_ends_are_422_naming_the_allowed_labels(
    edges: EdgeService,
    admin: Principal,
    env: Callable[[str], str],
    team: Callable[[str], str],
    aws_account: Factory,
    store: GraphStore,
):
    account = aws_account()
    with pytest.raises(ValidationFailed) as error:
        edges.create(admin, AWS, "MAPS_TO", maps_to(team("platform"), env("checkout-prod")))

    assert [e.as_dict() for e in error.value.errors] == [
        {
            "pointer": "/source_id",
            "message": f"node {team('platform')} is a Team; allowed: Environment",
        },
        {
            "pointer": "/target_id",
            "message": f"node {env('checkout-prod')} is a Environment; allowed: AwsAccount",
        },
    ]
    assert error.value.extra == {
        "allowed_source_labels": ["Environment"],
        "allowed_target_labels": ["AwsAccount"],
    }
    with pytest.raises(ValidationFailed):
        edges.create(admin, AWS, "MAPS_TO", maps_to(account, env("checkout-prod")))
    assert edge_count(store, "MAPS_TO") == 0


def test_properties_are_validated_against_the_edge_schema(
    edges: EdgeService,
    admin: Principal,
    env: Callable[[str], str],
    aws_account: Factory,
    team: Callable[[str], str],
    store: GraphStore,
):
    account = aws_account()
    with pytest.raises(ValidationFailed) as error:
        edges.create(
            admin,
            AWS,
            "MAPS_TO",
            EdgeCreate(
                source_id=env("checkout-prod"),
                target_id=account,
                properties={"role": "boss", "x": 1},
            ),
        )
    assert [e.pointer for e in error.value.errors] == ["/properties/role", "/properties/x"]
    with pytest.raises(ValidationFailed) as error:
        edges.create(
            admin, AWS, "MAPS_TO", EdgeCreate(source_id=env("checkout-prod"), target_id=account)
        )
    assert [e.as_dict() for e in error.value.errors] == [
        {"pointer": "/properties/role", "message": "is required"}
    ]
    assert edge_count(store, "MAPS_TO") == 0


def test_a_label_without_a_schema_takes_no_properties(
    edges: EdgeService,
    admin: Principal,
    project: Callable[[str], str],
    pd_service: Factory,
):
    with pytest.raises(ValidationFailed) as error:
        edges.create(
            admin,
            "pagerduty",
            "ALERTS_FOR",
            EdgeCreate(source_id=pd_service(), target_id=project("checkout"), properties={"a": 1}),
        )
    assert error.value.errors[0].pointer == "/properties"


def test_a_duplicate_edge_is_409(
    edges: EdgeService,
    admin: Principal,
    project: Callable[[str], str],
    pd_service: Factory,
    store: GraphStore,
):
    service = pd_service()
    body = EdgeCreate(source_id=service, target_id=project("checkout"))
    first = edges.create(admin, "pagerduty", "ALERTS_FOR", body)
    with pytest.raises(Conflict, match="already exists") as error:
        edges.create(admin, "pagerduty", "ALERTS_FOR", body)
    assert error.value.extra["existing_edges"] == [
        {"id": first.id, "source_id": service, "target_id": project("checkout")}
    ]
    assert edge_count(store, "ALERTS_FOR") == 1


def test_max_per_source_is_409_naming_the_existing_edge(
    edges: EdgeService,
    admin: Principal,
    env: Callable[[str], str],
    aws_account: Factory,
    store: GraphStore,
):
    first, second = aws_account("a"), aws_account("b")
    created = edges.create(admin, AWS, "MAPS_TO", maps_to(env("checkout-prod"), first))

    with pytest.raises(Conflict) as error:
        edges.create(admin, AWS, "MAPS_TO", maps_to(env("checkout-prod"), second))
    assert error.value.extra == {
        "rule": "max_per_source",
        "existing_edges": [
            {"id": created.id, "source_id": env("checkout-prod"), "target_id": first}
        ],
    }
    assert first in error.value.message
    # other environments may still map to the same account (no max_per_target)
    edges.create(admin, AWS, "MAPS_TO", maps_to(env("checkout-dev"), first))
    assert edge_count(store, "MAPS_TO") == 2


def test_max_per_target_is_enforced(
    edges: EdgeService, admin: Principal, team: Callable[[str], str], github_team: Factory
):
    edges.create(
        admin,
        "github",
        "MIRRORS",
        EdgeCreate(source_id=github_team("a"), target_id=team("platform")),
    )
    with pytest.raises(Conflict) as error:
        edges.create(
            admin,
            "github",
            "MIRRORS",
            EdgeCreate(source_id=github_team("b"), target_id=team("platform")),
        )
    assert error.value.extra["rule"] == "max_per_target"


def test_sixteen_concurrent_writers_cannot_break_cardinality(
    edges: EdgeService,
    admin: Principal,
    env: Callable[[str], str],
    aws_account: Factory,
    store: GraphStore,
):
    environment = env("checkout-prod")
    accounts = [aws_account(f"acct-{i}") for i in range(16)]
    barrier = threading.Barrier(16)
    outcomes: list[str] = []
    lock = threading.Lock()

    def link(account: str) -> None:
        barrier.wait()
        try:
            edges.create(admin, AWS, "MAPS_TO", maps_to(environment, account))
            result = "created"
        except Conflict:
            result = "conflict"
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=link, args=(account,)) for account in accounts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["conflict"] * 15 + ["created"]
    rows = store.read(
        "MATCH (e:Environment {id: $id})-[r:MAPS_TO]->(a:AwsAccount) RETURN a.id AS account",
        {"id": environment},
    )
    assert len(rows) == 1 and rows[0]["account"] in accounts


def test_another_orgs_nodes_are_not_found(
    edges: EdgeService,
    admin: Principal,
    other_admin: Principal,
    env: Callable[[str], str],
    aws_account: Factory,
    store: GraphStore,
):
    foreign = aws_account("foreign", org_id=other_admin.org_id)
    with pytest.raises(NotFound):
        edges.create(admin, AWS, "MAPS_TO", maps_to(env("checkout-prod"), foreign))
    mine = aws_account("mine")
    edges.create(admin, AWS, "MAPS_TO", maps_to(env("checkout-prod"), mine))
    assert edges.list(other_admin, AWS, "MAPS_TO", limit=10).items == []
    with pytest.raises(NotFound):
        edges.get(other_admin, AWS, "MAPS_TO", env("checkout-prod"), mine)
    with pytest.raises(NotFound):
        edges.delete(other_admin, AWS, "MAPS_TO", env("checkout-prod"), mine)
    assert edge_count(store, "MAPS_TO") == 1


def test_list_filters_and_pages(
    edges: EdgeService,
    admin: Principal,
    env: Callable[[str], str],
    aws_account: Factory,
):
    shared = aws_account("shared")
    created = [
        edges.create(admin, AWS, "MAPS_TO", maps_to(env(slug), shared))
        for slug in ("checkout-dev", "checkout-prod", "ledger-prod")
    ]
    ids = [edge.id for edge in created]

    first = edges.list(admin, AWS, "MAPS_TO", limit=2)
    assert [edge.id for edge in first.items] == ids[:2]
    rest = edges.list(admin, AWS, "MAPS_TO", cursor=first.next_cursor, limit=2)
    assert [edge.id for edge in rest.items] == ids[2:] and rest.next_cursor is None

    by_source = edges.list(admin, AWS, "MAPS_TO", source_id=env("ledger-prod"), limit=10)
    assert [edge.id for edge in by_source.items] == [ids[2]]
    by_target = edges.list(admin, AWS, "MAPS_TO", target_id=shared, limit=10)
    assert [edge.id for edge in by_target.items] == ids
    both = edges.list(
        admin,
        AWS,
        "MAPS_TO",
        source_id=env("checkout-dev"),
        target_id=shared,
        source_label="Environment",
        target_label="AwsAccount",
        limit=10,
    )
    assert [edge.id for edge in both.items] == [ids[0]]
    assert (
        edges.list(admin, AWS, "MAPS_TO", source_id="01ARZ3NDEKTSV4RRFFQ69G5FAV", limit=10).items
        == []
    )
    with pytest.raises(ValidationFailed) as error:
        edges.list(admin, AWS, "MAPS_TO", source_label="Team", limit=10)
    assert error.value.errors[0].as_dict() == {
        "pointer": "/source_label",
        "message": "allowed: Environment",
    }


def test_get_patch_and_delete_one_edge(
    edges: EdgeService,
    admin: Principal,
    github_team: Factory,
    repository: Factory,
    store: GraphStore,
):
    gh_team, repo = github_team(), repository()
    created = edges.create(
        admin,
        "github",
        "OWNS_REPO",
        EdgeCreate(source_id=gh_team, target_id=repo, properties={"permission": "push"}),
    )
    assert edges.get(admin, "github", "OWNS_REPO", gh_team, repo) == created

    patched = edges.update(admin, "github", "OWNS_REPO", gh_team, repo, {"permission": "admin"})
    assert patched.properties == {"permission": "admin"}
    assert patched.id == created.id and patched.created_at == created.created_at
    assert patched.updated_at is not None
    with pytest.raises(ValidationFailed) as error:
        edges.update(admin, "github", "OWNS_REPO", gh_team, repo, {"permission": None})
    assert error.value.errors[0].as_dict() == {"pointer": "/permission", "message": "is required"}

    edges.delete(admin, "github", "OWNS_REPO", gh_team, repo)
    assert edge_count(store, "OWNS_REPO") == 0
    with pytest.raises(NotFound):
        edges.delete(admin, "github", "OWNS_REPO", gh_team, repo)
    actions = store.read(
        "MATCH (e:AuditEvent {target_id: $id}) RETURN e.action AS action ORDER BY e.id",
        {"id": created.id},
    )
    assert [row["action"] for row in actions] == ["edge.create", "edge.update", "edge.delete"]


def test_patch_needs_a_property_schema(
    edges: EdgeService,
    admin: Principal,
    project: Callable[[str], str],
    pd_service: Factory,
):
    service = pd_service()
    edges.create(
        admin,
        "pagerduty",
        "ALERTS_FOR",
        EdgeCreate(source_id=service, target_id=project("checkout")),
    )
    with pytest.raises(Conflict, match="declares no property schema"):
        edges.update(admin, "pagerduty", "ALERTS_FOR", service, project("checkout"), {"a": 1})


def test_linking_to_another_plugins_entity_needs_read_access_to_it(
    edges: EdgeService,
    store: GraphStore,
    authorizer: Authorizer,
    demo_org: str,
    pd_service: Factory,
    repository: Factory,
    project: Callable[[str], str],
):
    pd_only = principal_with_role(store, authorizer, "demo", "pd-editor", None)
    store.execute_write(
        lambda tx: authorizer.grant_tx(tx, f"user:{pd_only.id}", demo_org, "plugins:pagerduty:*")
    )
    authorizer.refresh(force=True)
    service, repo = pd_service(), repository()

    with pytest.raises(PermissionDenied) as error:
        edges.create(
            pd_only, "pagerduty", "PAGES_FOR", EdgeCreate(source_id=service, target_id=repo)
        )
    assert error.value.extra["permission"] == "plugins:github:entities:GithubRepository:read"
    with pytest.raises(PermissionDenied) as error:
        edges.create(
            pd_only,
            "pagerduty",
            "ALERTS_FOR",
            EdgeCreate(source_id=service, target_id=project("checkout")),
        )
    assert error.value.extra["permission"] == "anchors:projects:read"

    store.execute_write(
        lambda tx: authorizer.grant_tx(
            tx, f"user:{pd_only.id}", demo_org, "plugins:github:entities:GithubRepository:read"
        )
    )
    authorizer.refresh(force=True)
    assert edges.create(
        pd_only, "pagerduty", "PAGES_FOR", EdgeCreate(source_id=service, target_id=repo)
    )
