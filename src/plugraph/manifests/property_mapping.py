"""How entity documents become graph properties and back.

A graph property value is a scalar (string, integer, float, boolean) or a list of
scalars; a nested map is not a property value. So plugraph stores a nested object
flattened, one property per leaf, named by its dot-separated path::

    {"name": "prod", "owner": {"name": "Ana", "email": "ana@example.com"}}
    <->  {"name": "prod", "owner.name": "Ana", "owner.email": "ana@example.com"}

The flattened names stay queryable in Cypher with back-quotes
(``MATCH (a:AwsAccount) WHERE a.`owner.email` = $email``) and can be indexed and
constrained like any other property. They cannot collide: declared property names
never contain a dot (the loader enforces ``^[a-z][A-Za-z0-9_]*$``).

``null`` is not a property value either (setting a property to null removes it), so
:func:`flatten` drops ``None`` and objects with nothing left inside; :func:`unflatten`
therefore never returns them, and ``unflatten(flatten(doc))`` is ``doc`` without its
nulls and empty objects (:func:`stored_form` gives that without the round trip). To
update an entity, merge the change into the current document, validate the result
against the schema, flatten it and write it whole with ``SET n = $props`` (plus the
system properties), so removed fields really disappear.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PATH_SEPARATOR = "."

_SCALARS = (str, int, float, bool)


def flatten(document: Mapping[str, Any]) -> dict[str, Any]:
    """Graph properties for a JSON object: nested objects become dot-separated names.

    Raises ValueError for anything a graph property cannot hold (a key containing the
    separator, a list holding objects, lists or nulls), naming the path. A document that
    passed its label schema never does.
    """
    properties: dict[str, Any] = {}
    _flatten_into(properties, document, prefix="")
    return properties


def flatten_whole(document: Mapping[str, Any]) -> tuple[dict[str, Any], bool]:
    """:func:`flatten`, and whether it dropped nothing (no null, no object left empty):
    then ``stored_form(document) == document`` and the caller can skip making it."""
    properties: dict[str, Any] = {}
    whole = _flatten_into(properties, document, prefix="")
    return properties, whole


def _flatten_into(properties: dict[str, Any], document: Mapping[str, Any], prefix: str) -> bool:
    """Add ``document``'s properties; True when none of its members was dropped."""
    # Exact-type checks first: this runs for every field of every written document
    # (bulk imports flatten thousands per request), and ABC isinstance checks are slow.
    whole = True
    for key, value in document.items():
        if not isinstance(key, str) or not key or PATH_SEPARATOR in key:
            raise ValueError(
                f"{prefix}{key!r}: a property name must be a non-empty string "
                f"without {PATH_SEPARATOR!r}"
            )
        path = prefix + key
        kind = type(value)
        if kind in _SCALAR_TYPES:
            properties[path] = value
        elif value is None:
            whole = False
        elif kind is dict or isinstance(value, Mapping):
            size = len(properties)
            whole = _flatten_into(properties, value, prefix=path + PATH_SEPARATOR) and whole
            whole = whole and len(properties) > size  # an object with nothing inside is dropped
        elif kind is list or kind is tuple or isinstance(value, list | tuple):
            properties[path] = _scalar_list(path, value)
        elif isinstance(value, _SCALARS):
            properties[path] = value
        else:
            raise ValueError(f"{path}: {type(value).__name__} is not a JSON value")
    return whole


def _scalar_list(path: str, value: list[Any] | tuple[Any, ...]) -> list[Any]:
    for item in value:
        if type(item) not in _SCALAR_TYPES and not isinstance(item, _SCALARS):
            kind = "null" if item is None else type(item).__name__
            raise ValueError(
                f"{path}: a list stored in a graph property holds scalars only, not {kind}"
            )
    return list(value)


_SCALAR_TYPES = frozenset(_SCALARS)


def stored_form(document: Mapping[str, Any]) -> dict[str, Any]:
    """``unflatten(flatten(document))`` in one pass, for a document flatten accepts:
    the document without its nulls and the objects left empty by dropping them."""
    result: dict[str, Any] = {}
    for key, value in document.items():
        kind = type(value)
        if kind in _SCALAR_TYPES:
            result[key] = value
        elif value is None:
            continue
        elif kind is dict or isinstance(value, Mapping):
            inner = stored_form(value)
            if inner:
                result[key] = inner
        else:
            result[key] = list(value)
    return result


def unflatten(properties: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON object for graph properties written by :func:`flatten`.

    Pass only the entity's own properties: strip the system ones (``id``, ``_org``,
    ``_version``, ...) first. Raises ValueError when two names clash (``owner`` holding a
    value while ``owner.email`` exists), which flatten never produces.
    """
    document: dict[str, Any] = {}
    for path, value in properties.items():
        if value is None:
            continue
        *parents, leaf = path.split(PATH_SEPARATOR)
        if not all(parents) or not leaf:
            raise ValueError(f"{path!r}: empty segment in a property path")
        node = document
        for depth, parent in enumerate(parents):
            child = node.setdefault(parent, {})
            if not isinstance(child, dict):
                clash = PATH_SEPARATOR.join(parents[: depth + 1])
                raise ValueError(f"{path!r} clashes with the property {clash!r}")
            node = child
        if leaf in node:
            raise ValueError(f"{path!r} clashes with properties nested under it")
        node[leaf] = list(value) if isinstance(value, list | tuple) else value
    return document
