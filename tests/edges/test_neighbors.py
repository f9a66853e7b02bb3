"""Bounded traversal around an entity."""

from collections.abc import Callable

import pytest

from plugraph.edges import neighbors as neighbors_module
from plugraph.edges.models import EdgeCreate
from plugraph.edges.neighbors import Neighbors
from plugraph.edges.service import EdgeService
from plugraph.errors import NotFound
from plugraph.security.principal import Principal
from tests.edges.conftest import Factory


@pytest.fixture
def graph(
    edges: EdgeService,
    admin: Principal,
    repository: Factory,
    github_team: Factory,
    pd_service: Factory,
    project: Callable[[str], str],
    team: Callable[[str], str],
) -> dict[str, str]:
    """service -PAGES_FOR-> repo -BACKS-> checkout; gh team -OWNS_REPO-> repo, -MIRRORS-> platform."""
    ids = {
        "repo": repository(),
        "gh_team": github_team(),
        "service": pd_service(),
        "checkout": project("checkout"),
        "platform": team("platform"),
    }

    def link(plugin: str, label: str, source: str, target: str, **props: str) -> None:
        edges.create(
            admin,
            plugin,
            label,
            EdgeCreate(source_id=ids[source], target_id=ids[target], properties=props),
        )

    link("pagerduty", "PAGES_FOR", "service", "repo")
    link("github", "BACKS", "repo", "checkout")
    link("github", "OWNS_REPO", "gh_team", "repo", permission="admin")
    link("github", "MIRRORS", "gh_team", "platform")
    return ids


def _named(result, ids: dict[str, str]) -> tuple[list[str], list[tuple[str, str, str]]]:
    names = {value: key for key, value in ids.items()}
    nodes = sorted(names.get(node.id, node.id) for node in result.nodes)
    rels = sorted(
        (names.get(r.source_id, r.source_id), r.type, names.get(r.target_id, r.target_id))
        for r in result.relationships
    )
    return nodes, rels


def test_depth_one_is_the_direct_neighbours(
    neighbors: Neighbors, admin: Principal, graph: dict[str, str]
):
    result = neighbors.around_entity(
        admin, "pagerduty", "PagerDutyService", graph["service"], depth=1
    )

    assert _named(result, graph) == (["repo", "service"], [("service", "PAGES_FOR", "repo")])
    assert result.truncated is False and result.root_id == graph["service"]


def test_deeper_traversals_follow_plugin_edges_and_host_links(
    neighbors: Neighbors, admin: Principal, graph: dict[str, str], env: Callable[[str], str]
):
    graph |= {"dev": env("checkout-dev"), "prod": env("checkout-prod")}

    two = neighbors.around_entity(admin, "pagerduty", "PagerDutyService", graph["service"], depth=2)
    assert _named(two, graph) == (
        ["checkout", "gh_team", "repo", "service"],
        [
            ("gh_team", "OWNS_REPO", "repo"),
            ("repo", "BACKS", "checkout"),
            ("service", "PAGES_FOR", "repo"),
        ],
    )

    three = neighbors.around_entity(
        admin, "pagerduty", "PagerDutyService", graph["service"], depth=3
    )
    # the project's environments and the mirrored team are three hops away; alice, a member
    # of platform, would be four, and the org (Org -[:HAS]->) is never walked
    assert _named(three, graph) == (
        ["checkout", "dev", "gh_team", "platform", "prod", "repo", "service"],
        [
            ("checkout", "HAS_ENVIRONMENT", "dev"),
            ("checkout", "HAS_ENVIRONMENT", "prod"),
            ("gh_team", "MIRRORS", "platform"),
            ("gh_team", "OWNS_REPO", "repo"),
            ("repo", "BACKS", "checkout"),
            ("service", "PAGES_FOR", "repo"),
        ],
    )
    owns = next(r for r in three.relationships if r.type == "OWNS_REPO")
    assert owns.plugin == "github" and owns.properties == {"permission": "admin"}
    structural = next(r for r in three.relationships if r.type == "HAS_ENVIRONMENT")
    assert structural.plugin is None and structural.id is None


def test_the_node_cap_truncates(
    neighbors: Neighbors,
    admin: Principal,
    edges: EdgeService,
    repository: Factory,
    pd_service: Factory,
    monkeypatch: pytest.MonkeyPatch,
):
    repo = repository()
    for index in range(5):
        edges.create(
            admin,
            "pagerduty",
            "PAGES_FOR",
            EdgeCreate(source_id=pd_service(f"s{index}"), target_id=repo),
        )
    monkeypatch.setattr(neighbors_module, "MAX_NODES", 4)

    result = neighbors.around_entity(admin, "github", "GithubRepository", repo, depth=1)

    assert result.truncated is True
    assert len(result.nodes) == 4 and len(result.relationships) == 3
    kept = {node.id for node in result.nodes}
    assert all(r.source_id in kept and r.target_id in kept for r in result.relationships)


def test_another_orgs_entity_is_404_and_depth_is_bounded(
    neighbors: Neighbors, admin: Principal, other_admin: Principal, graph: dict[str, str]
):
    with pytest.raises(NotFound):
        neighbors.around_entity(other_admin, "github", "GithubRepository", graph["repo"])
    with pytest.raises(ValueError):
        neighbors.around_entity(admin, "github", "GithubRepository", graph["repo"], depth=4)
