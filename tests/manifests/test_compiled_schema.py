"""jsonschema-rs judges documents first; it must never change a verdict jsonschema would give.

Differential: for every label schema of every example manifest, thousands of documents
(a valid sample and systematic mutations of it) are judged by both validators, and the
Rust verdict (``CompiledSchema.verdict``: ``fast.is_valid`` for plain JSON documents) must
equal "jsonschema finds no error". The errors of the 422 must be exactly jsonschema's.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from plugraph.manifests import compiled_schema
from plugraph.manifests.compiled_schema import CompiledSchema, is_plain_json
from plugraph.manifests.entity_schema import (
    CHECKED_FORMATS,
    FORMAT_CHECKER,
    compile_entity_schema,
    schema_errors,
)
from plugraph.manifests.loader import load_manifest
from plugraph.manifests.validation_errors import field_errors
from tests.support.example_documents import SAMPLES

EXAMPLES = Path(__file__).resolve().parents[2] / "manifests"

# Digits other than 0-9 that Python's \d matches (Rust's, in jsonschema-rs, does not).
ARABIC_DIGITS = str.maketrans("0123456789", "".join(chr(0x660 + i) for i in range(10)))
FULLWIDTH_DIGITS = str.maketrans("0123456789", "".join(chr(0xFF10 + i) for i in range(10)))

# Valid and invalid values for every checked format, near the edges of each.
FORMAT_CASES: dict[str, list[str]] = {
    "date": [
        "2024-05-01",
        "2024-02-29",
        "2023-02-29",
        "2024-13-01",
        "2024-5-1",
        "20240501",
        "2024-05-01T00:00:00Z",
        "2024-05-01\n",
        "2024-05-01".translate(ARABIC_DIGITS),
        "",
    ],
    "date-time": [
        "2024-05-01T12:00:00Z",
        "2024-05-01t12:00:00z",
        "2024-05-01T12:00:00.250+02:00",
        "2024-05-01T12:00:00",
        "2024-05-01 12:00:00Z",
        "2024-05-01T25:00:00Z",
        "2024-05-01T12:00:60Z",
        "2024-02-30T12:00:00Z",
        "2024-05-01T12:00:00+2:00",
        "2024-05-01T12:00:00Z\n",
        "2024-05-01T12:00:00-00:00",
    ],
    "time": ["12:00:00Z", "12:00:00+02:00", "12:00:00.5Z", "12:00:00", "24:00:00Z", "12:00Z"],
    "email": [
        "name@example.com",
        "a@b",
        "a b@example.com",
        "a@example..com",
        "x" * 250 + "@example.com",
        "name@example.com\n",
        "näme@example.com",
        "@example.com",
        "name@-example.com",
        "name@[10.0.0.1]",
        "Name <name@example.com>",
    ],
    "uri": [
        "https://example.com/x",
        "https://",
        "http:///x",
        "mailto:a@example.com",
        "urn:isbn:0451450523",
        "example.com/x",
        "https://exa mple.com",
        "http://[::1",
        "http://[::1]/",
        "ftp://host/p",
        "https://example.com/\n",
        "https://example.com/ü",
    ],
    "uuid": [
        "123e4567-e89b-12d3-a456-426614174000",
        "123E4567-E89B-12D3-A456-426614174000",
        "123e4567e89b12d3a456426614174000",
        "{123e4567-e89b-12d3-a456-426614174000}",
        "123e4567-e89b-12d3-a456-42661417400",
    ],
    "ipv4": ["10.0.0.1", "256.0.0.1", "10.0.0", "010.0.0.1", "::1", "10.0.0.1\n"],
    "ipv6": ["2001:db8::1", "::1", "::ffff:10.0.0.1", "10.0.0.1", "2001:db8::g", "fe80::1%eth0"],
}

# Strings on which regex engines disagree (Unicode classes, "$" before a final newline).
PATTERN_CASES = [
    "",
    "a",
    "\n",
    "123456789012",
    "123456789012\n",
    "123456789012".translate(ARABIC_DIGITS),
    "123456789012".translate(FULLWIDTH_DIGITS),
    "abc",
    "abc\n",
    "a\nb",
    "é",
    "ß",
    "_",
    "a=b",
    "a=b\n",
    "=b",
    "PT4H",
    "PT4H\n",
    "PT4H".translate(ARABIC_DIGITS),
]

# A value of every JSON type, and the values numbers are compared wrongly with.
OTHER_TYPES: list[Any] = [None, True, False, 0, 1, -1, 1.0, 1.5, "", "x", [], ["x"], [1], {}]
NUMBERS: list[Any] = [0, -1, 1, 1.0, 0.5, 2**53 + 1, float(2**53), 2**64, 2**70, 1e308, -1e308]
NUMBERS += [math.inf, -math.inf, math.nan]

MISSING = object()
COMBINATIONS = 500


def _labels() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for directory in sorted(path for path in EXAMPLES.iterdir() if path.is_dir()):
        manifest = load_manifest(directory)
        for vertex in manifest.vertex_labels:
            yield manifest.slug, vertex.name, vertex.json_schema
        for edge in manifest.edge_labels:
            if edge.json_schema is not None:
                yield manifest.slug, edge.name, edge.json_schema


LABELS = list(_labels())


def _facets(root: Mapping[str, Any], schema: Any) -> dict[str, list[Any]]:
    """The keywords of ``schema`` and of what it refers to (allOf, anyOf, oneOf, $ref)."""
    found: dict[str, list[Any]] = {}
    todo = [schema]
    while todo:
        current = todo.pop()
        if not isinstance(current, Mapping):
            continue
        for key, value in current.items():
            if key in ("allOf", "anyOf", "oneOf"):
                todo.extend(value)
            elif key == "$ref" and value.startswith("#/"):
                target: Any = root
                for part in value[2:].split("/"):
                    target = target[part.replace("~1", "/").replace("~0", "~")]
                todo.append(target)
            else:
                found.setdefault(key, []).append(value)
    return found


def _types(facets: dict[str, list[Any]]) -> set[str]:
    types: set[str] = set()
    for declared in facets.get("type", []):
        types.update([declared] if isinstance(declared, str) else declared)
    for values in facets.get("enum", []):
        types.update(type(value).__name__ for value in values)
    return types


def _string_edits(text: str) -> list[str]:
    return [
        text,
        text + "\n",
        "\n" + text,
        " " + text,
        text + " ",
        text + "\x00",
        text.upper(),
        text.lower(),
        text[:-1],
        text + text[-1:],
        text * 2,
        text.translate(ARABIC_DIGITS),
        text.translate(FULLWIDTH_DIGITS),
        text.replace("a", "é", 1),
        text + "é",
        text + "\u00a0",
        text.replace("-", "\u2010"),
        text + "😀",
        text + "\ud800",  # a lone surrogate: not plain JSON, jsonschema decides
    ]


def _scalar_variants(root: Mapping[str, Any], schema: Any, current: Any) -> Iterator[Any]:
    facets = _facets(root, schema)
    types = _types(facets)
    yield from OTHER_TYPES
    for values in facets.get("enum", []) + [[value] for value in facets.get("const", [])]:
        for value in values:
            yield value
            if isinstance(value, str):
                yield from (value.upper(), value.lower(), value.title(), value + " ", value[:-1])
    if "string" in types or "str" in types:
        text = current if isinstance(current, str) else "x"
        yield from _string_edits(text)
        for length in facets.get("maxLength", []) + facets.get("minLength", []):
            for n in (max(length - 1, 0), length, length + 1):
                yield from ("a" * n, "😀" * n, (text * (n + 1))[:n])
        for name in facets.get("format", []):
            yield from FORMAT_CASES[name]
        if facets.get("pattern"):
            yield from PATTERN_CASES
    if types & {"integer", "number", "int", "float"}:
        yield from NUMBERS
        bounds = [facets.get(key, []) for key in ("minimum", "maximum")]
        bounds += [facets.get(key, []) for key in ("exclusiveMinimum", "exclusiveMaximum")]
        for bound in [value for values in bounds for value in values]:
            yield from (bound - 1, bound, bound + 1, bound - 0.5, bound + 0.5, float(bound))
        if isinstance(current, int | float):
            yield from (current - 1, current + 1, float(current), current + 0.5, -current)
    if "array" in types:
        yield from _array_variants(root, facets, current if isinstance(current, list) else [])
    if "object" in types:
        yield from _object_variants(root, schema, current if isinstance(current, dict) else {})


def _array_variants(root: Mapping[str, Any], facets: dict[str, list[Any]], current: list[Any]):
    items = facets.get("items", [{}])[0]
    first = current[0] if current else "x"
    yield from ([], list(current), current + current, [first, first])
    for n in facets.get("maxItems", []) + facets.get("minItems", []):
        for count in (max(n - 1, 0), n, n + 1):
            yield [f"{first}{i}" if isinstance(first, str) else i for i in range(count)]
            yield [first] * count
    for alternative in _scalar_variants(root, items, first):
        yield [alternative]
        yield [*current, alternative]


def _object_variants(root: Mapping[str, Any], schema: Any, current: dict[str, Any]):
    facets = _facets(root, schema)
    properties: dict[str, Any] = {}
    for declared in facets.get("properties", []):
        properties.update(declared)
    yield {}
    for name in current:
        yield {key: value for key, value in current.items() if key != name}
    for extra in ("colour", "Name", "id", "_meta", "owner.name", ""):
        yield {**current, extra: "x"}
    for name, sub in properties.items():
        for value in _scalar_variants(root, sub, current.get(name, MISSING)):
            yield {**current, name: value}


def _documents(schema: dict[str, Any], sample: dict[str, Any], seed: str) -> Iterator[Any]:
    """The sample, every single mutation of it, then random combinations of 1-3 mutations."""
    yield sample
    yield from OTHER_TYPES
    yield from _object_variants(schema, schema, sample)
    pools = {
        name: [*_scalar_variants(schema, sub, sample.get(name, MISSING)), MISSING]
        for name, sub in schema["properties"].items()
    }
    names = sorted(pools)
    rng = random.Random(seed)
    for _ in range(COMBINATIONS):
        document = dict(sample)
        for name in rng.sample(names, k=rng.randint(1, min(3, len(names)))):
            value = rng.choice(pools[name])
            if value is MISSING:
                document.pop(name, None)
            else:
                document[name] = value
        yield document


@pytest.mark.parametrize(
    ("slug", "label", "schema"), LABELS, ids=[f"{s}/{n}" for s, n, _ in LABELS]
)
def test_the_accelerator_agrees_with_jsonschema_on_every_example_label(slug, label, schema):
    sample = SAMPLES.get((slug, label))
    assert sample is not None, f"add a valid sample document for {slug}/{label} to SAMPLES"
    compiled = compile_entity_schema(schema)
    assert compiled.fast is not None, "every example schema is accelerated"
    assert list(compiled.validator.iter_errors(sample)) == [], "the sample must be valid"

    disagreements: list[str] = []
    total = judged = valid = 0
    for document in _documents(schema, sample, seed=f"{slug}/{label}"):
        found = list(compiled.validator.iter_errors(document))
        expected = not found
        total += 1
        valid += expected
        verdict = compiled.verdict(document)
        if verdict is not None:
            judged += 1
            if verdict != expected:
                disagreements.append(f"rs={verdict} jsonschema={expected}: {document!r}")
        if compiled.is_valid(document) != expected:
            disagreements.append(f"is_valid differs: {document!r}")
        if schema_errors(compiled, document) != field_errors(found):
            disagreements.append(f"errors differ: {document!r}")

    assert disagreements == [], "\n".join(disagreements[:20])
    print(f"{slug}/{label}: {total} documents, {valid} valid, {judged} judged by jsonschema-rs")
    assert total >= COMBINATIONS + 80
    assert judged >= 0.9 * total, "the fast path must judge nearly every document"
    assert valid >= 10 and total - valid >= 50, "both verdicts must be exercised"


@pytest.mark.parametrize("name", sorted(CHECKED_FORMATS))
def test_every_checked_format_is_checked_the_same_way(name: str):
    schema = {"type": "object", "properties": {"v": {"type": "string", "format": name}}}
    compiled = compile_entity_schema(schema)
    values = [value for cases in FORMAT_CASES.values() for value in cases]
    verdicts = {value: compiled.verdict({"v": value}) for value in values}
    expected = {value: compiled.validator.is_valid({"v": value}) for value in values}
    assert verdicts == expected
    assert any(expected.values())
    assert not all(expected.values())


def test_patterns_are_matched_as_python_matches_them():
    patterns = [r"^\d{12}$", r"^\D+$", r"^\w+$", r"^\W+$", r"^[a-z]+$", r"\Aab\Z", r"(?i)^STRASSE$"]
    schema = {
        "type": "object",
        "properties": {f"p{i}": {"type": "string", "pattern": p} for i, p in enumerate(patterns)},
    }
    compiled = compile_entity_schema(schema)
    assert compiled.fast is not None  # \Z is Python-only syntax, yet the schema compiles
    strings = [*PATTERN_CASES, "ab", "ab\n", "straße", "STRASSE", "é", "\u00a0", "x y"]
    for i in range(len(patterns)):
        for text in strings:
            document = {f"p{i}": text}
            assert compiled.verdict(document) == compiled.validator.is_valid(document), (
                patterns[i],
                text,
            )
    # What the Rust engine alone would get wrong, the compiled schema gets right:
    assert compiled.verdict({"p0": "123456789012".translate(ARABIC_DIGITS)}) is True
    assert compiled.verdict({"p1": "1".translate(ARABIC_DIGITS)}) is False
    assert compiled.verdict({"p4": "abc\n"}) is True


def _outcome(is_valid: Any, document: Any) -> bool | str:
    """``is_valid(document)``, or the name of what it raised (jsonschema: inf % 0.1)."""
    try:
        return bool(is_valid(document))
    except Exception as exc:
        return type(exc).__name__


def test_numbers_are_compared_as_jsonschema_compares_them():
    big = 2**64 + 1
    schema = {
        "type": "object",
        "properties": {
            "tenth": {"type": "number", "multipleOf": 0.1},
            "cent": {"type": "number", "multipleOf": 0.01},
            "three": {"type": "integer", "multipleOf": 3},
            "low": {"type": "number", "minimum": big},
            "high": {"type": "number", "exclusiveMaximum": -big},
            "any": {"maximum": 10, "minimum": -10},
        },
    }
    compiled = compile_entity_schema(schema)
    assert compiled.fast is not None
    values = [*NUMBERS, 0.3, 19.99, 0.30000000000000004, 9.0, 3, 2**64, float(2**64), big, -big]
    values += [float(-big), 1e19, 10**400]
    for name in schema["properties"]:
        for value in values:
            document = {name: value}
            expected = _outcome(compiled.validator.is_valid, document)
            verdict = compiled.verdict(document)
            if isinstance(expected, bool):
                assert verdict in (None, expected), (name, value)
            else:  # jsonschema raises (10**400 / 0.1): the fast path must not accept it
                assert verdict is not True, (name, value)
            assert _outcome(compiled.is_valid, document) == expected, (name, value)
    assert compiled.verdict({"tenth": 0.3}) is False  # jsonschema: 0.3 / 0.1 is not whole
    assert compiled.verdict({"low": float(2**64)}) is False
    assert compiled.verdict({"any": math.inf}) is None  # not plain JSON: jsonschema decides
    assert not compiled.is_valid({"any": math.inf})


def test_formats_plugraph_does_not_check_pass_as_they_do_with_jsonschema():
    compiled = compile_entity_schema(
        {"properties": {"h": {"type": "string", "format": "hostname"}}}
    )
    assert compiled.validator.is_valid({"h": "-not a hostname-"})
    assert compiled.verdict({"h": "-not a hostname-"}) is True


def test_documents_that_are_not_plain_json_are_left_to_jsonschema():
    compiled = compile_entity_schema(
        {"type": "object", "properties": {"n": {"type": "number"}, "a": {"type": "array"}}}
    )
    for document in ({"n": math.nan}, {"n": -math.inf}, {"a": (1, 2)}, {1: 2}):
        assert compiled.verdict(document) is None
        assert compiled.is_valid(document) == compiled.validator.is_valid(document)
    # A lone surrogate cannot cross into Rust; jsonschema-rs either agrees or abstains.
    for document in ({"n": "\ud800"}, {"a": ["\ud800"]}, {"b": "\ud800"}):
        assert compiled.verdict(document) in (None, compiled.validator.is_valid(document))
        assert compiled.is_valid(document) == compiled.validator.is_valid(document)
    assert is_plain_json({"a": [1, 2.5, "x", None, True, {"b": []}]})


class _Log:
    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, Any]]] = []

    def warning(self, event: str, **details: Any) -> None:
        self.events.append((event, details))


@pytest.fixture
def log(monkeypatch) -> _Log:
    recorder = _Log()
    monkeypatch.setattr(compiled_schema, "log", recorder)
    monkeypatch.setattr(compiled_schema, "_logged", set())
    return recorder


REFUSED = {
    "title": "Legacy",
    "type": "object",
    "additionalProperties": False,
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "pattern": r"^\w+$", "maxLength": 5},
        "legacy": {"$ref": "#/$defs/gone"},  # jsonschema-rs refuses the dangling reference
    },
}


def test_a_schema_the_accelerator_refuses_is_validated_by_jsonschema_alone(log: _Log):
    first = compile_entity_schema(REFUSED)
    second = compile_entity_schema(REFUSED)

    assert first.fast is None and second.fast is None
    assert [event for event, _ in log.events] == ["schema.not_accelerated"]  # once
    assert log.events[0][1]["title"] == "Legacy"
    assert schema_errors(first, {"name": "ana"}) == []
    assert first.is_valid({"name": "ana"})
    bad = {"name": "ana maria", "colour": "red"}
    errors = schema_errors(first, bad)
    assert [error.pointer for error in errors] == ["/colour", "/name", "/name"]
    assert errors == field_errors(Draft202012Validator(REFUSED).iter_errors(bad))
    assert not first.is_valid(bad)


def test_a_schema_with_pattern_properties_is_not_accelerated(log: _Log):
    compiled = compile_entity_schema({"patternProperties": {r"^\d+$": {"type": "string"}}})
    assert compiled.fast is None
    assert compiled.is_valid({"1".translate(ARABIC_DIGITS): 1}) is False
    assert compiled.is_valid({"1": "x"}) and not compiled.is_valid({"1": 1})
    assert [event for event, _ in log.events] == ["schema.not_accelerated"]


class _RejectsEverything:
    def is_valid(self, document: Any) -> bool:
        return False


class _Raises:
    def is_valid(self, document: Any) -> bool:
        raise ValueError("boom")


@pytest.mark.parametrize("fast", [_RejectsEverything(), _Raises()])
def test_jsonschema_has_the_last_word_when_the_accelerator_rejects(fast: Any, log: _Log):
    schema = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}
    compiled = CompiledSchema(
        schema, Draft202012Validator(schema, format_checker=FORMAT_CHECKER), fast
    )

    assert compiled.errors({"name": "ana"}) == []  # never an empty 422
    assert compiled.is_valid({"name": "ana"})
    assert list(compiled.iter_errors({"name": "ana"})) == []
    assert [(e.pointer, e.message) for e in compiled.errors({"name": 5}, base="/items/0")] == [
        ("/items/0/name", "must be a string")
    ]
    assert not compiled.is_valid({})
