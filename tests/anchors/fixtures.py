"""Fixtures shared by the anchor, edge and operator-query tests (imported by their conftests).

Services are exercised directly against a fresh migrated graph with the real plugin
registry, the real authorizer and the demo org from ``seed_demo``.
"""

from __future__ import annotations

from typing import Any

import pytest

from plugraph.anchors.seed import seed_demo
from plugraph.anchors.service import AnchorService
from plugraph.authz.authorizer import Authorizer
from plugraph.entities.storage import SystemProperties, node_properties
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.ids import new_id
from plugraph.manifests.model import Manifest
from plugraph.registry.service import PluginRegistry
from plugraph.security.bootstrap import ensure_org_user
from plugraph.security.principal import Principal, system_principal


@pytest.fixture
def authorizer(store: GraphStore) -> Authorizer:
    authz = Authorizer(store, check_interval=0)
    authz.seed_roles()
    return authz


@pytest.fixture
def registry(store: GraphStore) -> PluginRegistry:
    return PluginRegistry(store, check_interval=0)


@pytest.fixture
def demo_org(store: GraphStore) -> str:
    return seed_demo(store)


def principal_with_role(
    store: GraphStore, authorizer: Authorizer, org_slug: str, user_slug: str, role: str | None
) -> Principal:
    """A user of ``org_slug`` (created if missing) holding ``role`` there."""
    org_id, user_id = ensure_org_user(store, org_slug, org_slug.title(), user_slug)
    if role is not None:
        store.execute_write(
            lambda tx: authorizer.assign_role_tx(tx, f"user:{user_id}", role, org_id)
        )
    authorizer.refresh(force=True)
    return Principal(kind="user", id=user_id, org_id=org_id, org_slug=org_slug, name=user_slug)


@pytest.fixture
def admin(store: GraphStore, authorizer: Authorizer, demo_org: str) -> Principal:
    """An org-admin of the demo org."""
    return principal_with_role(store, authorizer, "demo", "admin", "org-admin")


@pytest.fixture
def other_admin(store: GraphStore, authorizer: Authorizer) -> Principal:
    """An org-admin of another org ("acme"), to prove cross-org invisibility."""
    return principal_with_role(store, authorizer, "acme", "root", "org-admin")


@pytest.fixture
def anchors(store: GraphStore, registry: PluginRegistry) -> AnchorService:
    return AnchorService(store, registry)


def install(registry: PluginRegistry, *manifests: Manifest) -> None:
    actor = system_principal("host", "host")
    for manifest in manifests:
        registry.install(manifest, actor)


def create_entity(
    store: GraphStore,
    org_id: str,
    plugin: str,
    label: str,
    document: dict[str, Any],
) -> str:
    """A plugin entity written as the entity service stores it (node and system properties)."""
    entity_id = new_id()
    system = SystemProperties(
        id=entity_id,
        plugin=plugin,
        label=label,
        org=org_id,
        version=1,
        created_at="2024-01-01T00:00:00.000000Z",
        updated_at="2024-01-01T00:00:00.000000Z",
        created_by="user:test",
        updated_by="user:test",
    )
    query = QUERIES.render("entities/create", label=label)
    store.write(query, {"props": node_properties(document, system)})
    return entity_id


def anchor_id(store: GraphStore, org_id: str, label: str, slug: str) -> str:
    rows = store.read(QUERIES.render("anchors/get", label=label), {"org": org_id, "slug": slug})
    return str(rows[0]["node"]["id"])
