"""GET /delivery/plugins/{slug}/download: a deterministic archive whose digest is published."""

from __future__ import annotations

import base64
import hashlib
import io
import tarfile
from pathlib import Path

from fastapi.testclient import TestClient

from plugraph.api.app import create_app
from plugraph.manifests import load_manifest
from tests.marketplaces.support import Host, create_marketplace, grant, list_plugin, manifest


def _offer(client: TestClient, host: Host, make_caller, *versions: str, **listing):
    host.install("alpha", *versions, labels=True)
    user = make_caller(None, slug="una")
    market = create_marketplace(client, "main")
    list_plugin(client, market["id"], "alpha", **listing)
    grant(client, market["id"], "user", "una")
    return user


def test_the_digest_matches_the_bytes_and_the_published_one(
    client: TestClient, host: Host, make_caller
):
    user = _offer(client, host, make_caller, "1.0.0")
    response = user.client.get("/delivery/plugins/alpha/download")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/gzip"
    data = response.content
    sha = hashlib.sha256(data).hexdigest()
    assert response.headers["x-content-sha256"] == sha
    assert (
        response.headers["digest"]
        == "sha-256=" + base64.b64encode(hashlib.sha256(data).digest()).decode()
    )
    assert 'filename="alpha-1.0.0.tar.gz"' in response.headers["content-disposition"]
    download = user.client.get("/delivery/plugins/alpha").json()["download"]
    assert download["sha256"] == sha
    assert download["size"] == len(data)
    assert download["version"] == "1.0.0"
    assert download["url"] == "/delivery/plugins/alpha/download?version=1.0.0"


def test_the_bytes_are_stable_across_calls_and_processes(
    client: TestClient, host: Host, make_caller, store, settings
):
    user = _offer(client, host, make_caller, "1.0.0")
    first = user.client.get("/delivery/plugins/alpha/download").content
    assert user.client.get("/delivery/plugins/alpha/download").content == first
    with TestClient(
        create_app(store, settings), headers={"Authorization": f"Bearer {user.token}"}
    ) as fresh:
        assert fresh.get("/delivery/plugins/alpha/download").content == first  # no shared cache


def test_the_archive_is_a_plugin_directory_with_sorted_timeless_entries(
    client: TestClient, host: Host, make_caller, tmp_path: Path
):
    user = _offer(client, host, make_caller, "1.0.0")
    data = user.client.get("/delivery/plugins/alpha/download").content
    assert data[4:8] == b"\x00\x00\x00\x00"  # gzip header mtime
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        members = tar.getmembers()
        names = [m.name for m in members]
        assert names == sorted(names)
        assert names == [
            "alpha/plugin.json",
            "alpha/schemas/edge/ALPHATHING_IN.schema.json",
            "alpha/schemas/vertex/AlphaThing.schema.json",
        ]
        assert {(m.mtime, m.uid, m.gid, m.mode) for m in members} == {(0, 0, 0, 0o644)}
        tar.extractall(tmp_path, filter="data")
    loaded = load_manifest(tmp_path / "alpha")
    assert loaded == manifest("alpha", "1.0.0", with_labels=True)


def test_a_specific_offered_version_can_be_downloaded(client: TestClient, host: Host, make_caller):
    user = _offer(client, host, make_caller, "1.0.0", "1.1.0-beta.1", channel="beta")
    newest = user.client.get("/delivery/plugins/alpha/download")
    assert newest.headers["content-disposition"].endswith('alpha-1.1.0-beta.1.tar.gz"')
    assert (
        user.client.get(
            "/delivery/plugins/alpha/download", params={"version": "1.1.0-beta.1"}
        ).content
        == newest.content
    )
    older = user.client.get("/delivery/plugins/alpha/download", params={"version": "1.0.0"})
    assert older.status_code == 404  # no path of this user offers 1.0.0
