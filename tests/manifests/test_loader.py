"""Loading manifests: every error at once, each with file, JSON pointer and reason."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from plugraph.errors import FieldError, ValidationFailed
from plugraph.manifests import ManifestInvalid, discover_manifests, load_manifest, parse_manifest
from tests.manifests.conftest import WritePlugin, located, messages, minimal_manifest

MANY_MISTAKES = """
api_version: plugraph/v2
slug: acme
name: ""
version: "1.0"
colour: blue
vertex_labels:
  - name: Widget
    schema:
      type: object
      required: [name, size]
      properties:
        name: {type: string}
        id: {type: string}
        size: {type: [string, integer]}
        parts: {type: array, items: {type: object, properties: {sku: {type: string}}}}
    display:
      title_field: nmae
      list_columns: [name, colour]
      widgets: {name: checkbox}
    indexes:
      - fields: [name]
        unique: true
      - fields: [weight]
  - name: Widget
    schema: {type: object, properties: {label: {type: string}}}
  - name: Team
    schema: {$ref: schemas/team.json}
  - name: gadget
    schema: {$ref: schemas/gadget.json}
edge_labels:
  - name: PART_OF
    from_labels: [Widget]
    to_labels: [PROJECT]
    on_delete: explode
  - name: USES
    from_labels: [Widget]
    to_labels: [Project]
    on_delete: cascade
    cardinality: {max_per_source: 0}
permissions: ["entities:delete:Widget"]
dependencies:
  - {slug: acme, version: ">=1.0.0"}
