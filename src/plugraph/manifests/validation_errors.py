"""jsonschema errors as :class:`FieldError` s: one per problem, pointing at the culprit.

Shared by manifest validation and entity validation. Two departures from jsonschema's
own reporting make the pointers precise: a ``required`` failure points at the missing
property (``/name``), not at its parent, and ``additionalProperties`` reports each
unexpected property at its own pointer. Messages state the rule without echoing the
offending value, so a value typed into a password field never lands in a log.

A schema may word its own messages with the ``errorMessage`` annotation (the subset of
the ajv-errors convention that needs no templating): a string used for any failure of
that schema, or an object from keyword to message, e.g.
``{"pattern": "must be a 12-digit AWS account number"}``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from jsonschema.exceptions import ValidationError

from plugraph.errors import FieldError
from plugraph.manifests.pointers import join

FORMAT_NAMES: Mapping[str, str] = {
    "date": "a date (YYYY-MM-DD)",
    "date-time": "a date-time (RFC 3339, e.g. 2024-05-01T12:00:00Z)",
    "time": "a time (RFC 3339, e.g. 12:00:00Z)",
    "email": "an email address",
    "uri": "an absolute URI (e.g. https://example.com/x)",
    "uuid": "a UUID",
    "ipv4": "an IPv4 address",
    "ipv6": "an IPv6 address",
    "regex": "a regular expression",
}

_ARTICLES = {"integer": "an integer", "object": "an object", "array": "an array", "null": "null"}


def field_errors(
    errors: Iterable[ValidationError], *, file: str | None = None, base: str = ""
) -> list[FieldError]:
    """Translate ``errors`` (e.g. ``validator.iter_errors(doc)``), ordered by location.

    ``base`` is prepended to every pointer, for documents embedded in a larger one.
    """
    located: list[tuple[tuple[str, ...], str]] = []
    for error in errors:
        located.extend(_locate(error))
    located.sort(key=lambda item: (_path_key(item[0]), item[1]))
    results = [FieldError(join(base, *path), message, file) for path, message in located]
    return list(dict.fromkeys(results))


def _locate(error: ValidationError) -> list[tuple[tuple[str, ...], str]]:
    path = tuple(str(part) for part in error.absolute_path)
    instance = error.instance
    keyword = error.validator
    rule = error.validator_value
    custom = _custom_message(error)
    if keyword == "required" and isinstance(instance, dict) and isinstance(rule, list):
        missing = [name for name in rule if name not in instance]
        return [((*path, name), custom or "is required") for name in missing]
    if keyword == "dependentRequired" and isinstance(instance, dict) and isinstance(rule, dict):
        return [
            ((*path, name), custom or f"is required when {trigger} is present")
            for trigger, names in rule.items()
            if trigger in instance
            for name in names
            if name not in instance
        ]
    if keyword == "additionalProperties" and isinstance(instance, dict):
        extras = _additional_properties(instance, error.schema)
        if extras:
            return [((*path, name), custom or "is not a declared property") for name in extras]
    if keyword == "unevaluatedProperties" and isinstance(instance, dict):
        return [(path, "has properties that are not declared")]
    if "propertyNames" in error.schema_path and isinstance(instance, str):
        # jsonschema reports a bad property name at its parent object, with the name as instance
        reason = custom or message(error)
        return [((*path, instance), f"is not an allowed property name: {reason}")]
    return [(path, custom or message(error))]


def _custom_message(error: ValidationError) -> str | None:
    """The schema's own ``errorMessage`` for this failure, if it has one."""
    schema = error.schema
    custom = schema.get("errorMessage") if isinstance(schema, dict) else None
    if isinstance(custom, str):
        return custom
    if isinstance(custom, dict):
        worded = custom.get(str(error.validator))
        return worded if isinstance(worded, str) else None
    return None


def _additional_properties(instance: Mapping[str, Any], schema: Any) -> list[str]:
    if not isinstance(schema, dict):
        return []
    declared = schema.get("properties", {})
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    return [
        name
        for name in instance
        if name not in declared and not any(p.search(name) for p in patterns)
    ]


def message(error: ValidationError) -> str:
    """A short statement of the rule ``error`` broke, without the offending value."""
    if error.validator is None:  # the schema is ``false``
        return "is not allowed"
    if error.validator in ("anyOf", "oneOf"):
        return _alternatives_message(error)
    build = _MESSAGES.get(str(error.validator))
    return build(error.validator_value) if build else error.message


def _alternatives_message(error: ValidationError) -> str:
    if error.validator == "oneOf" and "is valid under each of" in error.message:
        return "must match exactly one of the allowed forms, but matches several"
    # What each alternative wanted of this very value (deeper failures are too detailed).
    wanted = dict.fromkeys(message(e) for e in error.context or () if not e.relative_path)
    if not wanted:
        return "does not match any of the allowed forms"
    return "does not match any of the allowed forms: " + "; or ".join(wanted)


def _type_message(expected: Any) -> str:
    names = [expected] if isinstance(expected, str) else list(expected)
    return "must be " + " or ".join(_ARTICLES.get(name, f"a {name}") for name in names)


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular}" if count == 1 else f"{count} {plural or singular + 's'}"


_MESSAGES: dict[str, Callable[[Any], str]] = {
    "type": _type_message,
    "enum": lambda allowed: "must be one of: " + ", ".join(json.dumps(v) for v in allowed),
    "const": lambda value: f"must be {json.dumps(value)}",
    "pattern": lambda regex: f"must match the pattern {regex}",
    "format": lambda name: f"must be {FORMAT_NAMES.get(name, f'a valid {name}')}",
    "minLength": lambda n: f"must be at least {_plural(n, 'character')} long",
    "maxLength": lambda n: f"must be at most {_plural(n, 'character')} long",
    "minimum": lambda n: f"must be greater than or equal to {n}",
    "maximum": lambda n: f"must be less than or equal to {n}",
    "exclusiveMinimum": lambda n: f"must be greater than {n}",
    "exclusiveMaximum": lambda n: f"must be less than {n}",
    "multipleOf": lambda n: f"must be a multiple of {n}",
    "minItems": lambda n: f"must have at least {_plural(n, 'item')}",
    "maxItems": lambda n: f"must have at most {_plural(n, 'item')}",
    "uniqueItems": lambda _: "must not contain duplicate items",
    "minProperties": lambda n: f"must have at least {_plural(n, 'property', 'properties')}",
    "maxProperties": lambda n: f"must have at most {_plural(n, 'property', 'properties')}",
    "propertyNames": lambda _: "has a property whose name is not allowed",
    "not": lambda _: "matches a form that is not allowed",
    "contains": lambda _: "does not contain a required item",
    "additionalProperties": lambda _: "has properties that are not declared",
}


def _path_key(path: tuple[str, ...]) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in path)
