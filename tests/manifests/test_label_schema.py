"""Label schemas: only what a graph can store, refused with a pointer and a reason otherwise."""

from __future__ import annotations

from typing import Any

import pytest

from plugraph.errors import FieldError
from plugraph.manifests import ManifestInvalid, StoredProperty, parse_manifest, stored_properties
from plugraph.manifests.label_schema import analyse_schema
from tests.manifests.conftest import with_schema


def errors_for(properties: dict[str, Any], **schema: Any) -> list[tuple[str, str]]:
    """(pointer, message) of every problem of a schema with these properties, in a manifest."""
    document = with_schema({"type": "object", "properties": properties, **schema})
    with pytest.raises(ManifestInvalid) as caught:
        parse_manifest(document, source="plugin.json")
    return [(e.pointer, e.message) for e in caught.value.errors]


P = "/vertex_labels/0/schema/properties"


@pytest.mark.parametrize(
    ("properties", "expected"),
    [
        pytest.param(
            {
                "parts": {
                    "type": "array",
                    "items": {"type": "object", "properties": {"sku": {"type": "string"}}},
                }
            },
            [
                (
                    f"{P}/parts/items",
                    "arrays of objects cannot be stored in a graph property: declare a vertex label for the items and an edge to it",
                )
            ],
            id="array-of-objects",
        ),
        pytest.param(
            {"grid": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}}},
            [(f"{P}/grid/items", "arrays of arrays cannot be stored in a graph property")],
            id="array-of-arrays",
        ),
        pytest.param(
            {"tags": {"type": "array"}},
            [
                (
                    f"{P}/tags",
                    "declare the array's items (e.g. items: {type: string}): arrays are stored as lists of one scalar type",
                )
            ],
            id="array-without-items",
        ),
        pytest.param(
            {"pair": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}]}},
            [
                (
                    f"{P}/pair/prefixItems",
                    "tuples (prefixItems) cannot be stored: use items with one scalar type",
                )
            ],
            id="tuple",
        ),
        pytest.param(
            {"tags": {"type": "array", "items": {"type": ["string", "null"]}}},
            [(f"{P}/tags/items", "array items cannot be null: a graph list cannot hold null")],
            id="nullable-items",
        ),
        pytest.param(
            {"size": {"type": ["string", "integer"]}},
            [
                (
                    f"{P}/size/type",
                    "mixed types (string, integer) cannot be stored in one graph property: use one type",
                )
            ],
            id="mixed-type-list",
        ),
        pytest.param(
            {"size": {"anyOf": [{"type": "string"}, {"type": "integer"}]}},
            [
                (
                    f"{P}/size/anyOf",
                    "mixed types (string, integer) cannot be stored in one graph property: every anyOf alternative must have the same type",
                )
            ],
            id="anyOf-mixed",
        ),
        pytest.param(
            {
                "size": {
                    "oneOf": [{"type": "number"}, {"type": "array", "items": {"type": "number"}}]
                }
            },
            [
                (
                    f"{P}/size/oneOf",
                    "mixed types (number, array of number) cannot be stored in one graph property: every oneOf alternative must have the same type",
                )
            ],
            id="oneOf-scalar-or-array",
        ),
        pytest.param(
            {
                "contact": {
                    "oneOf": [
                        {"type": "object", "properties": {"a": {"type": "string"}}},
                        {"type": "string"},
                    ]
                }
            },
            [
                (
                    f"{P}/contact/oneOf/0",
                    "oneOf over objects cannot be flattened into graph properties: declare one object",
                )
            ],
            id="oneOf-objects",
        ),
        pytest.param(
            {"level": {"enum": ["low", 2]}},
            [
                (
                    f"{P}/level/enum",
                    "mixed types (string, integer) cannot be stored in one graph property: use values of one type",
                )
            ],
            id="enum-mixed",
        ),
        pytest.param(
            {"shape": {"enum": [{"a": 1}]}},
            [(f"{P}/shape/enum", "enum values must be scalars to be stored in a graph property")],
            id="enum-of-objects",
        ),
        pytest.param(
            {"anything": {}},
            [
                (
                    f"{P}/anything",
                    "declare a type: a property that accepts any value cannot be stored (use string, integer, number, boolean, array or object)",
                )
            ],
            id="untyped",
        ),
        pytest.param(
            {"nothing": {"type": "null"}},
            [(f"{P}/nothing/type", "a property that can only be null cannot be stored")],
            id="null-only",
        ),
        pytest.param(
            {"note": {"description": "no type"}},
            [
                (
                    f"{P}/note",
                    "declare the property's type: string, integer, number, boolean, array or object",
                )
            ],
            id="annotation-only",
        ),
        pytest.param(
            {"meta": {"type": "object"}},
            [(f"{P}/meta", "an object without properties stores nothing: declare its properties")],
            id="empty-object",
        ),
        pytest.param(
            {
                "meta": {
                    "type": "object",
                    "properties": {"a": {"type": "string"}},
                    "additionalProperties": {"type": "string"},
                }
            },
            [
                (
                    f"{P}/meta/additionalProperties",
                    "must be false: plugraph stores only declared properties (leave additionalProperties out and objects are closed)",
                )
            ],
            id="open-object",
        ),
        pytest.param(
            {
                "labels": {
                    "type": "object",
                    "properties": {"a": {"type": "string"}},
                    "patternProperties": {"^x-": {"type": "string"}},
                }
            },
            [
                (
                    f"{P}/labels/patternProperties",
                    "patternProperties cannot be stored: declare every property under properties",
                )
            ],
            id="pattern-properties",
        ),
        pytest.param(
            {"ref": {"$ref": "https://example.com/address.json"}},
            [
                (
                    f"{P}/ref/$ref",
                    "remote $ref https://example.com/address.json is not supported: a label schema must be self-contained (use local references such as #/$defs/name)",
                )
            ],
            id="remote-ref",
        ),
        pytest.param(
            {"ref": {"$ref": "address.json"}},
            [
                (
                    f"{P}/ref/$ref",
                    "$ref address.json points at another file: inside a label schema only local references such as #/$defs/name are supported",
                )
            ],
            id="file-ref-inside-schema",
        ),
        pytest.param(
            {"ref": {"$ref": "#/$defs/missing"}},
            [(f"{P}/ref/$ref", "$ref #/$defs/missing does not resolve to anything in this schema")],
            id="dangling-ref",
        ),
        pytest.param(
            {"zip": {"type": "string", "format": "postal-code"}},
            [
                (
                    f"{P}/zip/format",
                    "format 'postal-code' is not checked by plugraph: use one of date, date-time, email, ipv4, ipv6, time, uri, uuid, or a pattern",
                )
            ],
            id="unchecked-format",
        ),
        pytest.param(
            {"first-name": {"type": "string"}},
            [
                (
                    f"{P}/first-name",
                    "the property name 'first-name' must match ^[a-z][A-Za-z0-9_]*$ (it becomes a graph property name)",
                )
            ],
            id="name-with-hyphen",
        ),
        pytest.param(
            {"owner.email": {"type": "string"}},
            [
                (
                    f"{P}/owner.email",
                    "the property name 'owner.email' must match ^[a-z][A-Za-z0-9_]*$ (it becomes a graph property name)",
                )
            ],
            id="name-with-dot",
        ),
        pytest.param(
            {"Name": {"type": "string"}},
            [
                (
                    f"{P}/Name",
                    "the property name 'Name' must match ^[a-z][A-Za-z0-9_]*$ (it becomes a graph property name)",
                )
            ],
            id="name-capitalised",
        ),
        pytest.param(
            {"a/b": {"type": "string"}},
            [
                (
                    f"{P}/a~1b",
                    "the property name 'a/b' must match ^[a-z][A-Za-z0-9_]*$ (it becomes a graph property name)",
                )
            ],
            id="name-escaped-in-pointer",
        ),
        pytest.param(
            {"_org": {"type": "string"}},
            [(f"{P}/_org", "names starting with _ are reserved for plugraph's system properties")],
            id="system-name",
        ),
        pytest.param(
            {"id": {"type": "string"}},
            [(f"{P}/id", "'id' is reserved: plugraph assigns every entity its id")],
            id="id",
        ),
        pytest.param(
            {"owner": {"type": "object", "properties": {"_hidden": {"type": "string"}}}},
            [
                (
                    f"{P}/owner/properties/_hidden",
                    "names starting with _ are reserved for plugraph's system properties",
                )
            ],
            id="nested-system-name",
        ),
        pytest.param(
            {"x" * 64: {"type": "string"}},
            [(f"{P}/{'x' * 64}", "property names are at most 63 characters long")],
            id="name-too-long",
        ),
    ],
)
def test_unstorable_properties_are_refused_with_pointer_and_reason(
    properties: dict[str, Any], expected: list[tuple[str, str]]
):
    assert errors_for(properties) == expected


