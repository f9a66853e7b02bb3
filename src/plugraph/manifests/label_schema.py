"""Label schemas: valid JSON Schema 2020-12, storable in a graph, and the properties they become.

A graph property holds a string, an integer, a float, a boolean or a list of one of
those. So a label's schema may declare, per property:

* ``string`` / ``integer`` / ``number`` / ``boolean`` (optionally also ``null``, which is
  stored as an absent property), an ``enum`` or ``const`` of one such type, or
  ``anyOf``/``oneOf`` alternatives that all have the same such type;
* an ``array`` whose ``items`` are one of those scalar types (never null);
* a nested ``object`` with its own ``properties``, stored flattened: ``owner.email``
  (see :mod:`plugraph.manifests.property_mapping`).

Everything else is refused with a pointer and a reason: arrays of objects or arrays,
mixed types, ``patternProperties``, open objects, references outside the schema,
recursion, property names that cannot be graph property names, and the server-owned
names (``id`` and anything starting with ``_``).

Objects are closed: ``additionalProperties`` must be ``false`` and is set to ``false``
wherever the author left it out, in the copy :func:`analyse_schema` returns. That copy
is the schema plugraph validates with and serves to clients.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, cast
from urllib.parse import unquote

from jsonschema import Draft202012Validator, FormatChecker

from plugraph.errors import FieldError
from plugraph.manifests.entity_schema import CHECKED_FORMATS
from plugraph.manifests.pointers import join, split
from plugraph.manifests.property_mapping import PATH_SEPARATOR
from plugraph.manifests.validation_errors import field_errors

ScalarType = Literal["string", "integer", "number", "boolean"]
SCALAR_TYPES: frozenset[str] = frozenset({"string", "integer", "number", "boolean"})

PROPERTY_NAME_PATTERN = re.compile(r"^[a-z][A-Za-z0-9_]*$")
MAX_PROPERTY_NAME_LENGTH = 63
RESERVED_PROPERTY_NAMES = frozenset({"id"})  # at the top level; "_..." is reserved at every level
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"

_METASCHEMA = Draft202012Validator(
    Draft202012Validator.META_SCHEMA, format_checker=FormatChecker(formats=("regex",))
)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")

# Keywords whose values are subschemas (maps of them, lists of them, or one), i.e. where a
# "$ref" is a reference and not data (as it would be inside "default", "enum" or "examples").
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_SINGLES = (
    "items",
    "contains",
    "additionalProperties",
    "unevaluatedProperties",
    "unevaluatedItems",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
)
_TYPE_KEYWORDS = ("type", "enum", "const", "$ref", "anyOf", "oneOf", "allOf")


@dataclass(frozen=True)
class StoredProperty:
    """One graph property a label's entities may carry."""

    path: str
    """The graph property name: the JSON property name, or the dot path for nested ones."""
    type: ScalarType
    """The value type; for arrays, the type of the items."""
    array: bool = False
    """True when the value is a list of ``type``."""
    required: bool = False
    """True when every valid entity has it (required, non-null, at every level of the path)."""
    format: str | None = None
    """A checked ``format`` (date, date-time, email, uri, ...) of a string or its items."""
    enum: tuple[Any, ...] | None = None
    """The allowed values (of the items, for arrays), when the schema lists them."""


@dataclass(frozen=True)
class SchemaAnalysis:
    """What :func:`analyse_schema` found."""

    schema: dict[str, Any]
    """A normalised copy of the schema: every object has ``additionalProperties: false``."""
    properties: Mapping[str, StoredProperty]
    """The storable graph properties by name, in schema order."""
    objects: frozenset[str]
    """Dot paths of the nested objects (``owner``); they are not graph properties themselves."""
    declared: frozenset[str]
    """Every declared path, storable or not (so one mistake is not reported twice)."""
    errors: tuple[FieldError, ...]
    """Empty when the schema is acceptable."""


def analyse_schema(
    schema: Mapping[str, Any], *, file: str | None = None, base: str = ""
) -> SchemaAnalysis:
    """Check a label's (or an edge's) schema and list the graph properties it defines.

    Errors name ``file`` and point at ``base`` + the pointer inside ``schema`` (``base`` is
    where the schema sits in ``file``: ``/vertex_labels/0/schema`` when inline in a
    manifest, ``""`` when it is a file of its own).
    """
    normalised = copy.deepcopy(dict(schema))
    errors = field_errors(_METASCHEMA.iter_errors(normalised), file=file, base=base)
    analyser = _Analyser(normalised, file=file, base=base)
    analyser.run()
    return SchemaAnalysis(
        schema=normalised,
        properties=dict(analyser.properties),
        objects=frozenset(analyser.objects),
        declared=frozenset(analyser.declared),
        errors=tuple(dict.fromkeys([*errors, *analyser.errors])),
    )


