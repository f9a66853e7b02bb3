"""The manifest JSON Schema is the reference, and docs/manifest-reference.md agrees with it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from plugraph.manifests import ManifestInvalid, load_manifest, parse_manifest
from plugraph.manifests.documents import parse_yaml
from plugraph.manifests.manifest_schema import manifest_schema
from plugraph.manifests.model import RESERVED_EDGE_LABELS, RESERVED_LABELS
from tests.manifests.conftest import REPO_ROOT, WritePlugin

REFERENCE = (REPO_ROOT / "docs" / "manifest-reference.md").read_text(encoding="utf-8")


def _properties(node: Any, path: str = "") -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(where, property name, property schema) for every property the schema declares."""
    if isinstance(node, dict):
        for name, child in (node.get("properties") or {}).items():
            yield f"{path}/properties/{name}", name, child
        for key, child in node.items():
            yield from _properties(child, f"{path}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _properties(child, f"{path}/{index}")


def test_the_manifest_schema_is_valid_draft_2020_12():
    schema = manifest_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_property_of_the_manifest_schema_is_described():
    undescribed = [
        where for where, _, child in _properties(manifest_schema()) if "description" not in child
    ]
    assert undescribed == []


def test_every_object_of_the_manifest_schema_is_closed():
    def objects(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                yield path, node
            for key, child in node.items():
                yield from objects(child, f"{path}/{key}")
        elif isinstance(node, list):
            for index, child in enumerate(node):
                yield from objects(child, f"{path}/{index}")

    open_objects = [
        p for p, node in objects(manifest_schema()) if node.get("additionalProperties") is not False
    ]
    assert open_objects == []


def test_the_reference_documents_every_manifest_field():
    names = {name for _, name, _ in _properties(manifest_schema())}
    undocumented = sorted(name for name in names if f"`{name}`" not in REFERENCE)
    assert undocumented == []


def test_the_reference_lists_every_reserved_name():
    missing = [
        name for name in (*RESERVED_LABELS, *RESERVED_EDGE_LABELS) if f"`{name}`" not in REFERENCE
    ]
    assert missing == []


def test_the_annotated_example_in_the_reference_is_a_valid_manifest():
    section = REFERENCE.split("## A complete annotated example", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block is not None
    manifest = parse_manifest(parse_yaml(block.group(1)), source="docs example")
    assert manifest.slug == "sentry"
    used = {edge.on_delete for edge in manifest.edge_labels}
    assert used == {"restrict", "detach", "cascade"}


def test_the_error_report_shown_in_the_reference_is_what_the_loader_prints(
    write_plugin: WritePlugin,
):
    shown = REFERENCE.split("## Validation errors", 1)[1]
    block = re.search(r"```\n(.*?)```", shown, re.S)
    assert block is not None
    expected_lines = block.group(1).strip().splitlines()
    plugin = write_plugin(
        """
api_version: plugraph/v1
slug: acme-tools
name: Acme
version: 1.0.0
vertex_labels:
  - name: Widget
    schema: {$ref: schemas/widget.json}
    display: {title_field: nmae}
edge_labels:
  - name: PART_OF
    from_labels: [Widget]
    to_labels: [PROJECT]
""",
        files={
            "schemas/widget.json": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "size": {"type": ["string", "integer"]},
                    "parts": {
                        "type": "array",
                        "items": {"type": "object", "properties": {"a": {"type": "string"}}},
                    },
                },
            }
        },
    )
    with pytest.raises(ManifestInvalid) as caught:
        load_manifest(plugin)
    printed = str(caught.value).splitlines()
    assert printed[0].endswith("plugin.yaml is invalid (5 errors)")
    assert expected_lines[0].endswith("plugin.yaml is invalid (5 errors)")
    assert printed[1:] == expected_lines[1:]
