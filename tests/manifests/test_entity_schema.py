"""Entity validation: compiled once, every error with the JSON pointer of the culprit."""

from __future__ import annotations

from typing import Any

import pytest

from plugraph.errors import FieldError
from plugraph.manifests import CHECKED_FORMATS, compile_entity_schema, load_manifest, schema_errors
from tests.manifests.conftest import EXAMPLES

ACCOUNT = {
    "type": "object",
    "additionalProperties": False,
    "required": ["accountId", "name", "status"],
    "properties": {
        "accountId": {"type": "string", "pattern": "^\\d{12}$"},
        "name": {"type": "string", "minLength": 1, "maxLength": 50},
        "status": {"type": "string", "enum": ["ACTIVE", "SUSPENDED"]},
        "email": {"type": "string", "format": "email"},
        "joined": {"type": "string", "format": "date-time"},
        "size": {"type": "integer", "minimum": 1},
        "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        "owner": {
            "type": "object",
            "additionalProperties": False,
            "required": ["email"],
            "properties": {
                "name": {"type": "string"},
                "email": {"type": "string", "format": "email"},
            },
        },
    },
}
VALIDATOR = compile_entity_schema(ACCOUNT)


def pointers(document: Any) -> list[tuple[str, str]]:
    return [(e.pointer, e.message) for e in schema_errors(VALIDATOR, document)]


def test_a_valid_document_has_no_errors():
    document = {
        "accountId": "123456789012",
        "name": "prod",
        "status": "ACTIVE",
        "email": "root@example.com",
        "joined": "2024-05-01T12:00:00Z",
        "tags": ["a", "b"],
        "owner": {"email": "ana@example.com"},
    }
    assert schema_errors(VALIDATOR, document) == []


def test_missing_required_properties_are_reported_at_each_property():
    assert pointers({"name": "prod", "owner": {}}) == [
        ("/accountId", "is required"),
        ("/owner/email", "is required"),
        ("/status", "is required"),
    ]


def test_each_undeclared_property_is_reported_at_itself():
    document = {
        "accountId": "123456789012",
        "name": "x",
        "status": "ACTIVE",
        "colour": "red",
        "owner": {"email": "a@b.co", "phone": "1"},
        "zeta": 1,
    }
    assert pointers(document) == [
        ("/colour", "is not a declared property"),
        ("/owner/phone", "is not a declared property"),
        ("/zeta", "is not a declared property"),
    ]


def test_type_format_pattern_and_bounds_errors_point_at_the_value_without_echoing_it():
    document = {
        "accountId": "12345",
        "name": "",
        "status": "GONE",
        "email": "hunter2-not-an-email",
        "joined": "yesterday",
        "size": "3",
        "tags": ["a", "a", 7],
        "owner": {"email": "ana.example.com"},
    }
    errors = pointers(document)
    assert errors == [
        ("/accountId", "must match the pattern ^\\d{12}$"),
        ("/email", "must be an email address"),
        ("/joined", "must be a date-time (RFC 3339, e.g. 2024-05-01T12:00:00Z)"),
        ("/name", "must be at least 1 character long"),
        ("/owner/email", "must be an email address"),
        ("/size", "must be an integer"),
        ("/status", 'must be one of: "ACTIVE", "SUSPENDED"'),
        ("/tags", "must not contain duplicate items"),
        ("/tags/2", "must be a string"),
    ]
    assert not any("hunter2" in message for _, message in errors)


def test_a_document_that_is_not_an_object_is_one_error_at_the_root():
    assert pointers(["not", "an", "object"]) == [("", "must be an object")]


def test_pointers_escape_slash_and_tilde():
    validator = compile_entity_schema(
        {"type": "object", "properties": {"a/b": {"type": "string"}, "c~d": {"type": "string"}}}
    )
    assert schema_errors(validator, {"a/b": 1, "c~d": 2}) == [
        FieldError("/a~1b", "must be a string"),
        FieldError("/c~0d", "must be a string"),
    ]


