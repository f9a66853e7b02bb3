"""Checks across fields: names, display and index fields, endpoints, delete rules, scopes."""

from __future__ import annotations

from typing import Any

import pytest

from plugraph.manifests import ManifestInvalid, parse_manifest
from tests.manifests.conftest import minimal_manifest, with_schema

WIDGET_SCHEMA = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string"},
        "status": {"type": "string", "enum": ["on", "off"]},
        "notes": {"type": "string"},
        "count": {"type": "integer"},
        "ready": {"type": "boolean"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "colours": {"type": "array", "items": {"type": "string", "enum": ["red", "blue"]}},
        "owner": {"type": "object", "properties": {"email": {"type": "string", "format": "email"}}},
    },
}


def problems(document: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ManifestInvalid) as caught:
        parse_manifest(document, source="plugin.json")
    return [(e.pointer, e.message) for e in caught.value.errors]


def widget(**label: Any) -> dict[str, Any]:
    return with_schema(WIDGET_SCHEMA, **label)


def edge(**fields: Any) -> dict[str, Any]:
    return {"name": "LINKS", "from_labels": ["Widget"], "to_labels": ["Widget"], **fields}


def test_display_fields_may_name_nested_properties_and_fitting_widgets():
    manifest = parse_manifest(
        widget(
            display={
                "title_field": "name",
                "list_columns": ["name", "owner.email", "tags"],
                "field_order": ["name", "owner", "owner.email"],
                "widgets": {
                    "notes": "textarea",
                    "status": "select",
                    "ready": "radio",
                    "count": "updown",
                    "colours": "checkboxes",
                    "owner.email": "email",
                    "tags": "hidden",
                },
            },
            indexes=[{"fields": ["owner.email"]}, {"fields": ["name", "status"], "unique": True}],
        ),
        source="plugin.json",
    )
    assert manifest.vertex_labels[0].display.widgets["owner.email"] == "email"


def test_display_fields_must_be_fitting_properties():
    assert problems(
        widget(
            display={
                "title_field": "owner",
                "list_columns": ["name", "owner", "nmae"],
                "field_order": ["missing"],
                "widgets": {
                    "owner": "text",
                    "count": "textarea",
                    "notes": "select",
                    "tags": "checkboxes",
                    "name": "checkbox",
                    "status": "updown",
                    "Bad": "text",
                },
            }
        )
    ) == [
        ("/vertex_labels/0/display/field_order/0", "'missing' is not a property of the schema"),
        (
            "/vertex_labels/0/display/list_columns/1",
            "'owner' is an object: list its properties instead (e.g. owner.name)",
        ),
        (
            "/vertex_labels/0/display/list_columns/2",
            "'nmae' is not a property of the schema: did you mean 'name'?",
        ),
        (
            "/vertex_labels/0/display/title_field",
            "'owner' is an object: name one of its properties (e.g. owner.name)",
        ),
        (
            "/vertex_labels/0/display/widgets/Bad",
            "is not an allowed property name: must be a property name, or a dot path to a property of a nested object (e.g. owner.email)",
        ),
        (
            "/vertex_labels/0/display/widgets/count",
            "the textarea widget works on strings, and 'count' is an integer",
        ),
        (
            "/vertex_labels/0/display/widgets/name",
            "the checkbox widget works on booleans, and 'name' is a string",
        ),
        (
            "/vertex_labels/0/display/widgets/notes",
            "the select widget works on properties with an enum, and 'notes' is a string without an enum",
        ),
        (
            "/vertex_labels/0/display/widgets/owner",
            "'owner' is an object: widgets apply to its properties",
        ),
        (
            "/vertex_labels/0/display/widgets/status",
            "the updown widget works on integers and numbers, and 'status' is a string",
        ),
        (
            "/vertex_labels/0/display/widgets/tags",
            "the checkboxes widget works on arrays whose items have an enum, and 'tags' is an array of strings without an enum",
        ),
    ]


def test_a_title_must_be_a_single_value():
    assert problems(widget(display={"title_field": "tags"})) == [
        ("/vertex_labels/0/display/title_field", "'tags' is an array: a title is one value")
    ]


