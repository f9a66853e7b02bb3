"""Reading manifest and schema files: YAML or JSON, strictly.

Strict means: a duplicated key is an error (PyYAML and ``json`` would silently keep
the last one) and JSON's non-standard ``NaN``/``Infinity`` are refused. YAML plain
scalars follow the YAML 1.2 core schema rather than PyYAML's YAML 1.1 defaults: only
``true``/``false`` are booleans (``yes``, ``no``, ``on``, ``off`` stay strings), numbers
are decimal (``12:30`` and ``0755`` stay strings) and dates stay strings (JSON has no
date type). Errors carry line and column where the parser gives them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

YAML_SUFFIXES = frozenset({".yaml", ".yml"})
JSON_SUFFIXES = frozenset({".json"})


class DocumentError(ValueError):
    """A file could not be read or parsed; the message says why and where."""


def read_document(path: Path) -> Any:
    """Parse ``path`` as YAML (``.yaml``/``.yml``) or JSON (``.json``)."""
    suffix = path.suffix.lower()
    if suffix not in YAML_SUFFIXES | JSON_SUFFIXES:
        raise DocumentError(f"{path.name} must be a .json, .yaml or .yml file")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DocumentError(f"{path.name} does not exist") from None
    except UnicodeDecodeError:
        raise DocumentError(f"{path.name} is not UTF-8 text") from None
    except OSError as exc:
        raise DocumentError(f"{path.name} cannot be read: {exc.strerror}") from None
    return parse_yaml(text) if suffix in YAML_SUFFIXES else parse_json(text)


def parse_json(text: str) -> Any:
    try:
        return _STRICT_JSON.decode(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None


def parse_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
        reason = exc.problem or exc.context or "syntax error"
        raise DocumentError(f"not valid YAML: {reason}{where}") from None
    except yaml.YAMLError as exc:
        raise DocumentError(f"not valid YAML: {exc}") from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)  # in C; the loop below runs only for an object with a repeated key
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DocumentError(f"not valid JSON: the key {key!r} appears twice in one object")
            seen.add(key)
    return result


def _refuse_constant(name: str) -> Any:
    raise DocumentError(f"not valid JSON: {name} is not a JSON number")


# One decoder for every call: json.loads with hooks builds a new decoder each time, which
# costs more than parsing a one-line document (entities import parses one per line).
_STRICT_JSON = json.JSONDecoder(object_pairs_hook=_unique_keys, parse_constant=_refuse_constant)


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core scalars, refusing duplicate and non-string keys."""


# Plain scalars that are not strings, as in the YAML 1.2 core schema (null as in YAML 1.1).
_CORE_SCALARS: dict[str, re.Pattern[str]] = {
    "tag:yaml.org,2002:bool": re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    "tag:yaml.org,2002:int": re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
    "tag:yaml.org,2002:float": re.compile(
        r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+)"
        r"(?:[eE][-+]?[0-9]+)?$"
    ),
}
_REPLACED = {*_CORE_SCALARS, "tag:yaml.org,2002:timestamp"}

# Rebuild the resolver table (it is shared with SafeLoader, so never edit it in place).
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _tag, _regexp in _CORE_SCALARS.items():
    _StrictLoader.add_implicit_resolver(_tag, _regexp, list("-+0123456789.tTfF"))


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[str, Any]:
    loader.flatten_mapping(node)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise yaml.constructor.ConstructorError(
                None, None, f"keys must be strings, found {key!r}", key_node.start_mark
            )
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} appears twice in one mapping", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
    return result


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
