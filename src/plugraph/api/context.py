"""What every request can reach: the graph store and the services built on it.

One AppContext per app (per process). Services are plain objects; per-process
caches inside them are invalidated through version counters in the graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plugraph.authz.assignments import RoleAssignments
from plugraph.authz.authorizer import Authorizer
from plugraph.errors import NotFound
from plugraph.graph.migrations import Migrator
from plugraph.graph.store import GraphStore
from plugraph.manifests.model import Manifest
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
    rate_limiter: RateLimiter = field(default_factory=RateLimiter)

    def installed_manifest(self, slug: str) -> Manifest:
        """The current manifest of an installed plugin, or 404."""
        registry = getattr(self, "registry", None)
        for manifest in registry.active_manifests() if registry is not None else ():
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
    return AppContext(
        settings=settings,
        store=store,
        migrator=Migrator(store),
        authenticator=Authenticator(store, cache_ttl=settings.auth_cache_ttl),
        authorizer=authorizer,
        tokens=TokenService(store),
        assignments=RoleAssignments(store, authorizer),
    )
