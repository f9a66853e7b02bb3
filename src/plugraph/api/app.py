"""The application factory."""

from __future__ import annotations

from fastapi import FastAPI

from plugraph import __version__
from plugraph.api.context import AppContext
from plugraph.api.routes import health
from plugraph.graph.migrations import Migrator
from plugraph.graph.store import GraphStore
from plugraph.settings import Settings


def create_app(store: GraphStore, settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(title="plugraph", version=__version__)
    app.state.context = AppContext(settings=settings, store=store, migrator=Migrator(store))
    app.include_router(health.router)
    return app
