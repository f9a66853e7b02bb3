"""Shared fixtures: one embedded ArcadeDB per test session, a fresh database per test.

Creating an ArcadeDB database costs ~10 ms, so tests isolate by database instead
of restarting the server. Neo4j joins the contract suite when a Docker engine
answers (testcontainers, image pinned) or PLUGRAPH_TEST_NEO4J_URL is set.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from plugraph.api.app import create_app
from plugraph.graph.embedded import EmbeddedArcadeDB
from plugraph.graph.migrations import Migrator
from plugraph.graph.store import ConnectionSettings, GraphStore
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
    if request.param == "arcadedb":
        store = _fresh_arcadedb_store(request.getfixturevalue("arcadedb"))
    else:
        store = _fresh_neo4j_store(request.getfixturevalue("neo4j_server"))
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def bare_store(arcadedb: EmbeddedArcadeDB) -> Iterator[GraphStore]:
    """A fresh ArcadeDB database without migrations."""
    store = _fresh_arcadedb_store(arcadedb)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def store(bare_store: GraphStore) -> GraphStore:
    """A fresh, migrated ArcadeDB database."""
    Migrator(bare_store).migrate()
    return bare_store


@pytest.fixture
def settings() -> Settings:
    return Settings(manifests_dir=REPO_ROOT / "manifests")


@pytest.fixture
def client(store: GraphStore, settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(store, settings)) as test_client:
        yield test_client
