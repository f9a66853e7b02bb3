"""A label's JSON Schema compiled twice: jsonschema-rs decides, jsonschema words the errors.

Validating a document with ``jsonschema`` costs 80-250 us, nearly all of it in the
library's interpreter; ``jsonschema-rs`` (Rust, Draft 2020-12) answers "valid or not" in
a few microseconds. :class:`CompiledSchema` holds both: the Rust validator (``fast``)
judges every document first, and only a document it rejects goes through jsonschema's
``iter_errors`` for the located, worded errors of the 422. When jsonschema finds nothing
wrong with a document the Rust side rejected, jsonschema wins: the document is valid.

The two must agree on what is valid, so the Rust validator gets a translated copy of
the schema where the engines differ:

* ``pattern`` is rewritten for Rust's regex crate so that it matches where Python's
  ``re`` (which jsonschema uses) matches: ``\\d``, ``\\w`` and ``\\s`` become Python's sets
  of characters, ``$`` also matches before a final newline, ``\\Z`` keeps Python's
  meaning (:mod:`plugraph.manifests.rust_regex`). A pattern the rewrite cannot keep exact
  (``(?i)``, lookaround, backreferences...) is matched with ``re`` itself, called from Rust;
* ``multipleOf``, and ``minimum``/``maximum``/``exclusiveMinimum``/``exclusiveMaximum``
  bounds of 2**53 or more, are checked by jsonschema itself (float arithmetic and
  comparisons of large integers with floats differ);
* ``format`` uses plugraph's checks (``formats=``), called from Rust, except a format
  that is exactly a schema (``format_schemas``: ``email`` is a pattern and a maxLength),
  which is checked as that schema in Rust; any other format name in the schema passes,
  as it does with jsonschema's format checker, instead of Rust's built-in check.

Documents that are not plain JSON (a ``NaN`` or an infinity, which Python's JSON parser
accepts, a tuple, a non-string key) skip the Rust side. A schema the Rust side cannot
compile (or one using ``patternProperties``, whose regexes could not be kept in Python)
is validated by jsonschema alone; that is logged once per schema and never an error.
``tests/manifests/test_compiled_schema.py`` checks the two agree on thousands of
documents.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import structlog
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from plugraph.errors import FieldError
from plugraph.manifests.rust_regex import rust_pattern
from plugraph.manifests.validation_errors import field_errors

try:
    import jsonschema_rs
except ImportError:  # pragma: no cover - a declared dependency; jsonschema alone still works
    jsonschema_rs = None

# Rust's regex crate, not fancy-regex: every pattern the Rust side sees is a rewrite by
# plugraph.manifests.rust_regex, plain regular syntax, matched in linear time.
_REGEX_OPTIONS = jsonschema_rs.RegexOptions() if jsonschema_rs is not None else None

log = structlog.get_logger(__name__)

_PREFIX = "x-plugraph-"
"""Custom keywords of the translated schema; a schema using the prefix is not accelerated."""

_SCHEMA_MAPS = frozenset({"properties", "$defs", "definitions", "dependentSchemas"})
_DATA_KEYWORDS = frozenset({"enum", "const", "default", "examples"})
_RANGE_KEYWORDS = frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"})
_EXACT_FLOATS = 2**53
"""Bounds at least this large are compared by jsonschema (Rust's int/float comparison differs)."""


class _PythonPattern:
    """``pattern`` matched as jsonschema matches it: ``re.search`` on strings."""

    def __init__(self, parent_schema: Any, value: str, schema_path: Any) -> None:
        self._search = re.compile(value).search

    def validate(self, instance: Any) -> None:
        if isinstance(instance, str) and self._search(instance) is None:
            raise ValueError("does not match the pattern")


def _jsonschema_keyword(keyword: str) -> type:
    """A custom keyword for jsonschema-rs that asks jsonschema about ``keyword`` alone."""

    class JsonschemaKeyword:
        def __init__(self, parent_schema: Any, value: Any, schema_path: Any) -> None:
            self._validator = Draft202012Validator({keyword: value})

        def validate(self, instance: Any) -> None:
            if not self._validator.is_valid(instance):
                raise ValueError(f"fails {keyword}")

    JsonschemaKeyword.__name__ = f"Jsonschema_{keyword}"
    return JsonschemaKeyword


_KEYWORDS: dict[str, type] = {
    _PREFIX + "pattern": _PythonPattern,
    **{
        _PREFIX + keyword: _jsonschema_keyword(keyword)
        for keyword in ("multipleOf", *sorted(_RANGE_KEYWORDS))
    },
}


class NotAccelerated(Exception):
    """The schema uses something the translation for jsonschema-rs cannot keep exact."""


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _checked_in_python(keyword: str, value: Any) -> bool:
    if keyword == "multipleOf":
        return _is_number(value)
    return keyword in _RANGE_KEYWORDS and _is_number(value) and abs(value) >= _EXACT_FLOATS


def translate(
    schema: Any, formats: set[str], format_schemas: Mapping[str, Mapping[str, Any]]
) -> Any:
    """The schema for jsonschema-rs (see the module docstring); collects ``format`` names.

    A ``format`` named in ``format_schemas`` becomes that schema, added to ``allOf``."""
    if isinstance(schema, list | tuple):
        return [translate(item, formats, format_schemas) for item in schema]
    if not isinstance(schema, Mapping):
        return schema
    result: dict[str, Any] = {}
    added: list[Any] = []
    for key, value in schema.items():
        if isinstance(key, str) and key.startswith(_PREFIX):
            raise NotAccelerated(f"the schema uses the reserved keyword {key}")
        if key == "patternProperties":
            raise NotAccelerated("patternProperties would be matched by Rust's regex engine")
        if key in _DATA_KEYWORDS:
            result[key] = value
        elif key in _SCHEMA_MAPS and isinstance(value, Mapping):
            result[key] = {
                name: translate(sub, formats, format_schemas) for name, sub in value.items()
            }
        elif key == "pattern" and isinstance(value, str):
            native = rust_equivalent(value)
            if native is None:
                result[_PREFIX + key] = value
            else:
                result[key] = native
        elif _checked_in_python(key, value):
            result[_PREFIX + key] = value
        elif key == "format" and isinstance(value, str) and value in format_schemas:
            added.append(translate(format_schemas[value], formats, {}))
        else:
            if key == "format" and isinstance(value, str):
                formats.add(value)
            result[key] = translate(value, formats, format_schemas)
    if added:
        result["allOf"] = [*result.get("allOf", []), *added]
    return result


@functools.lru_cache(maxsize=4096)
def rust_equivalent(pattern: str) -> str | None:
    """``pattern`` as Rust's regex crate must read it to match alike (``rust_pattern``), or
    None when there is no exact rewrite or Rust cannot compile it."""
    native = rust_pattern(pattern)
    if native is None or jsonschema_rs is None:
        return None
    try:
        jsonschema_rs.Draft202012Validator({"pattern": native}, pattern_options=_REGEX_OPTIONS)
    except Exception:  # e.g. over the regex crate's size limit: Python matches it
        return None
    return native


_SCALARS = frozenset({str, int, bool, type(None)})


def is_plain_json(document: Any) -> bool:
    """True for what ``json.loads`` makes of standard JSON: no NaN/infinity, str keys only.

    Exact types only (a str or dict subclass, a tuple, a Decimal are not plain). May raise
    RecursionError for absurdly deep documents.
    """
    kind = type(document)
    if kind in _SCALARS:
        return True
    if kind is dict:
        for key, value in document.items():
            if type(key) is not str or (type(value) is not str and not is_plain_json(value)):
                return False
        return True
    if kind is list:
        return all(type(value) is str or is_plain_json(value) for value in document)
    if kind is float:
        return document - document == 0.0  # False for NaN and the infinities
    return False


_logged: set[str] = set()
_logged_lock = threading.Lock()


def _log_once(event: str, schema: Any, **details: Any) -> None:
    try:
        text = json.dumps(schema, sort_keys=True, default=repr)
    except (TypeError, ValueError):
        text = repr(schema)
    key = event + hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()
    with _logged_lock:
        if key in _logged:
            return
        _logged.add(key)
    title = schema.get("title") if isinstance(schema, Mapping) else None
    log.warning(event, title=title, **details)


def accelerate(
    schema: Any,
    formats: Mapping[str, Callable[[str], bool]],
    format_schemas: Mapping[str, Mapping[str, Any]] | None = None,
) -> Any | None:
    """A jsonschema-rs validator agreeing with jsonschema on ``schema``, or None (logged once).

    ``formats`` are the checks of format names, called from Rust; ``format_schemas`` the
    formats that are exactly a schema (a ``pattern``, a ``maxLength``), checked in Rust."""
    if jsonschema_rs is None:  # pragma: no cover
        _log_once("schema.not_accelerated", schema, reason="jsonschema_rs is not installed")
        return None
    names: set[str] = set()
    try:
        translated = translate(schema, names, format_schemas or {})
        checks: dict[str, Callable[[str], bool]] = dict.fromkeys(names - set(formats), _any_string)
        checks.update(formats)
        return jsonschema_rs.Draft202012Validator(
            translated,
            formats=checks,
            validate_formats=True,
            keywords=_KEYWORDS,
            offline=True,
            pattern_options=_REGEX_OPTIONS,
        )
    except Exception as exc:  # never fail an install because of the accelerator
        _log_once(
            "schema.not_accelerated",
            schema,
            reason=f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}",
        )
        return None


