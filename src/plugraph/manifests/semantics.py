"""Checks across fields that the manifest's JSON Schema cannot express.

They run on the whole document even when parts of it failed the JSON Schema, so an
author sees every mistake at once: each check looks only at values of the expected shape
and leaves the rest to the schema errors already reported.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from plugraph.errors import FieldError
from plugraph.manifests.label_schema import SchemaAnalysis, StoredProperty
from plugraph.manifests.model import (
    CORE_ANCHORS,
    EDGE_LABEL_PATTERN,
    LABEL_PATTERN,
    RESERVED_EDGE_LABELS,
    RESERVED_LABEL_PREFIXES,
    RESERVED_LABELS,
)
from plugraph.manifests.pointers import join

_LABEL = re.compile(LABEL_PATTERN)
_EDGE_LABEL = re.compile(EDGE_LABEL_PATTERN)
_PERMISSION = re.compile(r"^(entities|edges):(read|write):([A-Za-z0-9_]+)$")
_FIELD_PATH = re.compile(r"^[a-z][A-Za-z0-9_]*(\.[a-z][A-Za-z0-9_]*)*$")
_STRING_WIDGETS = frozenset(
    {"text", "textarea", "password", "email", "uri", "color", "date", "datetime", "time"}
)


_NO_PROPERTIES = SchemaAnalysis(
    schema={}, properties={}, objects=frozenset(), declared=frozenset(), errors=()
)


@dataclass(frozen=True)
class LabelSchemas:
    """The analysed schema of each label whose schema could be read, by position."""

    vertex: Mapping[int, SchemaAnalysis]
    edge: Mapping[int, SchemaAnalysis]


def semantic_errors(
    document: Mapping[str, Any],
    schemas: LabelSchemas,
    *,
    file: str,
    directory: str | None = None,
) -> list[FieldError]:
    """Every cross-field problem of ``document``; ``directory`` is the plugin's directory name."""
    checker = _Checker(document, schemas, file)
    checker.slug(directory)
    checker.vertex_labels()
    checker.edge_labels()
    checker.permissions()
    checker.dependencies()
    return checker.errors


def is_reserved_label(name: str) -> bool:
    """A name plugraph keeps for its own nodes (compared case-insensitively)."""
    folded = name.casefold()
    return any(folded == reserved.casefold() for reserved in RESERVED_LABELS) or any(
        folded.startswith(prefix.casefold()) for prefix in RESERVED_LABEL_PREFIXES
    )


def _core_anchor(name: str) -> str | None:
    return next((anchor for anchor in CORE_ANCHORS if anchor.casefold() == name.casefold()), None)