def test_a_nested_id_is_allowed():
    fields = stored_properties(
        {
            "type": "object",
            "properties": {"owner": {"type": "object", "properties": {"id": {"type": "string"}}}},
        }
    )
    assert list(fields) == ["owner.id"]


def test_top_level_must_be_an_object():
    document = with_schema({"type": "array", "items": {"type": "string"}})
    with pytest.raises(ManifestInvalid) as caught:
        parse_manifest(document, source="plugin.json")
    assert [(e.pointer, e.message) for e in caught.value.errors] == [
        (
            "/vertex_labels/0/schema/type",
            'a label schema must have "type": "object" at the top level',
        )
    ]


def test_required_must_name_declared_properties():
    assert errors_for({"name": {"type": "string"}}, required=["name", "nmae"]) == [
        (
            "/vertex_labels/0/schema/required/1",
            "names 'nmae', which is not declared under properties",
        )
    ]


def test_another_draft_is_refused():
    assert errors_for(
        {"name": {"type": "string"}}, **{"$schema": "http://json-schema.org/draft-07/schema#"}
    ) == [
        (
            "/vertex_labels/0/schema/$schema",
            "label schemas are JSON Schema 2020-12: remove $schema or set it to https://json-schema.org/draft/2020-12/schema",
        )
    ]


