"""Checking an entity document from a request before it is stored.

Two kinds of problem, all reported at once with JSON pointers: server-owned members
(``id``, ``_meta``, anything starting with ``_``; clients cannot assign them) and
violations of the label's JSON Schema.
"""

from __future__ import annotations

from typing import Any

from plugraph.entities.storage import is_server_owned
from plugraph.errors import FieldError, ValidationFailed
from plugraph.manifests.entity_schema import schema_errors
from plugraph.manifests.pointers import join
from plugraph.registry.runtime import VertexLabelRuntime


def document_errors(runtime: VertexLabelRuntime, document: Any) -> list[FieldError]:
    """Every problem of ``document`` for ``runtime``'s label, pointers relative to it."""
    if not isinstance(document, dict):
        return [FieldError("", "must be a JSON object")]
    errors = server_owned_errors(document)
    clean = (
        {key: value for key, value in document.items() if not is_server_owned(key)}
        if errors
        else document
    )
    # jsonschema-rs first; jsonschema only words the errors of a rejected document.
    errors += schema_errors(runtime.validator, clean)
    return errors


def server_owned_errors(document: dict[str, Any], base: str = "") -> list[FieldError]:
    return [
        FieldError(join(base, key), "is set by the server and cannot be written")
        for key in document
        if is_server_owned(key)
    ]


def ensure_valid(runtime: VertexLabelRuntime, document: Any) -> dict[str, Any]:
    errors = document_errors(runtime, document)
    if errors:
        raise ValidationFailed(f"the {runtime.name} is invalid", errors)
    assert isinstance(document, dict)
    return document