def stored_properties(schema: Mapping[str, Any]) -> dict[str, StoredProperty]:
    """The graph properties of a schema the loader accepted (``VertexLabel.json_schema``).

    Raises ValueError naming the first problem if the schema is not storable.
    """
    analysis = analyse_schema(schema)
    if analysis.errors:
        first = analysis.errors[0]
        raise ValueError(f"schema is not storable: {first.pointer or '/'}: {first.message}")
    return dict(analysis.properties)


@dataclass(frozen=True)
class _Shape:
    """The kind of value a (sub)schema admits, as far as storage is concerned."""

    type: str  # a scalar type, "array" or "object"
    nullable: bool = False
    items: str | None = None  # arrays: the scalar type of the items
    object_at: tuple[dict[str, Any], str] | None = field(default=None, compare=False)
    format: str | None = None
    enum: tuple[Any, ...] | None = None

    def describe(self) -> str:
        return f"array of {self.items}" if self.type == "array" else self.type

    def same_kind(self, other: _Shape) -> bool:
        return (self.type, self.items) == (other.type, other.items)


class _Analyser:
    def __init__(self, root: dict[str, Any], *, file: str | None, base: str) -> None:
        self.root = root
        self.file = file
        self.base = base
        self.errors: list[FieldError] = []
        self.properties: dict[str, StoredProperty] = {}
        self.objects: set[str] = set()
        self.declared: set[str] = set()

    def error(self, at: str, message: str) -> None:
        self.errors.append(FieldError(self.base + at, message, self.file))

    # -- the whole schema ----------------------------------------------------------

    def run(self) -> None:
        root = self.root
        declared_draft = root.get("$schema")
        if isinstance(declared_draft, str) and declared_draft.rstrip("#") != DRAFT_2020_12:
            self.error(
                "/$schema",
                "label schemas are JSON Schema 2020-12: "
                f"remove $schema or set it to {DRAFT_2020_12}",
            )
        if root.get("type") != "object":
            at = "/type" if "type" in root else ""
            self.error(at, 'a label schema must have "type": "object" at the top level')
        self._check_references()
        self._walk_object(root, "", prefix="", required=True, seen=frozenset({""}))

    def _check_references(self) -> None:
        """Every reference must be local and resolve: jsonschema resolves them lazily, so a
        bad one would otherwise surface as a crash on the first entity that reaches it."""
        for node, at in _subschemas(self.root, ""):
            for keyword in ("$dynamicRef", "$recursiveRef"):
                if keyword in node:
                    self.error(join(at, keyword), f"{keyword} is not supported: use $ref")
            if at and "$id" in node:
                self.error(join(at, "$id"), "$id is only allowed at the top of a label schema")
            ref = node.get("$ref")
            if isinstance(ref, str):
                self._check_reference(ref, join(at, "$ref"))

    def _check_reference(self, ref: str, at: str) -> None:
        if _URL.match(ref):
            self.error(
                at,
                f"remote $ref {ref} is not supported: a label schema must be "
                "self-contained (use local references such as #/$defs/name)",
            )
        elif not ref.startswith("#"):
            self.error(
                at,
                f"$ref {ref} points at another file: inside a label schema only "
                "local references such as #/$defs/name are supported",
            )
        elif ref != "#" and not ref.startswith("#/"):
            self.error(at, f"$ref {ref} uses an anchor: use a JSON pointer such as #/$defs/name")
        elif self._target(ref) is None:
            self.error(at, f"$ref {ref} does not resolve to anything in this schema")

    def _target(self, ref: str) -> tuple[Any, str] | None:
        target_pointer = unquote(ref[1:])
        node: Any = self.root
        try:
            for token in split(target_pointer):
                if isinstance(node, dict) and token in node:
                    node = node[token]
                elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                    node = node[int(token)]
                else:
                    return None
        except ValueError:
            return None
        return node, target_pointer

    # -- objects and their properties ------------------------------------------------

    def _walk_object(
        self, node: dict[str, Any], at: str, *, prefix: str, required: bool, seen: frozenset[str]
    ) -> None:
        self._close_object(node, at)
        for keyword in ("allOf", "anyOf", "oneOf"):
            branches = node.get(keyword)
            if isinstance(branches, list) and any(_declares_properties(b) for b in branches):
                self.error(
                    join(at, keyword),
                    f"{keyword} over objects cannot be flattened into graph properties: "
                    "declare the properties directly under properties",
                )
        properties = node.get("properties", {})
        if not isinstance(properties, dict):
            return
        required_names = node.get("required", [])
        if not isinstance(required_names, list):
            required_names = []
        for index, name in enumerate(required_names):
            if isinstance(name, str) and name not in properties:
                self.error(
                    join(at, "required", index),
                    f"names {name!r}, which is not declared under properties",
                )
        for name, subschema in properties.items():
            self._property(
                name,
                subschema,
                join(at, "properties", name),
                prefix=prefix,
                required=required and name in required_names,
                seen=seen,
            )

    def _close_object(self, node: dict[str, Any], at: str) -> None:
        if "patternProperties" in node:
            self.error(
                join(at, "patternProperties"),
                "patternProperties cannot be stored: declare every property under properties",
            )
        for keyword in ("additionalProperties", "unevaluatedProperties"):
            if keyword in node and node[keyword] is not False:
                self.error(
                    join(at, keyword),
                    f"must be false: plugraph stores only declared properties "
                    f"(leave {keyword} out and objects are closed)",
                )
        node.setdefault("additionalProperties", False)

    def _property(
        self,
        name: str,
        subschema: Any,
        at: str,
        *,
        prefix: str,
        required: bool,
        seen: frozenset[str],
    ) -> None:
        path = prefix + name
        self.declared.add(path)
        if not self._check_name(name, at, top=not prefix):
            return
        shape = self._shape(subschema, at, refs=())
        if shape is None:
            return
        required = required and not shape.nullable
        if shape.type == "object":
            self.objects.add(path)
            assert shape.object_at is not None
            target, target_at = shape.object_at
            if target_at in seen:
                self.error(at, "recursive schemas cannot be flattened into graph properties")
                return
            self._walk_object(
                target,
                target_at,
                prefix=path + PATH_SEPARATOR,
                required=required,
                seen=seen | {target_at},
            )
            return
        is_array = shape.type == "array"
        self.properties[path] = StoredProperty(
            path=path,
            type=cast(ScalarType, shape.items if is_array else shape.type),
            array=is_array,
            required=required,
            format=shape.format,
            enum=shape.enum,
        )

    def _check_name(self, name: str, at: str, *, top: bool) -> bool:
        if name.startswith("_"):
            reason = "names starting with _ are reserved for plugraph's system properties"
        elif top and name in RESERVED_PROPERTY_NAMES:
            reason = f"{name!r} is reserved: plugraph assigns every entity its id"
        elif not PROPERTY_NAME_PATTERN.match(name) or not name.isascii():
            reason = (
                f"the property name {name!r} must match {PROPERTY_NAME_PATTERN.pattern} "
                "(it becomes a graph property name)"
            )
        elif len(name) > MAX_PROPERTY_NAME_LENGTH:
            reason = f"property names are at most {MAX_PROPERTY_NAME_LENGTH} characters long"
        else:
            return True
        self.error(at, reason)
        return False

    # -- the shape of one property ----------------------------------------------------

    def _shape(self, node: Any, at: str, refs: tuple[str, ...]) -> _Shape | None:
        """The storable shape ``node`` admits, or None (with an error, unless the metaschema
        check already explains the problem)."""
        if node is True or node == {}:
            self.error(
                at,
                "declare a type: a property that accepts any value cannot be stored "
                "(use string, integer, number, boolean, array or object)",
            )
            return None
        if node is False:
            self.error(at, "a property that accepts no value cannot be stored: remove it")
            return None
        if not isinstance(node, dict):
            return None
        found: list[tuple[_Shape, str]] = []
        if "type" in node:
            shape = self._declared_type(node, at, refs)
            if shape is None:
                return None
            found.append((shape, join(at, "type")))
        elif "enum" in node or "const" in node:
            shape = self._enumerated(node, at)
            if shape is None:
                return None
            found.append((shape, join(at, "enum" if "enum" in node else "const")))
        if isinstance(node.get("$ref"), str):
            shape = self._referenced(node["$ref"], join(at, "$ref"), refs)
            if shape is None:
                return None
            found.append((shape, join(at, "$ref")))
        for keyword in ("anyOf", "oneOf"):
            if isinstance(node.get(keyword), list):
                shape = self._alternatives(node[keyword], join(at, keyword), keyword, refs)
                if shape is None:
                    return None
                found.append((shape, join(at, keyword)))
        if isinstance(node.get("allOf"), list):
            for index, branch in enumerate(node["allOf"]):
                if isinstance(branch, dict) and not any(k in branch for k in _TYPE_KEYWORDS):
                    continue  # a constraint-only branch such as {"minLength": 3}
                shape = self._shape(branch, join(at, "allOf", index), refs)
                if shape is None:
                    return None
                found.append((shape, join(at, "allOf", index)))
        if not found:
            self.error(
                at, "declare the property's type: string, integer, number, boolean, array or object"
            )
            return None
        return self._combine(found)

    def _combine(self, found: list[tuple[_Shape, str]]) -> _Shape | None:
        """All of ``found`` constrain the same value, so they must agree on its kind."""
        first = found[0][0]
        for shape, at in found[1:]:
            if not shape.same_kind(first):
                self.error(
                    at,
                    f"is {shape.describe()}, which conflicts with {first.describe()}: "
                    "a graph property has one type",
                )
                return None
        object_at = None
        if first.type == "object":
            holders = {id(s.object_at[0]): s.object_at for s, _ in found if s.object_at}
            with_properties = [h for h in holders.values() if "properties" in h[0]]
            if len(with_properties) > 1:
                self.error(found[0][1], "declare an object's properties in one place")
                return None
            object_at = with_properties[0] if with_properties else next(iter(holders.values()))
        return _Shape(
            type=first.type,
            nullable=all(shape.nullable for shape, _ in found),
            items=first.items,
            object_at=object_at,
            format=next((s.format for s, _ in found if s.format), None),
            enum=next((s.enum for s, _ in found if s.enum is not None), None),
        )

    def _declared_type(self, node: dict[str, Any], at: str, refs: tuple[str, ...]) -> _Shape | None:
        declared = node["type"]
        types = [declared] if isinstance(declared, str) else declared
        if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
            return None  # reported by the metaschema check
        non_null = [t for t in types if t != "null"]
        nullable = len(non_null) < len(types)
        if len(non_null) > 1:
            self.error(
                join(at, "type"),
                f"mixed types ({', '.join(non_null)}) cannot be stored in one graph property: "
                "use one type",
            )
            return None
        if not non_null:
            self.error(join(at, "type"), "a property that can only be null cannot be stored")
            return None
        kind = non_null[0]
        if kind == "array":
            shape = self._array(node, at, refs)
            return None if shape is None else _with_nullable(shape, nullable)
        if kind == "object":
            if "properties" not in node and "$ref" not in node:
                self.error(
                    at, "an object without properties stores nothing: declare its properties"
                )
                return None
            return _Shape("object", nullable=nullable, object_at=(node, at))
        if kind not in SCALAR_TYPES:
            return None  # an unknown type name: reported by the metaschema check
        return _Shape(
            kind,
            nullable=nullable,
            format=self._format(node, at, kind),
            enum=_enum_values(node),
        )

    def _format(self, node: dict[str, Any], at: str, kind: str) -> str | None:
        declared = node.get("format")
        if kind != "string" or not isinstance(declared, str):
            return None
        if declared not in CHECKED_FORMATS:
            checked = ", ".join(sorted(CHECKED_FORMATS))
            self.error(
                join(at, "format"),
                f"format {declared!r} is not checked by plugraph: use one of {checked}, "
                "or a pattern",
            )
            return None
        return declared

    def _enumerated(self, node: dict[str, Any], at: str) -> _Shape | None:
        keyword = "enum" if "enum" in node else "const"
        values = node["enum"] if keyword == "enum" else [node["const"]]
        if not isinstance(values, list):
            return None
        kinds = list(dict.fromkeys(_json_type(value) for value in values))
        nullable = "null" in kinds
        kinds = [kind for kind in kinds if kind != "null"]
        where = join(at, keyword)
        if any(kind in ("array", "object") for kind in kinds):
            self.error(where, f"{keyword} values must be scalars to be stored in a graph property")
            return None
        if len(kinds) > 1:
            self.error(
                where,
                f"mixed types ({', '.join(kinds)}) cannot be stored in one graph property: "
                "use values of one type",
            )
            return None
        if not kinds:
            self.error(where, "a property that can only be null cannot be stored")
            return None
        return _Shape(kinds[0], nullable=nullable, enum=_enum_values(node))

    def _referenced(self, ref: str, at: str, refs: tuple[str, ...]) -> _Shape | None:
        if not ref.startswith("#"):
            return None  # reported by _check_references
        target = self._target(ref)
        if target is None:
            return None  # reported by _check_references
        node, target_at = target
        if target_at in refs:
            self.error(at, "recursive $ref cannot be flattened into graph properties")
            return None
        return self._shape(node, target_at, (*refs, target_at))

    def _alternatives(
        self, branches: list[Any], at: str, keyword: str, refs: tuple[str, ...]
    ) -> _Shape | None:
        shapes: list[_Shape] = []
        nullable = False
        for index, branch in enumerate(branches):
            if _only_null(branch):
                nullable = True
                continue
            shape = self._shape(branch, join(at, index), refs)
            if shape is None:
                return None
            if shape.type == "object":
                self.error(
                    join(at, index),
                    f"{keyword} over objects cannot be flattened into graph properties: "
                    "declare one object",
                )
                return None
            shapes.append(shape)
        if not shapes:
            self.error(at, "a property that can only be null cannot be stored")
            return None
        kinds = list(dict.fromkeys(shape.describe() for shape in shapes))
        if len(kinds) > 1:
            self.error(
                at,
                f"mixed types ({', '.join(kinds)}) cannot be stored in one graph property: "
                f"every {keyword} alternative must have the same type",
            )
            return None
        formats = {shape.format for shape in shapes}
        enums = [shape.enum for shape in shapes]
        return _Shape(
            shapes[0].type,
            nullable=nullable or any(shape.nullable for shape in shapes),
            items=shapes[0].items,
            format=formats.pop() if len(formats) == 1 else None,
            enum=None if None in enums else tuple(v for e in enums if e for v in e),
        )

    def _array(self, node: dict[str, Any], at: str, refs: tuple[str, ...]) -> _Shape | None:
        if "prefixItems" in node:
            self.error(
                join(at, "prefixItems"),
                "tuples (prefixItems) cannot be stored: use items with one scalar type",
            )
            return None
        if "items" not in node:
            self.error(
                at,
                "declare the array's items (e.g. items: {type: string}): arrays are "
                "stored as lists of one scalar type",
            )
            return None
        items_at = join(at, "items")
        item = self._shape(node["items"], items_at, refs)
        if item is None:
            return None
        if item.type == "object":
            self.error(
                items_at,
                "arrays of objects cannot be stored in a graph property: "
                "declare a vertex label for the items and an edge to it",
            )
            return None
        if item.type == "array":
            self.error(items_at, "arrays of arrays cannot be stored in a graph property")
            return None
        if item.nullable:
            self.error(items_at, "array items cannot be null: a graph list cannot hold null")
            return None
        return _Shape("array", items=item.type, format=item.format, enum=item.enum)


