"""What every request can reach: the graph store and the services built on it.

One AppContext per app (per process). Services are plain objects; per-process
caches inside them are invalidated through version counters in the graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plugraph.anchors.members import TeamMembers
from plugraph.anchors.service import AnchorService
from plugraph.authz.assignments import RoleAssignments
from plugraph.authz.authorizer import Authorizer
from plugraph.authz.plugin_policies import PluginPolicySync
from plugraph.delivery.services import DeliveryServices, build_delivery_services
from plugraph.edges.neighbors import Neighbors
from plugraph.edges.node_edges import NodeEdges
from plugraph.edges.service import EdgeService
from plugraph.entities.service import EntityService
from plugraph.errors import NotFound
from plugraph.graph.migrations import Migrator
from plugraph.graph.store import GraphStore
from plugraph.manifests.model import Manifest
from plugraph.marketplaces.services import MarketplaceServices, build_marketplace_services
from plugraph.registry.service import PluginRegistry
from plugraph.security.authenticator import Authenticator
from plugraph.security.rate_limits import RateLimiter
from plugraph.security.tokens import TokenService
from plugraph.settings import Settings


@dataclass
class AppContext:
    settings: Settings
    store: GraphStore
    migrator: Migrator
    authenticator: Authenticator
    authorizer: Authorizer
    tokens: TokenService
    assignments: RoleAssignments
    registry: PluginRegistry
    entities: EntityService
    marketplaces: MarketplaceServices
    delivery: DeliveryServices
    anchors: AnchorService
    team_members: TeamMembers
    edges: EdgeService
    node_edges: NodeEdges
    neighbors: Neighbors
    rate_limiter: RateLimiter = field(default_factory=RateLimiter)

    def installed_manifest(self, slug: str) -> Manifest:
        """The current manifest of an installed plugin, or 404."""
        for manifest in self.registry.active_manifests():
            if manifest.slug == slug:
                return manifest
        raise NotFound(f"no installed plugin {slug!r}")

    def plugin_rate_limit(self, slug: str) -> str | None:
        """The ``rate_limit`` of an installed plugin's manifest, if it declares one."""
        try:
            return self.installed_manifest(slug).rate_limit
        except NotFound:
            return None


def build_context(store: GraphStore, settings: Settings) -> AppContext:
    authorizer = Authorizer(store, check_interval=settings.authz_check_interval)
    registry = PluginRegistry(store, check_interval=settings.registry_check_interval)
    registry.add_listener(PluginPolicySync(authorizer, registry.label_owner))
    delivery = build_delivery_services(store)
    return AppContext(
        settings=settings,
        store=store,
        migrator=Migrator(store),
        authenticator=Authenticator(store, cache_ttl=settings.auth_cache_ttl),
        authorizer=authorizer,
        tokens=TokenService(store),
        assignments=RoleAssignments(store, authorizer),
        registry=registry,
        entities=EntityService(store, registry),
        marketplaces=build_marketplace_services(store, authorizer, delivery.catalog),
        delivery=delivery,
        anchors=AnchorService(store, registry),
        team_members=TeamMembers(store),
        edges=EdgeService(store, registry, authorizer),
        node_edges=NodeEdges(store, registry, authorizer),
        neighbors=Neighbors(store, registry, authorizer),
    )