class _Checker:
    def __init__(self, document: Mapping[str, Any], schemas: LabelSchemas, file: str) -> None:
        self.document = document
        self.schemas = schemas
        self.file = file
        self.errors: list[FieldError] = []
        self.own_labels: dict[str, int] = {}
        self.permissions_requested = {
            p for p in _list(document.get("permissions")) if isinstance(p, str)
        }

    def error(self, at: str, message: str) -> None:
        self.errors.append(FieldError(at, message, self.file))

    # -- identity --------------------------------------------------------------------

    def slug(self, directory: str | None) -> None:
        slug = self.document.get("slug")
        if directory is not None and isinstance(slug, str) and slug != directory:
            self.error("/slug", f"must equal the name of the plugin's directory, {directory!r}")

    # -- vertex labels ---------------------------------------------------------------

    def vertex_labels(self) -> None:
        for index, label in _objects(self.document.get("vertex_labels")):
            at = join("/vertex_labels", index)
            name = label.get("name")
            if isinstance(name, str) and _LABEL.match(name):
                self._vertex_label_name(name, index, join(at, "name"))
            analysis = self.schemas.vertex.get(index)
            if analysis is None:
                continue  # the schema could not be read; that error is reported already
            self._display(label.get("display"), analysis, join(at, "display"))
            self._indexes(label.get("indexes"), analysis, join(at, "indexes"))

    def _vertex_label_name(self, name: str, index: int, at: str) -> None:
        anchor = _core_anchor(name)
        if name in self.own_labels:
            first = join("/vertex_labels", self.own_labels[name])
            self.error(at, f"duplicate vertex label {name!r}: already declared at {first}")
            return
        if anchor is not None:
            self.error(
                at,
                f"{name!r} is reserved: {anchor} is a core anchor owned by the host "
                "(plugins attach edges to it but cannot declare it)",
            )
        elif is_reserved_label(name):
            self.error(at, f"{name!r} is reserved for plugraph's own data: choose another name")
        self.own_labels[name] = index

    def _indexes(self, indexes: Any, analysis: SchemaAnalysis, at: str) -> None:
        seen: dict[tuple[str, ...], int] = {}
        for index, spec in _objects(indexes):
            fields = [f for f in _list(spec.get("fields")) if isinstance(f, str)]
            for position, path in enumerate(_list(spec.get("fields"))):
                if isinstance(path, str):
                    self._index_field(path, analysis, join(at, index, "fields", position))
            key = tuple(fields)
            if key in seen:
                first = join(at, seen[key])
                self.error(
                    join(at, index),
                    f"the same fields are already indexed at {first}: declare each index once "
                    "(a unique index also serves lookups)",
                )
            else:
                seen[key] = index

    def _index_field(self, path: str, analysis: SchemaAnalysis, at: str) -> None:
        found = self._field(path, analysis, at)
        if found == "object":
            self.error(at, f"{path!r} is an object: index its properties (e.g. {path}.<name>)")
        elif isinstance(found, StoredProperty) and found.array:
            self.error(at, f"{path!r} is an array: only single values can be indexed")

    # -- display hints ---------------------------------------------------------------

    def _display(self, display: Any, analysis: SchemaAnalysis, at: str, hint: str = "") -> None:
        if not isinstance(display, dict):
            return
        title = display.get("title_field")
        if isinstance(title, str):
            found = self._field(title, analysis, join(at, "title_field"), hint)
            if found == "object":
                self.error(
                    join(at, "title_field"),
                    f"{title!r} is an object: name one of its properties (e.g. {title}.name)",
                )
            elif isinstance(found, StoredProperty) and found.array:
                self.error(join(at, "title_field"), f"{title!r} is an array: a title is one value")
        for position, column in enumerate(_list(display.get("list_columns"))):
            if isinstance(column, str):
                column_at = join(at, "list_columns", position)
                if self._field(column, analysis, column_at, hint) == "object":
                    self.error(
                        column_at,
                        f"{column!r} is an object: list its properties instead "
                        f"(e.g. {column}.name)",
                    )
        for position, path in enumerate(_list(display.get("field_order"))):
            if isinstance(path, str):
                self._field(path, analysis, join(at, "field_order", position), hint)
        widgets = display.get("widgets")
        if isinstance(widgets, dict):
            for path, widget in widgets.items():
                widget_at = join(at, "widgets", path)
                found = self._field(path, analysis, widget_at, hint)
                if found == "object":
                    self.error(widget_at, f"{path!r} is an object: widgets apply to its properties")
                elif isinstance(found, StoredProperty) and isinstance(widget, str):
                    problem = _widget_problem(widget, found)
                    if problem:
                        self.error(widget_at, problem)

    def _field(
        self, path: str, analysis: SchemaAnalysis, at: str, hint: str = ""
    ) -> StoredProperty | str | None:
        """The property ``path`` names: a StoredProperty, "object", or None (error reported)."""
        if not _FIELD_PATH.match(path):
            return None  # not a field path at all: the manifest schema reports it
        if path in analysis.properties:
            return analysis.properties[path]
        if path in analysis.objects:
            return "object"
        if path not in analysis.declared:
            known = [*analysis.properties, *analysis.objects]
            suggestion = _did_you_mean(path, known)
            self.error(at, f"{path!r} is not a property of the schema{hint}{suggestion}")
        return None  # declared but not storable: the schema error says why

    # -- edge labels -----------------------------------------------------------------

    def edge_labels(self) -> None:
        names: dict[str, int] = {}
        for index, edge in _objects(self.document.get("edge_labels")):
            at = join("/edge_labels", index)
            name = edge.get("name")
            if isinstance(name, str) and _EDGE_LABEL.match(name):
                if name in names:
                    first = join("/edge_labels", names[name])
                    self.error(
                        join(at, "name"),
                        f"duplicate edge label {name!r}: already declared at {first}",
                    )
                else:
                    names[name] = index
                if name in RESERVED_EDGE_LABELS:
                    self.error(
                        join(at, "name"),
                        f"{name!r} is one of plugraph's own "
                        "relationship types: choose another name",
                    )
            for side in ("from_labels", "to_labels"):
                for position, label in enumerate(_list(edge.get(side))):
                    if isinstance(label, str) and _LABEL.match(label):
                        self._endpoint(label, join(at, side, position))
            if edge.get("on_delete") == "cascade":
                self._cascade(edge, join(at, "on_delete"))
            analysis = self.schemas.edge.get(index)
            if analysis is None and "schema" not in edge:
                analysis, hint = _NO_PROPERTIES, " (the edge label declares no schema)"
            else:
                hint = ""
            if analysis is not None:
                self._display(edge.get("display"), analysis, join(at, "display"), hint)

    def _endpoint(self, label: str, at: str) -> None:
        if label in CORE_ANCHORS or label in self.own_labels:
            return
        known = [*CORE_ANCHORS, *self.own_labels]
        suggestion = _did_you_mean(label, known)
        if suggestion:
            self.error(at, f"unknown label {label!r}{suggestion}")
            return
        if is_reserved_label(label):
            self.error(
                at, f"{label!r} is one of plugraph's system labels: edges cannot attach to it"
            )
            return
        # Another plugin's label: the registry checks at install time that a dependency declares it.
        missing = []
        if not _list(self.document.get("dependencies")):
            missing.append("list the plugin that declares it under dependencies")
        if f"entities:read:{label}" not in self.permissions_requested:
            missing.append(f"request entities:read:{label} in permissions")
        if missing:
            self.error(
                at,
                f"{label!r} is neither a core anchor nor declared by this plugin: "
                f"if another plugin declares it, {' and '.join(missing)}",
            )

    def _cascade(self, edge: Mapping[str, Any], at: str) -> None:
        foreign = [
            label
            for label in _list(edge.get("to_labels"))
            if isinstance(label, str) and label not in self.own_labels
        ]
        if foreign:
            names = ", ".join(repr(label) for label in foreign)
            verb = "is" if len(foreign) == 1 else "are"
            self.error(
                at,
                "cascade deletes the targets, so every target label must be declared by this "
                f"plugin (core anchors and other plugins' entities are never cascaded): {names} "
                f"{verb} not; use detach or restrict",
            )

    # -- permissions and dependencies ------------------------------------------------

    def permissions(self) -> None:
        for position, scope in enumerate(_list(self.document.get("permissions"))):
            match = _PERMISSION.match(scope) if isinstance(scope, str) else None
            if match is None:
                continue
            kind, _operation, name = match.groups()
            reserved = (
                is_reserved_label(name) if kind == "entities" else (name in RESERVED_EDGE_LABELS)
            )
            if reserved:
                self.error(
                    join("/permissions", position),
                    f"{name!r} is part of plugraph's own data, which plugins cannot be granted",
                )

    def dependencies(self) -> None:
        own_slug = self.document.get("slug")
        seen: dict[str, int] = {}
        for position, dependency in _objects(self.document.get("dependencies")):
            slug = dependency.get("slug")
            if not isinstance(slug, str):
                continue
            at = join("/dependencies", position, "slug")
            if slug == own_slug:
                self.error(at, "a plugin cannot depend on itself")
            elif slug in seen:
                first = join("/dependencies", seen[slug])
                self.error(at, f"duplicate dependency on {slug!r}: already listed at {first}")
            else:
                seen[slug] = position


