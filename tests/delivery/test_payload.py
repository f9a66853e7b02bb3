"""Install payloads are deterministic archives of a manifest and its schemas."""

from __future__ import annotations

import io
import json
import tarfile

from plugraph.delivery.payload import PayloadCache, build_payload, payload_files
from plugraph.registry.records import manifest_json
from tests.marketplaces.support import manifest


def test_the_same_manifest_always_gives_the_same_bytes():
    text = manifest_json(manifest("alpha", "1.0.0", with_labels=True))
    first, second = build_payload(text), build_payload(text)
    assert first.data == second.data
    assert first.sha256 == second.sha256
    assert first.digest.startswith("sha-256=")
    assert first.filename == "alpha-1.0.0.tar.gz"


def test_schemas_move_to_files_the_manifest_references():
    document = json.loads(manifest_json(manifest("alpha", "1.0.0", with_labels=True)))
    files = payload_files(document)
    plugin = json.loads(files["alpha/plugin.json"])
    assert plugin["vertex_labels"][0]["schema"] == {"$ref": "schemas/vertex/AlphaThing.schema.json"}
    schema = json.loads(files["alpha/schemas/vertex/AlphaThing.schema.json"])
    assert schema == document["vertex_labels"][0]["schema"]
    assert (
        document["vertex_labels"][0]["schema"] != plugin["vertex_labels"][0]["schema"]
    )  # not mutated


def test_a_manifest_without_labels_is_just_its_plugin_json():
    payload = build_payload(manifest_json(manifest("bare", "0.1.0")))
    with tarfile.open(fileobj=io.BytesIO(payload.data), mode="r:gz") as tar:
        assert tar.getnames() == ["bare/plugin.json"]


def test_the_cache_builds_each_version_once():
    calls = []
    cache = PayloadCache(size=1)
    text = manifest_json(manifest("alpha", "1.0.0"))

    def load() -> str:
        calls.append(1)
        return text

    assert cache.get("v1", load) is cache.get("v1", load)
    assert len(calls) == 1
    cache.get("v2", load)
    cache.get("v1", load)  # evicted by v2 (size 1): built again
    assert len(calls) == 3
