"""Validating entities against their label's JSON Schema.

Compile a label's schema once per label version with :func:`compile_entity_schema` and
keep the result: compiling is the expensive part, and a compiled schema holds no
per-document state, so it serves any number of documents. :func:`schema_errors` lists every
problem of a document with a JSON pointer, ready for a 422.

A compiled schema (:class:`~plugraph.manifests.compiled_schema.CompiledSchema`) is checked
by ``jsonschema-rs`` first, in microseconds; ``jsonschema`` runs only for a document the
Rust side rejects, to locate and word the errors (and it has the last word on validity).

Formats are asserted, not merely annotated, for the formats in :data:`CHECKED_FORMATS`.
plugraph checks them itself rather than through jsonschema's optional extras, whose
``date-time`` and ``uri`` checks silently pass everything when those packages are
missing. The manifest loader refuses any other ``format`` on a string property.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from typing import Any
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker

from plugraph.errors import FieldError
from plugraph.manifests.compiled_schema import CompiledSchema, compile_schema
from plugraph.manifests.validation_errors import field_errors

# \Z, not $: Python's $ also matches before a final newline ("ana@example.com\n").
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")
_TIME = r"\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})"
_DATE_TIME = re.compile(rf"^\d{{4}}-\d{{2}}-\d{{2}}[Tt]{_TIME}\Z")
_TIME_ONLY = re.compile(rf"^{_TIME}\Z")
_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\Z"
)
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+\Z")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\Z")


def _is_date(value: str) -> bool:
    return bool(_DATE.match(value)) and _parses(date.fromisoformat, value)


def _is_date_time(value: str) -> bool:
    return bool(_DATE_TIME.match(value)) and _parses(datetime.fromisoformat, value.upper())


def _is_time(value: str) -> bool:
    return bool(_TIME_ONLY.match(value)) and _parses(time.fromisoformat, value.upper())


_EMAIL_MAX_LENGTH = 254  # RFC 5321's limit on a forward path's address


def _is_email(value: str) -> bool:
    return len(value) <= _EMAIL_MAX_LENGTH and bool(_EMAIL.match(value))


def _is_uri(value: str) -> bool:
    if not _URI.match(value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:  # e.g. a malformed [IPv6] host
        return False
    return parts.scheme.lower() not in {"http", "https"} or bool(parts.hostname)


def _is_uuid(value: str) -> bool:
    return bool(_UUID.match(value))


def _is_ipv4(value: str) -> bool:
    return _parses(ipaddress.IPv4Address, value)


def _is_ipv6(value: str) -> bool:
    return _parses(ipaddress.IPv6Address, value)


def _parses(parse: Callable[[str], object], value: str) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


_CHECKS: dict[str, Callable[[str], bool]] = {
    "date": _is_date,
    "date-time": _is_date_time,
    "time": _is_time,
    "email": _is_email,
    "uri": _is_uri,
    "uuid": _is_uuid,
    "ipv4": _is_ipv4,
    "ipv6": _is_ipv6,
}

# The checks above that are a pattern, as schemas (patterns start with ^: re.search, as a
# schema's pattern is matched, then finds what .match finds). jsonschema-rs checks these
# in Rust instead of calling back into Python; tests compare both on every format case.
FORMAT_SCHEMAS: dict[str, dict[str, Any]] = {
    "email": {"maxLength": _EMAIL_MAX_LENGTH, "pattern": _EMAIL.pattern},
    "uuid": {"pattern": _UUID.pattern},
}

CHECKED_FORMATS: frozenset[str] = frozenset(_CHECKS)
"""The ``format`` values plugraph asserts on string properties."""


def _format_checker() -> FormatChecker:
    checker = FormatChecker(formats=())
    for name, check in _CHECKS.items():
        # Formats apply to strings only; any other type is the "type" keyword's business.
        checker.checks(name)(lambda value, check=check: not isinstance(value, str) or check(value))
    return checker


FORMAT_CHECKER = _format_checker()


def compile_entity_schema(schema: Mapping[str, Any]) -> CompiledSchema:
    """A reusable validator for a label's (or an edge's) JSON Schema, formats asserted.

    ``schema`` is a schema the manifest loader accepted (``VertexLabel.json_schema``);
    it is not checked again here. The result is used like jsonschema's validator
    (``is_valid``, ``iter_errors``; ``.validator`` is jsonschema's own, ``.fast`` the
    jsonschema-rs twin, None when it could not compile the schema).
    """
    return compile_schema(
        schema, format_checker=FORMAT_CHECKER, formats=_CHECKS, format_schemas=FORMAT_SCHEMAS
    )


def schema_errors(
    validator: CompiledSchema | Draft202012Validator, document: Any
) -> list[FieldError]:
    """Every way ``document`` violates the schema, each with the JSON pointer of the culprit.

    A missing required property is reported at the property (``/name``), an undeclared
    one at itself (``/colour``); the rest at the failing value (``/owner/email``).
    Empty when the document is valid.
    """
    if isinstance(validator, CompiledSchema):
        return validator.errors(document)
    return field_errors(validator.iter_errors(document))