def _any_string(value: str) -> bool:
    return True


class CompiledSchema:
    """A schema's jsonschema validator (``validator``) and its jsonschema-rs twin (``fast``).

    Use it where a ``Draft202012Validator`` was used: :meth:`is_valid` and
    :meth:`iter_errors` ask ``fast`` first and jsonschema only for documents it rejects;
    :meth:`errors` gives the :class:`FieldError` s of the 422 (empty when valid).
    """

    __slots__ = ("_disagreed", "fast", "schema", "validator")

    def __init__(self, schema: Any, validator: Draft202012Validator, fast: Any | None) -> None:
        self.schema = schema
        self.validator = validator  # jsonschema: the reference semantics, words the errors
        self.fast = fast  # jsonschema_rs validator; None when the schema is not accelerated
        self._disagreed = False

    def verdict(self, document: Any) -> bool | None:
        """jsonschema-rs's answer for ``document``; None when it has none to give."""
        if self.fast is None:
            return None
        try:
            if not is_plain_json(document):
                return None
            return bool(self.fast.is_valid(document))
        except Exception:  # a lone surrogate in a string, a very deep document: jsonschema decides
            return None

    def is_valid(self, document: Any) -> bool:
        return self.verdict(document) is True or self.validator.is_valid(document)

    def iter_errors(self, document: Any) -> Iterator[ValidationError]:
        """jsonschema's errors for ``document`` (none without asking it when ``fast`` accepts)."""
        if self.verdict(document) is True:
            return iter(())
        return self.validator.iter_errors(document)

    def errors(self, document: Any, *, base: str = "") -> list[FieldError]:
        """Every violation with its JSON pointer (prefixed with ``base``); empty when valid."""
        verdict = self.verdict(document)
        if verdict is True:
            return []
        errors = field_errors(self.validator.iter_errors(document), base=base)
        if verdict is False and not errors and not self._disagreed:
            self._disagreed = True  # jsonschema is the reference: the document is valid
            _log_once("schema.accelerator_disagrees", self.schema)
        return errors


def compile_schema(
    schema: Mapping[str, Any],
    *,
    format_checker: FormatChecker,
    formats: Mapping[str, Callable[[str], bool]],
    format_schemas: Mapping[str, Mapping[str, Any]] | None = None,
) -> CompiledSchema:
    """Compile ``schema`` for jsonschema (``format_checker``) and jsonschema-rs (``formats``).

    ``formats`` must be the checks ``format_checker`` applies to strings, by format name;
    ``format_schemas`` schemas that accept exactly the strings some of those checks accept.
    """
    validator = Draft202012Validator(schema, format_checker=format_checker)
    return CompiledSchema(schema, validator, accelerate(schema, formats, format_schemas))
