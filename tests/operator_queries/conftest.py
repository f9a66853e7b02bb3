"""A seeded demo graph for the operator queries: anchors, the example plugins, entities,
edges, marketplaces, orphans and audit events, all written through the services."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from plugraph.anchors.members import TeamMembers
from plugraph.authz.authorizer import Authorizer
from plugraph.edges.models import EdgeCreate
from plugraph.edges.service import EdgeService
from plugraph.graph.store import GraphStore
from plugraph.manifests.loader import load_manifest
from plugraph.manifests.model import Manifest
from plugraph.marketplaces.grants import AccessGrants
from plugraph.marketplaces.listings import Listings
from plugraph.marketplaces.models import ListingCreate, MarketplaceCreate
from plugraph.marketplaces.service import Marketplaces
from plugraph.registry.service import PluginRegistry
from plugraph.security.principal import Principal
from tests.anchors.fixtures import (
    admin,
    anchor_id,
    authorizer,
    create_entity,
    demo_org,
    install,
    other_admin,
    registry,
)
from tests.conftest import REPO_ROOT

# shared fixtures (tests/anchors/fixtures.py), re-exported so pytest finds them here
__all__ = ["admin", "authorizer", "demo_org", "other_admin", "registry"]

SCRATCH = Manifest.model_validate(
    {
        "api_version": "plugraph/v1",
        "slug": "scratch",
        "name": "Scratch",
        "version": "1.0.0",
        "vertex_labels": [{"name": "ScratchItem", "schema": {"type": "object"}}],
    }
)


@dataclass
class Seeded:
    org_id: str
    ids: dict[str, str] = field(default_factory=dict)


@pytest.fixture
def seeded(
    store: GraphStore,
    registry: PluginRegistry,
    authorizer: Authorizer,
    admin: Principal,
    other_admin: Principal,
) -> Seeded:
    org = admin.org_id
    install(
        registry,
        *(
            load_manifest(REPO_ROOT / "manifests" / slug)
            for slug in ("github", "pagerduty", "aws-iam-ic")
        ),
        SCRATCH,
    )
    seeded = Seeded(org)
    ids = seeded.ids
    anchor = lambda label, slug: anchor_id(store, org, label, slug)  # noqa: E731
    ids |= {
        "checkout": anchor("Project", "checkout"),
        "checkout-prod": anchor("Environment", "checkout-prod"),
        "account": create_entity(
            store,
            org,
            "aws-iam-ic",
            "AwsAccount",
            {
                "accountId": "111122223333",
                "name": "prod",
                "email": "prod@example.com",
                "status": "ACTIVE",
            },
        ),
        "repo": create_entity(
            store,
            org,
            "github",
            "GithubRepository",
            {
                "fullName": "octo-org/checkout",
                "url": "https://github.com/octo-org/checkout",
                "visibility": "private",
            },
        ),
        "service": create_entity(
            store,
            org,
            "pagerduty",
            "PagerDutyService",
            {"serviceId": "PCHK001", "name": "checkout", "status": "active", "urgency": "high"},
        ),
        "scratch": create_entity(store, org, "scratch", "ScratchItem", {}),
        "legacy": create_entity(store, org, "legacy", "LegacyThing", {"name": "old"}),
    }
    # another org's data never shows up in the demo org's answers
    create_entity(store, other_admin.org_id, "legacy", "LegacyThing", {"name": "theirs"})

    edges = EdgeService(store, registry, authorizer)

    def link(plugin: str, label: str, source: str, target: str, **props: str) -> str:
        body = EdgeCreate(source_id=ids[source], target_id=ids[target], properties=props)
        return edges.create(admin, plugin, label, body).id

    ids["maps_to"] = link("aws-iam-ic", "MAPS_TO", "checkout-prod", "account", role="workload")
    edges.update(
        admin, "aws-iam-ic", "MAPS_TO", ids["checkout-prod"], ids["account"], {"linkedBy": "ops"}
    )
    link("github", "BACKS", "repo", "checkout")
    link("pagerduty", "ALERTS_FOR", "service", "checkout")
    link("pagerduty", "PAGES_FOR", "service", "repo")

    members = TeamMembers(store)
    members.add(admin, "payments", "bob")
    members.add(admin, "platform", "bob")

    registry.uninstall("scratch", admin)
    _marketplaces(store, authorizer, admin, other_admin)
    return seeded


def _marketplaces(
    store: GraphStore, authorizer: Authorizer, admin: Principal, other_admin: Principal
) -> None:
    marketplaces = Marketplaces(store, AccessGrants(store, authorizer))
    listings = Listings(store)
    internal = marketplaces.create(admin, MarketplaceCreate(slug="internal", name="Internal"))
    for plugin in ("github", "aws-iam-ic", "pagerduty"):
        listings.add(admin, internal.id, ListingCreate(plugin=plugin))
    listings.remove(admin, internal.id, "pagerduty")
    listings.add(admin, internal.id, ListingCreate(plugin="pagerduty", channel="beta"))
    listings.remove(admin, internal.id, "pagerduty")
    old = marketplaces.create(admin, MarketplaceCreate(slug="old", name="Old"))
    listings.add(admin, old.id, ListingCreate(plugin="pagerduty"))
    marketplaces.archive(admin, old.id)
    beta = marketplaces.create(admin, MarketplaceCreate(slug="beta", name="Beta"))
    listings.add(
        admin, beta.id, ListingCreate(plugin="github", channel="beta", pinned_version="1.0.0")
    )
    theirs = marketplaces.create(other_admin, MarketplaceCreate(slug="theirs", name="Theirs"))
    listings.add(other_admin, theirs.id, ListingCreate(plugin="pagerduty"))