def _with_nullable(shape: _Shape, nullable: bool) -> _Shape:
    return replace(shape, nullable=True) if nullable else shape


def _enum_values(node: dict[str, Any]) -> tuple[Any, ...] | None:
    if isinstance(node.get("enum"), list):
        return tuple(value for value in node["enum"] if value is not None)
    if "const" in node and node["const"] is not None:
        return (node["const"],)
    return None


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
    return "array" if isinstance(value, list) else "object"


def _only_null(node: Any) -> bool:
    if not isinstance(node, dict):
        return False
    if node.get("type") == "null":
        return True
    if "const" in node and node["const"] is None:
        return True
    return isinstance(node.get("enum"), list) and node["enum"] == [None]


def _declares_properties(node: Any) -> bool:
    return isinstance(node, dict) and ("properties" in node or node.get("type") == "object")


def _subschemas(node: Any, at: str) -> Iterator[tuple[dict[str, Any], str]]:
    """Every schema object in ``node`` (itself included) with its pointer."""
    if not isinstance(node, dict):
        return
    yield node, at
    for keyword in _SCHEMA_MAPS:
        children = node.get(keyword)
        if isinstance(children, dict):
            for name, child in children.items():
                yield from _subschemas(child, join(at, keyword, name))
    for keyword in _SCHEMA_LISTS:
        children = node.get(keyword)
        if isinstance(children, list):
            for index, child in enumerate(children):
                yield from _subschemas(child, join(at, keyword, index))
    for keyword in _SCHEMA_SINGLES:
        if keyword in node:
            yield from _subschemas(node[keyword], join(at, keyword))