def test_the_label_schema_must_itself_be_valid_json_schema():
    assert errors_for(
        {"name": {"type": "text"}, "size": {"type": "integer", "minimum": "one"}}
    ) == [
        (
            f"{P}/name/type",
            'does not match any of the allowed forms: must be one of: "array", "boolean", "integer", "null", '
            '"number", "object", "string"; or must be an array',
        ),
        (f"{P}/size/minimum", "must be a number"),
    ]


def test_an_invalid_regular_expression_is_refused():
    assert errors_for({"code": {"type": "string", "pattern": "^[a-z"}}) == [
        (f"{P}/code/pattern", "must be a regular expression")
    ]


def test_references_are_checked_everywhere_not_only_on_properties():
    # jsonschema resolves references lazily: a remote one under "not" would otherwise
    # surface as a crash on the first entity that reached it.
    assert errors_for(
        {"name": {"type": "string", "not": {"$ref": "https://example.com/banned.json"}}}
    ) == [
        (
            f"{P}/name/not/$ref",
            "remote $ref https://example.com/banned.json is not supported: a label schema must be self-contained (use local references such as #/$defs/name)",
        )
    ]


def test_recursive_schemas_are_refused():
    schema = {
        "type": "object",
        "properties": {"root": {"$ref": "#/$defs/node"}},
        "$defs": {
            "node": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "child": {"$ref": "#/$defs/node"}},
            }
        },
    }
    analysis = analyse_schema(schema, file="plugin.yaml", base="/s")
    assert analysis.errors == (
        FieldError(
            "/s/$defs/node/properties/child",
            "recursive schemas cannot be flattened into graph properties",
            "plugin.yaml",
        ),
    )
    alias = {
        "type": "object",
        "properties": {"a": {"$ref": "#/$defs/a"}},
        "$defs": {"a": {"$ref": "#/$defs/a"}},
    }
    assert [(e.pointer, e.message) for e in analyse_schema(alias).errors] == [
        ("/$defs/a/$ref", "recursive $ref cannot be flattened into graph properties")
    ]