def _widget_problem(widget: str, prop: StoredProperty) -> str | None:
    scalar = not prop.array
    fits = {
        "select": scalar and prop.enum is not None,
        "radio": scalar and (prop.enum is not None or prop.type == "boolean"),
        "checkbox": scalar and prop.type == "boolean",
        "checkboxes": prop.array and prop.enum is not None,
        "updown": scalar and prop.type in ("integer", "number"),
        "range": scalar and prop.type in ("integer", "number"),
        "hidden": True,
    }
    works_on = {
        "select": "properties with an enum",
        "radio": "properties with an enum, and booleans",
        "checkbox": "booleans",
        "checkboxes": "arrays whose items have an enum",
        "updown": "integers and numbers",
        "range": "integers and numbers",
    }
    if widget in _STRING_WIDGETS:
        ok, needs = scalar and prop.type == "string", "strings"
    elif widget in fits:
        ok, needs = fits[widget], works_on.get(widget, "")
    else:
        return None  # an unknown widget name: reported by the manifest schema
    if ok:
        return None
    actual = f"an array of {prop.type}s" if prop.array else _a(prop.type)
    if prop.enum is None and widget in ("select", "radio", "checkboxes"):
        actual += " without an enum"
    return f"the {widget} widget works on {needs}, and {prop.path!r} is {actual}"


def _a(type_name: str) -> str:
    return f"an {type_name}" if type_name[0] in "aeiou" else f"a {type_name}"


def _did_you_mean(name: str, candidates: Sequence[str]) -> str:
    folded = {candidate.casefold(): candidate for candidate in candidates}
    if name.casefold() in folded:
        return f": did you mean {folded[name.casefold()]!r}?"
    close = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.75)
    return f": did you mean {folded[close[0]]!r}?" if close else ""


def _objects(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    for index, item in enumerate(_list(value)):
        if isinstance(item, dict):
            yield index, item


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
