from fastapi.testclient import TestClient

from plugraph.api.app import create_app
from plugraph.graph.store import GraphStore


def test_healthz_answers_while_the_process_is_up(client: TestClient):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_is_200_on_a_migrated_graph(client: TestClient):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "ready"


def test_readyz_is_503_with_a_reason_while_migrations_are_pending(bare_store: GraphStore, settings):
    with TestClient(create_app(bare_store, settings)) as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    assert "pending migrations: 0001_schema_migrations" in response.json()["reason"]


def test_readyz_is_503_when_the_graph_is_unreachable(bare_store: GraphStore, settings):
    app = create_app(bare_store, settings)
    bare_store.close()
    with TestClient(app) as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["reason"].startswith("graph unreachable")
