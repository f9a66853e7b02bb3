"""Edge fixtures: the example plugins installed in a seeded demo org, and entity factories."""

from __future__ import annotations

from collections.abc import Callable
from itertools import count

import pytest

from plugraph.authz.authorizer import Authorizer
from plugraph.edges.neighbors import Neighbors
from plugraph.edges.node_edges import NodeEdges
from plugraph.edges.service import EdgeService
from plugraph.graph.store import GraphStore
from plugraph.manifests.loader import load_manifest
from plugraph.registry.service import PluginRegistry
from plugraph.security.principal import Principal
from tests.anchors.fixtures import (
    admin,
    anchor_id,
    anchors,
    authorizer,
    create_entity,
    demo_org,
    install,
    other_admin,
    registry,
)
from tests.conftest import REPO_ROOT

# shared fixtures (tests/anchors/fixtures.py), re-exported so pytest finds them here
__all__ = ["admin", "anchors", "authorizer", "demo_org", "other_admin", "registry"]

EXAMPLE_PLUGINS = ("github", "pagerduty", "aws-iam-ic")


@pytest.fixture
def plugins(registry: PluginRegistry) -> PluginRegistry:
    install(registry, *(load_manifest(REPO_ROOT / "manifests" / slug) for slug in EXAMPLE_PLUGINS))
    return registry


@pytest.fixture
def edges(store: GraphStore, plugins: PluginRegistry, authorizer: Authorizer) -> EdgeService:
    return EdgeService(store, plugins, authorizer)


@pytest.fixture
def node_edges(store: GraphStore, plugins: PluginRegistry, authorizer: Authorizer) -> NodeEdges:
    return NodeEdges(store, plugins, authorizer)


@pytest.fixture
def neighbors(store: GraphStore, plugins: PluginRegistry, authorizer: Authorizer) -> Neighbors:
    return Neighbors(store, plugins, authorizer)


Factory = Callable[..., str]


@pytest.fixture
def env(store: GraphStore, admin: Principal) -> Callable[[str], str]:
    """env("checkout-prod") -> the environment's id in the demo org."""
    return lambda slug: anchor_id(store, admin.org_id, "Environment", slug)


@pytest.fixture
def team(store: GraphStore, admin: Principal) -> Callable[[str], str]:
    return lambda slug: anchor_id(store, admin.org_id, "Team", slug)


@pytest.fixture
def project(store: GraphStore, admin: Principal) -> Callable[[str], str]:
    return lambda slug: anchor_id(store, admin.org_id, "Project", slug)


_numbers = count(100000000000)


@pytest.fixture
def aws_account(store: GraphStore, admin: Principal, plugins: PluginRegistry) -> Factory:
    def make(name: str = "prod", org_id: str | None = None) -> str:
        document = {
            "accountId": str(next(_numbers)),
            "name": name,
            "email": f"{name}@example.com",
            "status": "ACTIVE",
        }
        return create_entity(store, org_id or admin.org_id, "aws-iam-ic", "AwsAccount", document)

    return make


@pytest.fixture
def repository(store: GraphStore, admin: Principal, plugins: PluginRegistry) -> Factory:
    def make(name: str = "payments-api") -> str:
        document = {
            "fullName": f"octo-org/{name}",
            "url": f"https://github.com/octo-org/{name}",
            "visibility": "private",
        }
        return create_entity(store, admin.org_id, "github", "GithubRepository", document)

    return make


@pytest.fixture
def webhook(store: GraphStore, admin: Principal, plugins: PluginRegistry) -> Factory:
    def make() -> str:
        document = {
            "hookId": next(_numbers),
            "url": "https://hooks.example.com/github",
            "events": ["push"],
            "active": True,
        }
        return create_entity(store, admin.org_id, "github", "GithubWebhook", document)

    return make


@pytest.fixture
def github_team(store: GraphStore, admin: Principal, plugins: PluginRegistry) -> Factory:
    def make(slug: str = "platform") -> str:
        document = {
            "organization": "octo-org",
            "slug": slug,
            "name": slug.title(),
            "privacy": "closed",
        }
        return create_entity(store, admin.org_id, "github", "GithubTeam", document)

    return make


@pytest.fixture
def pd_service(store: GraphStore, admin: Principal, plugins: PluginRegistry) -> Factory:
    def make(name: str = "checkout") -> str:
        document = {
            "serviceId": f"P{next(_numbers) % 1000000:06d}",
            "name": name,
            "status": "active",
            "urgency": "high",
        }
        return create_entity(store, admin.org_id, "pagerduty", "PagerDutyService", document)

    return make


def edge_count(store: GraphStore, rel: str) -> int:
    return int(store.read(f"MATCH ()-[r:`{rel}`]->() RETURN count(r) AS c")[0]["c"])
