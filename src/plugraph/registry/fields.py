"""Declared fields as Cypher property references, and small JSON Schema helpers.

Nested objects are stored flattened (``owner.email``; see
``plugraph.manifests.property_mapping``), and the label's graph properties are
listed by ``plugraph.manifests.label_schema.stored_properties``. Only a path whose
every segment matches the strict property pattern may be back-quoted into Cypher
text; values are always parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plugraph.graph.identifiers import PROPERTY_PATTERN, InvalidIdentifierError, quote
from plugraph.manifests.label_schema import StoredProperty

_MAX_REF_DEPTH = 32


def is_safe_path(path: str) -> bool:
    """Every dot-separated segment matches the strict property pattern (ASCII only)."""
    return (
        isinstance(path, str)
        and path.isascii()
        and all(PROPERTY_PATTERN.fullmatch(part) for part in path.split("."))
    )


def cypher_property(variable: str, path: str) -> str:
    """``n.`owner.email```: a declared field as a back-quoted property of ``variable``."""
    if not is_safe_path(path) or not variable.isidentifier():
        raise InvalidIdentifierError("property", path, PROPERTY_PATTERN)
    return f"{variable}.{quote(path)}"


def cypher_key(path: str) -> str:
    """```owner.email```: a declared field as a back-quoted map key in a pattern."""
    if not is_safe_path(path):
        raise InvalidIdentifierError("property", path, PROPERTY_PATTERN)
    return quote(path)


def is_indexable(prop: StoredProperty) -> bool:
    """A scalar (not a list) with a safe name: what indexes, filters and sorts may use."""
    return not prop.array and is_safe_path(prop.path)


def resolve(root: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    """Follow local ``$ref``s (``#/$defs/x``); manifests have file references resolved."""
    seen = 0
    while isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
        target: Any = root
        for part in node["$ref"][2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, Mapping) or part not in target:
                return node
            target = target[part]
        if not isinstance(target, Mapping) or seen > _MAX_REF_DEPTH:
            return node
        node, seen = target, seen + 1
    return node


def schema_types(node: Mapping[str, Any]) -> frozenset[str]:
    """The JSON types a (sub)schema admits: ``type``, else ``enum``/``const``, else ``anyOf``."""
    declared = node.get("type")
    if isinstance(declared, str):
        return frozenset({declared})
    if isinstance(declared, list):
        return frozenset(t for t in declared if isinstance(t, str))
    if "enum" in node or "const" in node:
        values = node.get("enum", [node.get("const")])
        return frozenset(_json_type(value) for value in values)
    if any(key in node for key in ("anyOf", "oneOf")):
        types: set[str] = set()
        for branch in [*node.get("anyOf", []), *node.get("oneOf", [])]:
            if isinstance(branch, Mapping):
                types |= schema_types(branch)
        return frozenset(types)
    if "properties" in node:
        return frozenset({"object"})
    return frozenset()


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"
