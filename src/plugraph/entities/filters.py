"""List parameters: ``limit``, ``cursor``, ``sort``, ``total`` and ``filter[...]``.

Filters and sorts name declared, indexed fields of the label (``indexes`` in the
manifest); anything else is a 422 before any query text exists. Syntax::

    filter[status]=ACTIVE              equality
    filter[status][in]=ACTIVE,SUSPENDED  one of (comma-separated, at most 100 values)
    filter[name][prefix]=ab            starts with (string fields)
    sort=name | sort=-name             ascending / descending, always tie-broken by id

Values are converted to the field's declared type (``integer``, ``number``,
``boolean``, ``string``); they only ever become query parameters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from plugraph.errors import FieldError, ValidationFailed
from plugraph.manifests.label_schema import StoredProperty
from plugraph.registry.runtime import VertexLabelRuntime

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
MAX_IN_VALUES = 100
ID_FIELD = "id"

Operator = Literal["eq", "in", "prefix"]
_FILTER_PARAM = re.compile(r"^filter\[([^\[\]]*)\](?:\[([^\[\]]*)\])?$")
_OPERATORS: frozenset[str] = frozenset({"eq", "in", "prefix"})


@dataclass(frozen=True)
class Filter:
    field: str
    op: Operator
    value: Any  # a scalar, or a list of scalars for "in"


@dataclass(frozen=True)
class Sort:
    field: str  # "id" or a declared indexed field
    descending: bool = False

    @property
    def text(self) -> str:
        return f"-{self.field}" if self.descending else self.field


@dataclass(frozen=True)
class ListParams:
    limit: int = DEFAULT_LIMIT
    sort: Sort = Sort(ID_FIELD)
    filters: tuple[Filter, ...] = ()
    cursor: str | None = None
    total: bool = False


def parse_list_params(items: Iterable[tuple[str, str]], runtime: VertexLabelRuntime) -> ListParams:
    """Parse query parameters (name, value pairs, repeated names allowed) or 422 with
    every problem."""
    errors: list[FieldError] = []
    seen: set[str] = set()
    limit, sort, cursor, total = DEFAULT_LIMIT, Sort(ID_FIELD), None, False
    filters: list[Filter] = []
    for name, value in items:
        if name in seen:
            errors.append(FieldError(f"/{name}", "is given more than once"))
            continue
        seen.add(name)
        if name == "limit":
            limit = _limit(value, errors)
        elif name == "cursor":
            cursor = value
        elif name == "sort":
            sort = _sort(value, runtime, errors)
        elif name == "total":
            total = _boolean(value, f"/{name}", errors) or False
        elif (match := _FILTER_PARAM.fullmatch(name)) is not None:
            parsed = _filter(name, match.group(1), match.group(2) or "eq", value, runtime, errors)
            if parsed is not None:
                filters.append(parsed)
        else:
            errors.append(FieldError(f"/{name}", "is not a known query parameter"))
    if errors:
        raise ValidationFailed("invalid list parameters", errors)
    return ListParams(limit, sort, tuple(filters), cursor, total)


def parse_limit(value: str | None) -> int:
    errors: list[FieldError] = []
    limit = DEFAULT_LIMIT if value is None else _limit(value, errors)
    if errors:
        raise ValidationFailed("invalid list parameters", errors)
    return limit


def _limit(value: str, errors: list[FieldError]) -> int:
    if not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT:
        errors.append(FieldError("/limit", f"must be an integer from 1 to {MAX_LIMIT}"))
        return DEFAULT_LIMIT
    return int(value)


def _sort(value: str, runtime: VertexLabelRuntime, errors: list[FieldError]) -> Sort:
    descending = value.startswith("-")
    field = value[1:] if descending else value
    if field != ID_FIELD and field not in runtime.indexed:
        errors.append(FieldError("/sort", _not_indexed(field, runtime, "sort")))
        return Sort(ID_FIELD)
    return Sort(field, descending)


def _filter(
    param: str,
    field: str,
    op: str,
    raw: str,
    runtime: VertexLabelRuntime,
    errors: list[FieldError],
) -> Filter | None:
    pointer = f"/{param}"
    if field not in runtime.indexed:
        errors.append(FieldError(pointer, _not_indexed(field, runtime, "filter")))
        return None
    if op not in _OPERATORS:
        errors.append(FieldError(pointer, "the operator must be one of: eq, in, prefix"))
        return None
    prop = runtime.fields[field]
    if op == "prefix":
        if prop.type != "string":
            errors.append(FieldError(pointer, "prefix filters apply to string fields only"))
            return None
        return Filter(field, "prefix", raw)
    if op == "in":
        parts = raw.split(",")
        if len(parts) > MAX_IN_VALUES:
            errors.append(FieldError(pointer, f"takes at most {MAX_IN_VALUES} values"))
            return None
        values = [_typed(part, prop, pointer, errors) for part in parts]
        return Filter(field, "in", values)
    return Filter(field, "eq", _typed(raw, prop, pointer, errors))


def _typed(raw: str, prop: StoredProperty, pointer: str, errors: list[FieldError]) -> Any:
    if prop.type == "integer":
        if re.fullmatch(r"-?\d{1,18}", raw):
            return int(raw)
        errors.append(FieldError(pointer, "must be an integer"))
    elif prop.type == "number":
        if re.fullmatch(r"-?\d{1,18}", raw):
            return int(raw)
        if re.fullmatch(r"-?\d{1,18}(\.\d{1,18})?([eE][-+]?\d{1,2})?", raw):
            return float(raw)
        errors.append(FieldError(pointer, "must be a number"))
    elif prop.type == "boolean":
        return _boolean(raw, pointer, errors)
    else:
        return raw
    return None


def _boolean(raw: str, pointer: str, errors: list[FieldError]) -> bool | None:
    if raw in ("true", "false"):
        return raw == "true"
    errors.append(FieldError(pointer, "must be true or false"))
    return None


def _not_indexed(field: str, runtime: VertexLabelRuntime, what: str) -> str:
    allowed = ", ".join(sorted(runtime.indexed | ({ID_FIELD} if what == "sort" else set())))
    return (
        f"{field!r} is not a {what}able field of {runtime.name} "
        f"(declared indexed fields: {allowed or 'none'})"
    )