def test_index_fields_must_be_declared_scalars_and_indexes_distinct():
    assert problems(
        widget(
            indexes=[
                {"fields": ["name"], "unique": True},
                {"fields": ["tags"]},
                {"fields": ["owner"]},
                {"fields": ["name"]},
                {"fields": ["weight", "owner.email"]},
            ]
        )
    ) == [
        (
            "/vertex_labels/0/indexes/1/fields/0",
            "'tags' is an array: only single values can be indexed",
        ),
        (
            "/vertex_labels/0/indexes/2/fields/0",
            "'owner' is an object: index its properties (e.g. owner.<name>)",
        ),
        (
            "/vertex_labels/0/indexes/3",
            "the same fields are already indexed at /vertex_labels/0/indexes/0: declare each index once (a unique index also serves lookups)",
        ),
        ("/vertex_labels/0/indexes/4/fields/0", "'weight' is not a property of the schema"),
    ]


def test_a_field_refused_by_the_schema_check_is_not_reported_twice():
    document = with_schema(
        {"type": "object", "properties": {"size": {"type": ["string", "integer"]}}},
        display={"title_field": "size"},
        indexes=[{"fields": ["size"]}],
    )
    assert problems(document) == [
        (
            "/vertex_labels/0/schema/properties/size/type",
            "mixed types (string, integer) cannot be stored in one graph property: use one type",
        )
    ]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        (
            "Org",
            "'Org' is reserved: Org is a core anchor owned by the host (plugins attach edges to it but cannot declare it)",
        ),
        (
            "PROJECT",
            "'PROJECT' is reserved: Project is a core anchor owned by the host (plugins attach edges to it but cannot declare it)",
        ),
        ("AuditEvent", "'AuditEvent' is reserved for plugraph's own data: choose another name"),
        ("Marketplace", "'Marketplace' is reserved for plugraph's own data: choose another name"),
        (
            "PluginSettings",
            "'PluginSettings' is reserved for plugraph's own data: choose another name",
        ),
        (
            "PLUGRAPHThing",
            "'PLUGRAPHThing' is reserved for plugraph's own data: choose another name",
        ),
    ],
)
def test_reserved_vertex_label_names_are_refused(name: str, reason: str):
    assert problems(
        minimal_manifest(
            vertex_labels=[
                {
                    "name": name,
                    "schema": {"type": "object", "properties": {"a": {"type": "string"}}},
                }
            ]
        )
    ) == [("/vertex_labels/0/name", reason)]


def test_edge_names_must_be_unique_and_not_reserved():
    assert problems(minimal_manifest(edge_labels=[edge(), edge(), edge(name="MEMBER_OF")])) == [
        ("/edge_labels/1/name", "duplicate edge label 'LINKS': already declared at /edge_labels/0"),
        (
            "/edge_labels/2/name",
            "'MEMBER_OF' is one of plugraph's own relationship types: choose another name",
        ),
    ]


def test_edge_endpoints_are_anchors_own_labels_or_declared_foreign_labels():
    document = minimal_manifest(
        edge_labels=[
            edge(
                from_labels=["Widget", "Team"], to_labels=["Project", "Environment", "Org", "User"]
            ),
            edge(name="TYPO", to_labels=["Widgets", "Enviroment"]),
            edge(name="SYSTEM", to_labels=["AuditEvent"]),
            edge(name="FOREIGN", to_labels=["GithubRepository"]),
        ]
    )
    assert problems(document) == [
        ("/edge_labels/1/to_labels/0", "unknown label 'Widgets': did you mean 'Widget'?"),
        ("/edge_labels/1/to_labels/1", "unknown label 'Enviroment': did you mean 'Environment'?"),
        (
            "/edge_labels/2/to_labels/0",
            "'AuditEvent' is one of plugraph's system labels: edges cannot attach to it",
        ),
        (
            "/edge_labels/3/to_labels/0",
            "'GithubRepository' is neither a core anchor nor declared by this plugin: if another plugin declares it, "
            "list the plugin that declares it under dependencies and request entities:read:GithubRepository in permissions",
        ),
    ]


def test_an_edge_to_another_plugins_label_needs_a_dependency_and_read_permission():
    document = minimal_manifest(
        edge_labels=[edge(name="PAGES_FOR", to_labels=["GithubRepository"])],
        permissions=["entities:read:GithubRepository"],
        dependencies=[{"slug": "github", "version": ">=1.0.0,<2.0.0"}],
    )
    manifest = parse_manifest(document, source="plugin.json")
    assert manifest.edge_labels[0].to_labels == ("GithubRepository",)


