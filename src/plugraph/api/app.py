"""The application factory."""

from __future__ import annotations

from fastapi import FastAPI

from plugraph import __version__
from plugraph.api.context import AppContext, build_context
from plugraph.api.middleware import BodyLimitMiddleware, RequestIdMiddleware
from plugraph.api.problems import install_problem_handlers
from plugraph.api.routes import (
    anchors,
    audit,
    authz,
    delivery,
    edges,
    entities,
    health,
    identity,
    marketplaces,
    plugins,
)
from plugraph.api.ui import router as ui_router
from plugraph.graph.store import GraphStore
from plugraph.settings import Settings

# Routes that need no credentials. Everything else depends on plugraph.api.security.require,
# and tests/api/test_route_security.py fails for any route that does not.
PUBLIC_PATHS = frozenset(
    {
        "/healthz",
        "/readyz",
        "/openapi.json",
        "/docs",
        "/docs/oauth2-redirect",
        "/redoc",
        # the admin web app's static files; it signs in with a token like any client
        "/ui",
        "/ui/{path:path}",
    }
)


def create_app(store: GraphStore, settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    context: AppContext = build_context(store, settings)
    app = FastAPI(
        title="plugraph",
        version=__version__,
        description="Plugin manifests drive one generic API over a property graph.",
    )
    app.state.context = context
    install_problem_handlers(app)
    app.add_middleware(
        BodyLimitMiddleware,
        default_limit=settings.max_body_bytes,
        bulk_limit=settings.max_bulk_body_bytes,
    )
    app.add_middleware(RequestIdMiddleware)
    app.include_router(health.router)
    app.include_router(identity.router)
    app.include_router(authz.router)
    app.include_router(audit.router)
    app.include_router(plugins.router)
    app.include_router(entities.router)
    for router in (*anchors.routers, *edges.routers):
        app.include_router(router)
    app.include_router(marketplaces.router)
    app.include_router(delivery.router)
    app.include_router(ui_router)  # the admin web app at /ui (public static files)
    return app
