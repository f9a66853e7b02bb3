"""Edge properties: validated against the label's schema, stored flat, read back nested.

Edges store their declared properties exactly as plugin entities store documents
(``plugraph.manifests.property_mapping``): nested objects under dot-separated names.
System properties (``id`` and ``_``-prefixed names) never come from a request.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plugraph.edges.declarations import EdgeDeclaration
from plugraph.edges.nodes import public_properties
from plugraph.errors import FieldError, ValidationFailed
from plugraph.manifests import property_mapping


def validate(decl: EdgeDeclaration, properties: Mapping[str, Any], pointer: str) -> None:
    """422 with one JSON pointer per problem; a label without a schema takes no properties."""
    if decl.validator is None:
        if properties:
            raise ValidationFailed(
                f"edge label {decl.label} of {decl.plugin} declares no properties",
                [FieldError(pointer, "this edge label takes no properties")],
            )
        return
    # jsonschema-rs first; jsonschema only words the errors of rejected properties.
    errors = decl.validator.errors(dict(properties), base=pointer)
    if errors:
        raise ValidationFailed(
            f"the properties do not match the schema of edge label {decl.label}", errors
        )


def flatten(document: Mapping[str, Any]) -> dict[str, Any]:
    """The graph properties for a (validated) property document."""
    return property_mapping.flatten(document)


def unflatten(props: Mapping[str, Any]) -> dict[str, Any]:
    """Stored edge properties (system properties dropped) -> the property document."""
    return property_mapping.unflatten(public_properties(props))