rate_limit: 100/min
"""

GADGET_SCHEMA = {
    "type": "object",
    "properties": {
        "_secret": {"type": "string"},
        "owner": {
            "type": "object",
            "additionalProperties": True,
            "properties": {"email": {"type": "string", "format": "emial"}},
        },
        "source": {"$ref": "https://example.com/schemas/source.json"},
    },
}


def test_a_manifest_with_many_mistakes_reports_all_of_them_in_order(write_plugin: WritePlugin):
    plugin = write_plugin(MANY_MISTAKES, files={"schemas/gadget.json": GADGET_SCHEMA})

    with pytest.raises(ManifestInvalid) as caught:
        load_manifest(plugin)

    assert located(caught.value) == [
        ("plugin.yaml", "/api_version"),
        ("plugin.yaml", "/colour"),
        ("plugin.yaml", "/dependencies/0/slug"),
        ("plugin.yaml", "/edge_labels/0/on_delete"),
        ("plugin.yaml", "/edge_labels/0/to_labels/0"),
        ("plugin.yaml", "/edge_labels/1/cardinality/max_per_source"),
        ("plugin.yaml", "/edge_labels/1/on_delete"),
        ("plugin.yaml", "/name"),
        ("plugin.yaml", "/permissions/0"),
        ("plugin.yaml", "/rate_limit"),
        ("plugin.yaml", "/version"),
        ("plugin.yaml", "/vertex_labels/0/display/list_columns/1"),
        ("plugin.yaml", "/vertex_labels/0/display/title_field"),
        ("plugin.yaml", "/vertex_labels/0/display/widgets/name"),
        ("plugin.yaml", "/vertex_labels/0/indexes/1/fields/0"),
        ("plugin.yaml", "/vertex_labels/0/schema/properties/id"),
        ("plugin.yaml", "/vertex_labels/0/schema/properties/parts/items"),
        ("plugin.yaml", "/vertex_labels/0/schema/properties/size/type"),
        ("plugin.yaml", "/vertex_labels/1/name"),
        ("plugin.yaml", "/vertex_labels/2/name"),
        ("plugin.yaml", "/vertex_labels/2/schema/$ref"),
        ("plugin.yaml", "/vertex_labels/3/name"),
        ("schemas/gadget.json", "/properties/_secret"),
        ("schemas/gadget.json", "/properties/owner/additionalProperties"),
        ("schemas/gadget.json", "/properties/owner/properties/email/format"),
        ("schemas/gadget.json", "/properties/source/$ref"),
    ]
    reasons = messages(caught.value)
    assert reasons["/api_version"] == 'must be "plugraph/v1"'
    assert reasons["/colour"] == "is not a declared property"
    assert reasons["/dependencies/0/slug"] == "a plugin cannot depend on itself"
    assert reasons["/edge_labels/0/on_delete"] == 'must be one of: "restrict", "cascade", "detach"'
    assert (
        reasons["/edge_labels/0/to_labels/0"] == "unknown label 'PROJECT': did you mean 'Project'?"
    )
    assert (
        reasons["/edge_labels/1/cardinality/max_per_source"] == "must be greater than or equal to 1"
    )
    assert reasons["/edge_labels/1/on_delete"] == (
        "cascade deletes the targets, so every target label must be declared by this plugin "
        "(core anchors and other plugins' entities are never cascaded): 'Project' is not; "
        "use detach or restrict"
    )
    assert reasons["/name"] == "must be at least 1 character long"
    assert reasons["/permissions/0"].startswith("must be entities:<read|write>:<Label> or edges:")
    assert reasons["/rate_limit"] == "must be <count>/<second|minute|hour|day>, e.g. 100/minute"
    assert reasons["/version"] == "must be a semantic version such as 1.0.0 or 2.1.0-beta.1"
    assert reasons["/vertex_labels/0/display/list_columns/1"] == (
        "'colour' is not a property of the schema"
    )
    assert reasons["/vertex_labels/0/display/title_field"] == (
        "'nmae' is not a property of the schema: did you mean 'name'?"
    )
    assert reasons["/vertex_labels/0/display/widgets/name"] == (
        "the checkbox widget works on booleans, and 'name' is a string"
    )
    assert (
        reasons["/vertex_labels/0/indexes/1/fields/0"] == "'weight' is not a property of the schema"
    )
    assert reasons["/vertex_labels/0/schema/properties/id"] == (
        "'id' is reserved: plugraph assigns every entity its id"
    )
    assert reasons["/vertex_labels/0/schema/properties/parts/items"].startswith(
        "arrays of objects cannot be stored in a graph property"
    )
    assert reasons["/vertex_labels/0/schema/properties/size/type"] == (
        "mixed types (string, integer) cannot be stored in one graph property: use one type"
    )
    assert reasons["/vertex_labels/1/name"] == (
        "duplicate vertex label 'Widget': already declared at /vertex_labels/0"
    )
    assert reasons["/vertex_labels/2/name"].startswith(
        "'Team' is reserved: Team is a core anchor owned by the host"
    )
    assert reasons["/vertex_labels/2/schema/$ref"] == (
        "schemas/team.json does not exist in the plugin directory"
    )
    assert reasons["/vertex_labels/3/name"] == (
        "must start with an upper-case letter followed by letters, digits or underscores "
        "(e.g. AwsAccount)"
    )
    assert reasons["/properties/source/$ref"].startswith(
        "remote $ref https://example.com/schemas/source.json is not supported"
    )
    assert reasons["/properties/owner/properties/email/format"].startswith(
        "format 'emial' is not checked by plugraph: use one of date, date-time, email"
    )


def test_the_error_is_a_422_with_file_pointer_and_message_per_error(write_plugin: WritePlugin):
    plugin = write_plugin(minimal_manifest(version="one"))

    with pytest.raises(ValidationFailed) as caught:
        load_manifest(plugin)

    error = caught.value
    assert isinstance(error, ManifestInvalid)
    assert (error.status, error.code) == (422, "validation_failed")
    assert error.source == str(plugin / "plugin.yaml")
    assert error.message == f"plugin manifest {plugin / 'plugin.yaml'} is invalid (1 error)"
    assert [e.as_dict() for e in error.errors] == [
        {
            "pointer": "/version",
            "message": "must be a semantic version such as 1.0.0 or 2.1.0-beta.1",
            "file": "plugin.yaml",
        }
    ]


def test_a_json_manifest_is_accepted(write_plugin: WritePlugin):
    plugin = write_plugin(minimal_manifest(), fmt="json")
    manifest = load_manifest(plugin)
    assert manifest.slug == "acme"
    assert manifest == load_manifest(plugin / "plugin.json")


def test_a_schema_file_may_be_yaml_and_errors_point_into_it(write_plugin: WritePlugin):
    schema_yaml = "type: object\nproperties:\n  size: {type: [string, integer]}\n"
    plugin = write_plugin(
        minimal_manifest(vertex_labels=[{"name": "Widget", "schema": {"$ref": "widget.yaml"}}]),
        files={"widget.yaml": schema_yaml},
    )
    with pytest.raises(ManifestInvalid) as caught:
        load_manifest(plugin)
    assert located(caught.value) == [("widget.yaml", "/properties/size/type")]


def test_the_slug_must_equal_the_directory_name(write_plugin: WritePlugin):
    plugin = write_plugin(minimal_manifest(), directory="acme-tools")
    with pytest.raises(ManifestInvalid) as caught:
        load_manifest(plugin)
    assert messages(caught.value) == {
        "/slug": "must equal the name of the plugin's directory, 'acme-tools'"
    }


@pytest.mark.parametrize(
    ("ref", "reason"),
    [
        ("../outside.json", "../outside.json leaves the plugin directory"),
        ("schemas/../../outside.json", "schemas/../../outside.json leaves the plugin directory"),
        (
            "https://example.com/widget.json",
            "https://example.com/widget.json is a URL: a schema must be a file inside the plugin directory",
        ),
        (
            "file:///etc/passwd",
            "file:///etc/passwd is a URL: a schema must be a file inside the plugin directory",
        ),
        ("/etc/widget.json", "/etc/widget.json is absolute: give a path relative to the manifest"),
        ("C:/widget.json", "C:/widget.json is absolute: give a path relative to the manifest"),
        ("schemas\\widget.json", "schemas\\widget.json must use / as the path separator"),
        (
            "widget.json#/$defs/x",
            "widget.json#/$defs/x has a fragment: reference a whole file (use #/$defs/... inside it)",
        ),
        ("widget.txt", "widget.txt must be a .json, .yaml or .yml file"),
        ("missing.json", "missing.json does not exist in the plugin directory"),
        ("", "must be the relative path of a schema file, e.g. schemas/account.json"),
    ],
)
def test_bad_schema_references_are_refused(
    write_plugin: WritePlugin, tmp_path: Path, ref: str, reason: str
):
    (tmp_path / "plugins" / "outside.json").parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "plugins" / "outside.json").write_text('{"type": "object"}')
    plugin = write_plugin(
        minimal_manifest(vertex_labels=[{"name": "Widget", "schema": {"$ref": ref}}]),
        files={"widget.txt": "{}"},
    )
    with pytest.raises(ManifestInvalid) as caught:
        load_manifest(plugin)
    assert [e.as_dict() for e in caught.value.errors] == [
        {"pointer": "/vertex_labels/0/schema/$ref", "message": reason, "file": "plugin.yaml"}
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symbolic_link_out_of_the_plugin_directory_is_refused(
    write_plugin: WritePlugin, tmp_path: Path
):
    secret = tmp_path / "secret.json"
    secret.write_text('{"type": "object"}')
    plugin = write_plugin(
        minimal_manifest(vertex_labels=[{"name": "Widget", "schema": {"$ref": "link.json"}}])
    )
    (plugin / "link.json").symlink_to(secret)
    with pytest.raises(ManifestInvalid) as caught:
        load_manifest(plugin)
    assert messages(caught.value) == {
        "/vertex_labels/0/schema/$ref": "link.json leads out of the plugin directory (through a symbolic link)"
    }


def test_a_schema_file_that_does_not_parse_is_reported_at_its_own_file(write_plugin: WritePlugin):
    plugin = write_plugin(
        minimal_manifest(
            vertex_labels=[
                {"name": "Widget", "schema": {"$ref": "widget.json"}},
                {"name": "Gadget", "schema": {"$ref": "gadget.json"}},
            ]
        ),
        files={"widget.json": '{"type": "object",', "gadget.json": "[1, 2]"},
    )
    with pytest.raises(ManifestInvalid) as caught:
        load_manifest(plugin)
    assert [e.as_dict() for e in caught.value.errors] == [
        {"pointer": "", "message": "a schema file must hold a JSON object", "file": "gadget.json"},
        {
            "pointer": "",
            "message": "not valid JSON: Expecting property name enclosed in double quotes at line 1 column 19",
            "file": "widget.json",
        },
    ]


def test_a_posted_manifest_must_inline_its_schemas():
    document = minimal_manifest(
        vertex_labels=[{"name": "Widget", "schema": {"$ref": "widget.json"}}]
    )
    with pytest.raises(ManifestInvalid) as caught:
        parse_manifest(document, source="request body")
    assert [e.as_dict() for e in caught.value.errors] == [
        {
            "pointer": "/vertex_labels/0/schema/$ref",
            "message": "file references are only resolved for manifests loaded from a directory: inline the schema",
            "file": "request body",
        }
    ]


def test_a_posted_manifest_with_a_base_directory_resolves_references(tmp_path: Path):
    (tmp_path / "widget.json").write_text(
        json.dumps({"type": "object", "properties": {"name": {"type": "string"}}})
    )
    document = minimal_manifest(
        slug="anything", vertex_labels=[{"name": "Widget", "schema": {"$ref": "widget.json"}}]
    )
    manifest = parse_manifest(document, source="bundle/plugin.json", base_dir=tmp_path)
    widget = manifest.vertex_label("Widget")
    assert widget is not None
    assert widget.json_schema == {
        "type": "object",
        "properties": {"name": {"type": "string"}},
        "additionalProperties": False,
    }


def test_a_posted_document_that_is_not_an_object_is_refused():
    with pytest.raises(ManifestInvalid) as caught:
        parse_manifest(["not", "a", "manifest"], source="request body")  # type: ignore[arg-type]
    assert [e.as_dict() for e in caught.value.errors] == [
        {"pointer": "", "message": "must be an object", "file": "request body"}
    ]


def test_required_top_level_fields_are_reported_at_their_own_pointers():
    with pytest.raises(ManifestInvalid) as caught:
        parse_manifest({}, source="request body")
    assert located(caught.value) == [
        ("request body", "/api_version"),
        ("request body", "/name"),
        ("request body", "/slug"),
        ("request body", "/version"),
    ]
    assert {e.message for e in caught.value.errors} == {"is required"}


def test_yaml_syntax_errors_name_line_and_column(write_plugin: WritePlugin):
    plugin = write_plugin("api_version: plugraph/v1\nslug: acme\nname: [unclosed\n")
    with pytest.raises(ManifestInvalid) as caught:
        load_manifest(plugin)
    (error,) = caught.value.errors
    assert (error.file, error.pointer) == ("plugin.yaml", "")
    assert error.message.startswith("not valid YAML: ")
    assert "line 4 column 1" in error.message


def test_a_repeated_yaml_key_is_an_error_not_silently_overwritten(write_plugin: WritePlugin):
    plugin = write_plugin("api_version: plugraph/v1\nslug: acme\nslug: other\n")
    with pytest.raises(ManifestInvalid) as caught:
        load_manifest(plugin)
    assert [e.as_dict() for e in caught.value.errors] == [
        {
            "pointer": "",
            "message": "not valid YAML: the key 'slug' appears twice in one mapping at line 3 column 1",
            "file": "plugin.yaml",
        }
    ]


def test_a_directory_with_both_yaml_and_json_manifests_is_ambiguous(write_plugin: WritePlugin):
    plugin = write_plugin(minimal_manifest())
    write_plugin(minimal_manifest(), fmt="json")
    assert discover_manifests(plugin.parent) == [plugin / "plugin.yaml"]
    for path in (plugin, plugin / "plugin.yaml", plugin / "plugin.json"):
        with pytest.raises(ManifestInvalid) as caught:
            load_manifest(path)
        assert caught.value.errors[0].message.endswith("are both present: keep one")


def test_missing_manifests_are_reported(tmp_path: Path):
    with pytest.raises(ManifestInvalid) as caught:
        load_manifest(tmp_path)
    assert caught.value.errors == [
        FieldError("", "the directory has no plugin.yaml or plugin.json")
    ]
    with pytest.raises(ManifestInvalid) as caught:
        load_manifest(tmp_path / "nowhere" / "plugin.yaml")
    assert caught.value.errors == [FieldError("", "does not exist", "plugin.yaml")]
    other = tmp_path / "acme.yaml"
    other.write_text("{}")
    with pytest.raises(ManifestInvalid) as caught:
        load_manifest(other)
    assert caught.value.errors == [
        FieldError("", "a manifest file is named plugin.yaml or plugin.json", "acme.yaml")
    ]


def test_discover_skips_hidden_and_manifestless_directories(
    tmp_path: Path, write_plugin: WritePlugin
):
    write_plugin(minimal_manifest(slug="beta"), directory="beta")
    write_plugin(minimal_manifest(slug="alpha"), directory="alpha", fmt="json")
    write_plugin(minimal_manifest(), directory=".hidden")
    write_plugin(minimal_manifest(), directory="_drafts")
    (tmp_path / "plugins" / "empty").mkdir()
    (tmp_path / "plugins" / "README.md").write_text("not a plugin")
    found = discover_manifests(tmp_path / "plugins")
    assert [p.relative_to(tmp_path / "plugins").as_posix() for p in found] == [
        "alpha/plugin.json",
        "beta/plugin.yaml",
    ]
    with pytest.raises(NotADirectoryError):
        discover_manifests(tmp_path / "plugins" / "README.md")


def test_the_model_holds_the_resolved_closed_schema(write_plugin: WritePlugin):
    schema = {
        "type": "object",
        "properties": {"owner": {"type": "object", "properties": {"email": {"type": "string"}}}},
    }
    plugin = write_plugin(
        minimal_manifest(
            vertex_labels=[{"name": "Widget", "schema": {"$ref": "schemas/widget.json"}}]
        ),
        files={"schemas/widget.json": schema},
    )
    widget = load_manifest(plugin).vertex_label("Widget")
    assert widget is not None
    assert widget.json_schema == {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "owner": {
                "type": "object",
                "additionalProperties": False,
                "properties": {"email": {"type": "string"}},
            }
        },
    }


def test_errors_without_a_file_belong_to_the_manifest_and_come_first():
    error = ManifestInvalid(
        "request body",
        [
            FieldError("", "a schema file must hold a JSON object", "schemas/a.json"),
            FieldError("/slug", "must be 'acme' (the URL's plugin)"),
            FieldError("/name", "is required", "request body"),
        ],
    )
    assert located(error) == [("request body", "/name"), (None, "/slug"), ("schemas/a.json", "")]
    assert str(error).splitlines() == [
        "plugin manifest request body is invalid (3 errors)",
        "  request body /name: is required",
        "  /slug: must be 'acme' (the URL's plugin)",
        "  schemas/a.json (document): a schema file must hold a JSON object",
    ]