def test_stored_properties_describe_every_graph_property_in_schema_order():
    schema = {
        "type": "object",
        "required": ["name", "owner", "status"],
        "properties": {
            "name": {"type": "string", "maxLength": 50},
            "status": {"enum": ["ACTIVE", "SUSPENDED", None]},
            "score": {"type": ["number", "null"]},
            "email": {"anyOf": [{"type": "string", "format": "email"}, {"type": "null"}]},
            "tags": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}},
            "owner": {
                "type": "object",
                "required": ["contact"],
                "properties": {
                    "team": {"type": "string"},
                    "contact": {"$ref": "#/$defs/contact"},
                },
            },
            "since": {"allOf": [{"type": "string", "format": "date"}, {"minLength": 10}]},
        },
        "$defs": {
            "contact": {
                "type": "object",
                "required": ["email"],
                "properties": {
                    "email": {"type": "string", "format": "email"},
                    "phone": {"type": "string"},
                },
            }
        },
    }
    assert stored_properties(schema) == {
        "name": StoredProperty("name", "string", required=True),
        "status": StoredProperty("status", "string", enum=("ACTIVE", "SUSPENDED")),  # nullable
        "score": StoredProperty("score", "number"),
        "email": StoredProperty("email", "string", format="email"),
        "tags": StoredProperty("tags", "string", array=True, enum=("a", "b")),
        "owner.team": StoredProperty("owner.team", "string"),
        "owner.contact.email": StoredProperty(
            "owner.contact.email", "string", required=True, format="email"
        ),
        "owner.contact.phone": StoredProperty("owner.contact.phone", "string"),
        "since": StoredProperty("since", "string", format="date"),
    }


def test_same_typed_alternatives_and_enums_without_type_are_storable():
    schema = {
        "type": "object",
        "properties": {
            "link": {
                "anyOf": [
                    {"type": "string", "format": "email"},
                    {"type": "string", "format": "uri"},
                ]
            },
            "level": {"enum": [1, 2, 3]},
            "flag": {"const": True},
        },
    }
    assert stored_properties(schema) == {
        "link": StoredProperty("link", "string"),
        "level": StoredProperty("level", "integer", enum=(1, 2, 3)),
        "flag": StoredProperty("flag", "boolean", enum=(True,)),
    }


def test_stored_properties_refuses_an_unstorable_schema():
    with pytest.raises(
        ValueError, match=r"^schema is not storable: /properties/size/type: mixed types"
    ):
        stored_properties(
            {"type": "object", "properties": {"size": {"type": ["string", "integer"]}}}
        )


def test_analysis_leaves_the_input_untouched_and_closes_every_object_of_its_copy():
    schema = {
        "type": "object",
        "properties": {"owner": {"$ref": "#/$defs/person"}},
        "$defs": {"person": {"type": "object", "properties": {"name": {"type": "string"}}}},
    }
    analysis = analyse_schema(schema)
    assert analysis.errors == ()
    assert "additionalProperties" not in schema
    assert analysis.schema["additionalProperties"] is False
    assert analysis.schema["$defs"]["person"]["additionalProperties"] is False
    assert analysis.objects == frozenset({"owner"})
    assert analysis.declared == frozenset({"owner", "owner.name"})