def test_a_schema_can_word_its_own_messages():
    validator = compile_entity_schema(
        {
            "type": "object",
            "required": ["accountId"],
            "errorMessage": {"required": "every account needs its number"},
            "properties": {
                "accountId": {
                    "type": "string",
                    "pattern": "^\\d{12}$",
                    "errorMessage": {"pattern": "must be the 12-digit AWS account number"},
                },
                "region": {
                    "type": "string",
                    "enum": ["eu-west-1"],
                    "errorMessage": "must be an AWS region we operate in",
                },
            },
        }
    )
    assert schema_errors(validator, {"region": "mars-1"}) == [
        FieldError("/accountId", "every account needs its number"),
        FieldError("/region", "must be an AWS region we operate in"),
    ]
    assert schema_errors(validator, {"accountId": "1", "region": "eu-west-1"}) == [
        FieldError("/accountId", "must be the 12-digit AWS account number")
    ]


def test_alternatives_say_what_each_alternative_wanted():
    validator = compile_entity_schema(
        {
            "type": "object",
            "properties": {
                "link": {
                    "anyOf": [
                        {"type": "string", "format": "email"},
                        {"type": "string", "format": "uri"},
                    ]
                }
            },
        }
    )
    assert schema_errors(validator, {"link": "nope"}) == [
        FieldError(
            "/link",
            "does not match any of the allowed forms: must be an email address; or must be an absolute URI (e.g. https://example.com/x)",
        )
    ]


FORMAT_CASES = {
    "date": (["2024-02-29", "1999-12-31"], ["2023-02-29", "2024-1-01", "2024-01-01T00:00:00Z"]),
    "date-time": (
        ["2024-05-01T12:00:00Z", "2024-05-01T14:00:00.250+02:00", "2024-05-01t12:00:00z"],
        [
            "2024-05-01 12:00:00Z",
            "2024-05-01T12:00:00",
            "2024-05-01T25:00:00Z",
            "2024-13-01T00:00:00Z",
        ],
    ),
    "time": (["12:00:00Z", "23:59:59.5+01:00"], ["12:00", "24:00:00Z"]),
    "email": (
        ["ana@example.com", "a.b+c@mail.example.co.uk"],
        ["ana@localhost", "ana@@example.com", "ana example@x.com", "ana@-x.com"],
    ),
    "uri": (
        ["https://example.com/x?y=1", "mailto:a@example.com", "urn:isbn:0451450523"],
        ["example.com", "https://", "/relative/path", "https://exa mple.com", "http://[::1"],
    ),
    "uuid": (
        ["123e4567-e89b-12d3-a456-426614174000"],
        ["123e4567e89b12d3a456426614174000", "not-a-uuid"],
    ),
    "ipv4": (["10.0.0.1"], ["10.0.0.256", "010.0.0.1"]),
    "ipv6": (["2001:db8::1", "::1"], ["2001:db8::g", "1::1::"]),
}


def test_every_checked_format_has_cases():
    assert set(FORMAT_CASES) == CHECKED_FORMATS


@pytest.mark.parametrize("fmt", sorted(FORMAT_CASES))
def test_formats_are_asserted(fmt: str):
    validator = compile_entity_schema(
        {"type": "object", "properties": {"v": {"type": "string", "format": fmt}}}
    )
    good, bad = FORMAT_CASES[fmt]
    bad = [
        *bad,
        *(value + "\n" for value in good),
    ]  # Python's $ also matches before a final newline
    assert [value for value in good if schema_errors(validator, {"v": value})] == []
    assert [value for value in bad if not schema_errors(validator, {"v": value})] == []


def test_formats_do_not_apply_to_other_types():
    validator = compile_entity_schema(
        {"type": "object", "properties": {"v": {"type": ["string", "integer"], "format": "date"}}}
    )
    assert schema_errors(validator, {"v": 3}) == []


def test_a_compiled_validator_is_reusable_for_many_documents():
    account = load_manifest(EXAMPLES / "aws-iam-ic").vertex_label("AwsAccount")
    assert account is not None
    validator = compile_entity_schema(account.json_schema)
    good = {
        "accountId": "123456789012",
        "name": "prod",
        "email": "root@example.com",
        "status": "ACTIVE",
    }
    for _ in range(3):
        assert schema_errors(validator, good) == []
        assert schema_errors(validator, {**good, "owner": {"name": "Ana"}}) == [
            FieldError("/owner/email", "is required")
        ]
        assert schema_errors(validator, {**good, "tags": ["nokey"]}) == [
            FieldError("/tags/0", "must match the pattern ^[^=]{1,128}=.{0,256}$")
        ]
