"""A pattern rewritten for Rust must find a match exactly where ``re.search`` finds one.

Differential: every rewritten pattern is compiled the way jsonschema-rs compiles a
schema's ``pattern`` and run against thousands of strings chosen to tell engines apart
(Unicode digits and spaces, a final newline, characters outside the BMP); its verdict
must equal Python's on each. Patterns the rewrite cannot keep exact, or that would be
slow for Rust to compile, are refused (Python's ``re`` then matches them).
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from typing import Any

import jsonschema_rs
import pytest

from plugraph.manifests.compiled_schema import rust_equivalent
from plugraph.manifests.rust_regex import category_ranges, rust_pattern
from tests.manifests.test_compiled_schema import LABELS

# What the example manifests and plugraph's own schemas declare, and harder cases.
PATTERNS = [
    r"^\d{12}$",
    r"^[^=]{1,128}=.{0,256}$",
    r"^[\w+=,.@-]{1,32}$",
    r"^P[A-Z0-9]{6}$",
    r"^PT(\d{1,2}H(\d{1,2}M)?|\d{1,3}M)$",
    r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
    r"^arn:aws[a-z-]*:iam::aws:policy/.+$",
    r"^(UTC|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+-]+){1,2})$",
    r"^\s*(>=|<=|==|!=|>|<)\s*(0|[1-9]\d*)(\.(0|[1-9]\d*)){0,2}$",
    r"\Aab\Z",
    r"^\D+$",
    r"^\W+$",
    r"^\S{3}$",
    r"[^\S\n]",
    r"[^a\d]",
    r"\d\w\s",
    r"^(a|b$)",
    r"^(?:a$|b\Z)",
    r"(ab|a)(c|bcd)$",
    r"x*?y",
    r"a.b",
    r"\n$",
    r"$",
    r"^$",
    r"",
    r"é+",
    r"[é-ÿ]",
    r"[\x00-\U0010ffff]",
    r"\U0001f600",
]

REFUSED = [
    r"(?i)^strasse$",  # case folding differs
    r"(?m)^a$",
    r"(?s)a.b",
    r"(?x) a b",
    r"(?a)\d",
    r"(?i:a)b",
    r"a$b",  # $ with more pattern after it
    r"(a$)*",
    r"(a)\1",  # backreference
    r"(?=a)a",  # lookaround
    r"(?<!a)b",
    r"\bword\b",  # word boundaries
    r"\Bx",
    r"(?>a+)b",  # atomic group
    r"a*+b",  # possessive repeat
    r"(a)?(?(1)b|c)",
    r"a{1001}",  # more repetitions than the automaton should hold
    r"^\w{1,200}$",  # 2.3 million characters once the Unicode class is repeated out
    r"(\w{1,50}){1,10}",
    "\ud800",  # a lone surrogate
]

_ALPHABET = [
    *"abcxyzAPHMT019=-.@_ é",
    "\n",
    "\t",
    "\r",
    "\x00",
    "\x1c",
    "\x85",
    "\u00a0",
    "\u2028",
    "\u3000",
    "ß",
    "ǅ",
    "Ⅻ",
    "\u0663",  # ARABIC-INDIC DIGIT THREE: \d in Python
    "\uff11",  # FULLWIDTH DIGIT ONE
    "\U0001d7ce",  # MATHEMATICAL BOLD DIGIT ZERO
    "\U00011f50",  # KAWI DIGIT ZERO (Unicode 15): \d only where Python's tables say so
    "😀",
]


def _strings() -> list[str]:
    rng = random.Random(7)
    strings = {"", "a", "ab", "ab\n", "123456789012", "123456789012\n", "a=b", "PT1H2M", "\n"}
    strings |= {
        "x\n\n",
        "P123ABC",
        ">= 1.2",
        " < 2.0.1 ",
        "UTC",
        "Europe/Paris",
        "arn:aws:iam::aws:policy/x",
    }
    for _ in range(3000):
        strings.add("".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 14))))
    return sorted(strings)


STRINGS = _strings()


def _rust(pattern: str):
    native = rust_pattern(pattern)
    assert native is not None, pattern
    return jsonschema_rs.Draft202012Validator(
        {"pattern": native}, pattern_options=jsonschema_rs.RegexOptions()
    )


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_rewritten_pattern_matches_where_python_matches(pattern: str):
    rust = _rust(pattern)
    python = re.compile(pattern)
    differences = [
        text for text in STRINGS if rust.is_valid(text) != (python.search(text) is not None)
    ]
    assert differences == []
    assert any(python.search(text) for text in STRINGS)


@pytest.mark.parametrize("pattern", REFUSED)
def test_a_pattern_the_rewrite_cannot_keep_exact_is_refused(pattern: str):
    assert rust_pattern(pattern) is None


def _members(ranges: str) -> set[int]:
    members: set[int] = set()
    for low, high in re.findall(r"\\x\{([0-9A-F]+)\}(?:-\\x\{([0-9A-F]+)\})?", ranges):
        members.update(range(int(low, 16), int(high or low, 16) + 1))
    return members


@pytest.mark.parametrize(("name", "escape"), [("digit", "d"), ("word", "w"), ("space", "s")])
def test_class_ranges_hold_every_code_point_python_matches(name: str, escape: str):
    """Checked over all of Unicode: the ranges are Python's \\d, \\w, \\s and nothing else."""
    python = re.compile(f"\\{escape}")
    scalars = {code for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF}
    expected = {code for code in scalars if python.fullmatch(chr(code))}
    assert _members(category_ranges(name)) == expected
    assert _members(category_ranges(name, negated=True)) == scalars - expected


def _patterns(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            else:
                yield from _patterns(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _patterns(item)


def test_every_pattern_of_the_example_labels_is_matched_in_rust():
    declared = {pattern for _, _, schema in LABELS for pattern in _patterns(schema)}
    assert len(declared) >= 5
    assert sorted(p for p in declared if rust_equivalent(p) is None) == []
