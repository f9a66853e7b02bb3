"""Shared fixtures: one embedded ArcadeDB per test session, a fresh database per test.

Creating an ArcadeDB database costs ~10 ms, so tests isolate by database instead
of restarting the server. Neo4j joins the contract suite when a Docker engine
answers (testcontainers, image pinned) or PLUGRAPH_TEST_NEO4J_URL is set.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from plugraph.api.app import create_app
from plugraph.graph.embedded import EmbeddedArcadeDB
from plugraph.graph.migrations import Migrator
from plugraph.graph.store import ConnectionSettings, GraphStore
from plugraph.security.bootstrap import bootstrap, ensure_org_user
from plugraph.security.principal import system_principal
from plugraph.settings import Settings

NEO4J_IMAGE = "neo4j:5.26"
REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def arcadedb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedArcadeDB]:
    server = EmbeddedArcadeDB(tmp_path_factory.mktemp("arcadedb"), database="plugraph_tests")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@dataclass
class Neo4jServer:
    uri: str
    user: str
    password: str
    database: str = "neo4j"


def _docker_answers() -> str | None:
    try:
        import docker  # type: ignore[import-untyped]

        docker.from_env(timeout=3).ping()
    except Exception as exc:
        return f"no Docker engine answers ({type(exc).__name__}); set PLUGRAPH_TEST_NEO4J_URL to use an existing Neo4j"
    return None


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jServer]:
    url = os.environ.get("PLUGRAPH_TEST_NEO4J_URL")
    if url:
        yield Neo4jServer(
            uri=url,
            user=os.environ.get("PLUGRAPH_TEST_NEO4J_USER", "neo4j"),
            password=os.environ.get("PLUGRAPH_TEST_NEO4J_PASSWORD", "neo4j"),
        )
        return
    reason = _docker_answers()
    if reason:
        pytest.skip(f"Neo4j backend skipped: {reason}")
    from testcontainers.neo4j import Neo4jContainer

    with Neo4jContainer(NEO4J_IMAGE, password="plugraph-test") as container:
        yield Neo4jServer(container.get_connection_url(), "neo4j", "plugraph-test")


def _fresh_arcadedb_store(server: EmbeddedArcadeDB) -> GraphStore:
    name = f"t_{uuid.uuid4().hex[:12]}"
    server.create_database(name)
    return GraphStore.connect(
        ConnectionSettings(server.bolt_uri, server.user, server.password, name)
    )


def _fresh_neo4j_store(server: Neo4jServer) -> GraphStore:
    store = GraphStore.connect(
        ConnectionSettings(server.uri, server.user, server.password, server.database)
    )
    store.write("MATCH (n) DETACH DELETE n")
    return store


@pytest.fixture(params=["arcadedb", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def any_store(request: pytest.FixtureRequest) -> Iterator[GraphStore]:
    """A fresh, unmigrated store on every available backend (the contract suite)."""
    server = None
    if request.param == "arcadedb":
        server = request.getfixturevalue("arcadedb")
        store = _fresh_arcadedb_store(server)
    else:
        store = _fresh_neo4j_store(request.getfixturevalue("neo4j_server"))
    try:
        yield store
    finally:
        store.close()
        if server is not None:
            server.drop_database(store.database)


@pytest.fixture
def bare_store(arcadedb: EmbeddedArcadeDB) -> Iterator[GraphStore]:
    """A fresh ArcadeDB database without migrations (dropped afterwards)."""
    store = _fresh_arcadedb_store(arcadedb)
    try:
        yield store
    finally:
        store.close()
        arcadedb.drop_database(store.database)


@pytest.fixture
def store(bare_store: GraphStore) -> GraphStore:
    """A fresh, migrated ArcadeDB database."""
    Migrator(bare_store).migrate()
    return bare_store


@pytest.fixture
def settings() -> Settings:
    return Settings(manifests_dir=REPO_ROOT / "manifests")


@pytest.fixture
def app(store: GraphStore, settings: Settings) -> FastAPI:
    """The app on a fresh migrated graph, bootstrapped: seeded roles, demo org, admin token."""
    application = create_app(store, settings)
    context = application.state.context
    application.state.demo = bootstrap(store, context.authorizer, context.tokens)
    return application


@pytest.fixture
def admin_token(app: FastAPI) -> str:
    token = app.state.demo.new_token
    assert token is not None
    return token


@pytest.fixture
def client(app: FastAPI, admin_token: str) -> Iterator[TestClient]:
    """A TestClient authenticated as the demo org's org-admin."""
    with TestClient(app, headers={"Authorization": f"Bearer {admin_token}"}) as test_client:
        yield test_client


@pytest.fixture
def anon_client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@dataclass
class Caller:
    user_id: str
    org_id: str
    org_slug: str
    token: str
    client: TestClient


@pytest.fixture
def make_caller(app: FastAPI, store: GraphStore) -> Iterator[Callable[..., Caller]]:
    """make_caller(role="viewer", org="demo", slug=None) -> a user with that role and a client."""
    clients: list[TestClient] = []
    context = app.state.context

    def factory(role: str | None = "viewer", org: str = "demo", slug: str | None = None) -> Caller:
        user_slug = slug or f"{role or 'norole'}-{uuid.uuid4().hex[:6]}"
        org_id, user_id = ensure_org_user(store, org, org.title(), user_slug)
        if role is not None:
            store.execute_write(
                lambda tx: context.authorizer.assign_role_tx(tx, f"user:{user_id}", role, org_id)
            )
        context.authorizer.refresh(force=True)
        actor = system_principal(org_id, org)
        token = context.tokens.issue(
            actor, kind="user", subject_id=user_id, name="test", expires_in_days=1
        ).token
        test_client = TestClient(app, headers={"Authorization": f"Bearer {token}"})
        clients.append(test_client)
        return Caller(user_id, org_id, org, token, test_client)

    yield factory
    for test_client in clients:
        test_client.close()