def test_cascade_only_deletes_this_plugins_own_entities():
    document = minimal_manifest(
        edge_labels=[
            edge(name="OWNS_PART", on_delete="cascade"),
            edge(name="TO_ANCHOR", to_labels=["Widget", "Project"], on_delete="cascade"),
            edge(name="TO_FOREIGN", to_labels=["GithubRepository"], on_delete="cascade"),
        ],
        permissions=["entities:read:GithubRepository"],
        dependencies=[{"slug": "github", "version": ">=1"}],
    )
    assert problems(document) == [
        (
            "/edge_labels/1/on_delete",
            "cascade deletes the targets, so every target label must be declared by this plugin "
            "(core anchors and other plugins' entities are never cascaded): 'Project' is not; use detach or restrict",
        ),
        (
            "/edge_labels/2/on_delete",
            "cascade deletes the targets, so every target label must be declared by this plugin "
            "(core anchors and other plugins' entities are never cascaded): 'GithubRepository' is not; use detach or restrict",
        ),
    ]


def test_edge_properties_follow_the_label_schema_rules_and_display_checks():
    document = minimal_manifest(
        edge_labels=[
            edge(
                schema={
                    "type": "object",
                    "properties": {
                        "role": {"type": "string", "enum": ["a"]},
                        "_since": {"type": "string"},
                    },
                },
                display={"list_columns": ["role", "since"]},
            ),
            edge(name="BARE", display={"list_columns": ["role"], "icon": "link"}),
        ]
    )
    assert problems(document) == [
        ("/edge_labels/0/display/list_columns/1", "'since' is not a property of the schema"),
        (
            "/edge_labels/0/schema/properties/_since",
            "names starting with _ are reserved for plugraph's system properties",
        ),
        (
            "/edge_labels/1/display/list_columns/0",
            "'role' is not a property of the schema (the edge label declares no schema)",
        ),
    ]


def test_edge_properties_are_closed_in_the_model():
    document = minimal_manifest(
        edge_labels=[edge(schema={"type": "object", "properties": {"role": {"type": "string"}}})]
    )
    manifest = parse_manifest(document, source="plugin.json")
    assert manifest.edge_labels[0].json_schema == {
        "type": "object",
        "properties": {"role": {"type": "string"}},
        "additionalProperties": False,
    }


def test_permissions_may_not_name_plugraphs_own_data():
    document = minimal_manifest(
        permissions=[
            "entities:read:Project",
            "entities:write:ApiToken",
            "edges:read:HAS_VERSION",
            "edges:write:MAPS_TO",
        ]
    )
    assert problems(document) == [
        (
            "/permissions/1",
            "'ApiToken' is part of plugraph's own data, which plugins cannot be granted",
        ),
        (
            "/permissions/2",
            "'HAS_VERSION' is part of plugraph's own data, which plugins cannot be granted",
        ),
    ]


def test_permissions_are_listed_once():
    assert problems(
        minimal_manifest(permissions=["entities:read:Project", "entities:read:Project"])
    ) == [("/permissions", "must not contain duplicate items")]


def test_dependencies_are_other_plugins_listed_once():
    document = minimal_manifest(
        dependencies=[
            {"slug": "github", "version": ">=1.0.0"},
            {"slug": "acme", "version": ">=1.0.0"},
            {"slug": "github", "version": "<3"},
        ]
    )
    assert problems(document) == [
        ("/dependencies/1/slug", "a plugin cannot depend on itself"),
        (
            "/dependencies/2/slug",
            "duplicate dependency on 'github': already listed at /dependencies/0",
        ),
    ]


@pytest.mark.parametrize("value", ["1/second", "100/minute", "5000/hour", "100000/day"])
def test_rate_limits(value: str):
    assert (
        parse_manifest(minimal_manifest(rate_limit=value), source="plugin.json").rate_limit == value
    )


@pytest.mark.parametrize(
    "value", ["0/minute", "100/min", "100 per minute", "-1/hour", "1.5/second"]
)
def test_bad_rate_limits(value: str):
    assert problems(minimal_manifest(rate_limit=value)) == [
        ("/rate_limit", "must be <count>/<second|minute|hour|day>, e.g. 100/minute")
    ]


@pytest.mark.parametrize(
    "version", ["0.0.1", "1.0.0", "2.1.0-beta.1", "1.0.0+build.5", "10.20.30-rc.1+sha.abc"]
)
def test_semantic_versions(version: str):
    assert (
        parse_manifest(minimal_manifest(version=version), source="plugin.json").version == version
    )


@pytest.mark.parametrize("version", ["1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0.0"])
def test_bad_versions(version: str):
    assert problems(minimal_manifest(version=version)) == [
        ("/version", "must be a semantic version such as 1.0.0 or 2.1.0-beta.1")
    ]
