"""The API serves the built UI at /ui: static files, the SPA fallback, a 503 hint when the
UI is not built, caching and security headers; /ui is public and outside the OpenAPI document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from plugraph.api.app import create_app
from plugraph.api.ui import default_ui_dir
from plugraph.graph.store import GraphStore
from plugraph.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[2]


def _client(store: GraphStore, ui_dir: Path) -> TestClient:
    settings = Settings(manifests_dir=REPO_ROOT / "manifests", ui_dir=ui_dir)
    return TestClient(create_app(store, settings), follow_redirects=False)


@pytest.fixture
def built(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>plugraph admin</title>")
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log('app')")
    (tmp_path / "favicon.svg").write_text("<svg/>")
    return tmp_path


@pytest.fixture
def ui(store: GraphStore, built: Path) -> Iterator[TestClient]:
    with _client(store, built) as client:
        yield client


def test_ui_redirects_to_its_trailing_slash_and_serves_index(ui: TestClient):
    response = ui.get("/ui")
    assert response.status_code == 308
    assert response.headers["location"] == "/ui/"
    page = ui.get("/ui/")
    assert page.status_code == 200
    assert "plugraph admin" in page.text
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-cache"


def test_client_side_routes_fall_back_to_index(ui: TestClient):
    for path in (
        "/ui/plugins/aws-iam-ic/AwsAccount",
        "/ui/anchors/environments/checkout-dev",
        "/ui/x/y/z",
    ):
        response = ui.get(path)
        assert response.status_code == 200, path
        assert "plugraph admin" in response.text


def test_assets_are_immutable_and_a_missing_one_is_404_not_html(ui: TestClient):
    asset = ui.get("/ui/assets/index-abc123.js")
    assert asset.status_code == 200
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert "javascript" in asset.headers["content-type"]
    missing = ui.get("/ui/assets/gone-000.js")
    assert missing.status_code == 404
    assert "html" not in missing.headers["content-type"]
    assert ui.get("/ui/favicon.svg").text == "<svg/>"


def test_paths_cannot_escape_the_ui_directory(ui: TestClient, built: Path):
    (built.parent / "secret.txt").write_text("top secret")
    for path in ("/ui/../secret.txt", "/ui/%2e%2e/secret.txt", "/ui/..%2fsecret.txt"):
        response = ui.get(path)
        assert "top secret" not in response.text, path


def test_ui_is_public_with_security_headers_and_not_in_the_api_document(ui: TestClient):
    response = ui.get("/ui/")  # no Authorization header
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "connect-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert not [path for path in ui.get("/openapi.json").json()["paths"] if path.startswith("/ui")]


def test_an_unbuilt_ui_answers_503_with_a_one_line_hint(store: GraphStore, tmp_path: Path):
    with _client(store, tmp_path / "not-built") as client:
        for path in ("/ui/", "/ui/plugins/x/y"):
            response = client.get(path)
            assert response.status_code == 503
            assert response.text.count("\n") == 1
            assert "scripts/lib/build-ui" in response.text
        assert client.get("/healthz").status_code == 200


def test_the_default_is_the_checkout_ui_dist():
    assert default_ui_dir() == REPO_ROOT / "ui" / "dist"
