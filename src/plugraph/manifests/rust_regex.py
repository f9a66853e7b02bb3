"""Python ``re`` patterns rewritten for Rust's ``regex`` crate, only where both match alike.

jsonschema matches a schema's ``pattern`` with ``re.search``; jsonschema-rs matches it
with Rust's regex engine, which reads some of the same text differently: ``\\d``,
``\\w`` and ``\\s`` cover other sets of characters, ``$`` also matches before a final
newline in Python only, ``\\Z`` means something else. :func:`rust_pattern` parses a
pattern with Python's own parser and writes, from the parse tree, a Rust pattern that
finds a match in exactly the strings where ``re.search`` finds one; or returns None when
it cannot be sure, and the caller matches that pattern with Python instead.

What is written:

* every literal character as ``\\x{hex}``, ``.`` as ``[^\\n]``;
* ``\\d``, ``\\w`` and ``\\s`` (and their negations), inside or outside ``[...]``, as the
  explicit code point ranges Python's ``re`` matches for them (found by ``re`` itself, so
  a digit added in a later Unicode version than this Python's is not one for either);
* ``^`` and ``\\A`` as ``\\A``; ``\\Z`` as ``\\z``; ``$`` as ``\\n?\\z``, and only where nothing
  follows it in the pattern (what matches then is the same for a search);
* groups as non-capturing groups, alternations, greedy and lazy repeats (the same
  strings have a match either way) up to :data:`MAX_REPEAT_COUNT`, in patterns that stay
  cheap to compile (:data:`MAX_EXPANDED_SIZE`).

Anything else is refused: flags (``(?i)``, ``(?m)``, ...), backreferences, lookaround,
atomic groups and possessive repeats, ``\\b`` and ``\\B``, lone surrogates. Strings with
lone surrogates never reach the Rust side (they are not valid UTF-8), so classes leave
surrogates out.
"""

from __future__ import annotations

import functools
import re
import sys
from array import array
from collections.abc import Sequence
from typing import Any

try:  # the parser behind re.compile; private, so a missing one only costs the speed-up
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    sre = sre_parse = None

MAX_REPEAT_COUNT = 1000
"""Larger repeat counts stay with Python: Rust compiles each repetition into the automaton."""

MAX_EXPANDED_SIZE = 1_000_000
"""Patterns longer than this once their repetitions are written out stay with Python.

Rust compiles a pattern into an automaton of about that size, and a Unicode class is
long: ``[\\w+=,.@-]{1,32}`` is 372,000 characters expanded and compiles in ~17 ms,
``\\w{1,200}`` 2.3 million and ~100 ms. This bounds the cost of compiling a schema."""

_SURROGATES = range(0xD800, 0xE000)
_UNICODE_END = 0x110000


class _Refused(Exception):
    """The pattern uses something the rewrite cannot keep exact (or cheap to compile)."""


def rust_pattern(pattern: str) -> str | None:
    """A Rust ``regex`` pattern with the same ``search`` matches as ``pattern``, or None."""
    if sre_parse is None or not isinstance(pattern, str):
        return None
    try:
        parsed = sre_parse.parse(pattern)
        if parsed.state.flags & ~sre.SRE_FLAG_UNICODE:
            return None  # (?i), (?m), (?s), (?x), (?a): global flags
        text, size = _sequence(list(parsed), tail=True)
    except (_Refused, re.error, RecursionError, OverflowError):
        return None
    return text if size <= MAX_EXPANDED_SIZE else None


# Each part is written as (Rust text, its length with every repetition written out).


def _sequence(items: Sequence[tuple[Any, Any]], tail: bool) -> tuple[str, int]:
    """``tail``: nothing that could match follows this sequence in the whole pattern."""
    last = len(items) - 1
    parts = [_node(op, av, tail and i == last) for i, (op, av) in enumerate(items)]
    return "".join(text for text, _ in parts), sum(size for _, size in parts)


def _node(op: Any, av: Any, tail: bool) -> tuple[str, int]:
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        if add_flags or del_flags:
            raise _Refused("scoped flags")
        text, size = _sequence(list(inner), tail)
        return f"(?:{text})", size
    if op is sre.BRANCH:
        _, alternatives = av
        parts = [_sequence(list(alt), tail) for alt in alternatives]
        text = "(?:" + "|".join(text for text, _ in parts) + ")"
        return text, sum(size for _, size in parts)
    if op is sre.MAX_REPEAT or op is sre.MIN_REPEAT:
        low, high, inner = av
        unbounded = high == sre.MAXREPEAT
        if low > MAX_REPEAT_COUNT or (not unbounded and high > MAX_REPEAT_COUNT):
            raise _Refused("repeat count")
        text, size = _sequence(list(inner), tail=False)
        count = f"{{{low},}}" if unbounded else f"{{{low},{high}}}"
        copies = low + 1 if unbounded else max(high, 1)
        return f"(?:{text}){count}", size * copies
    text = _atom(op, av, tail)
    return text, len(text)


def _atom(op: Any, av: Any, tail: bool) -> str:
    if op is sre.LITERAL:
        return _char(av)
    if op is sre.NOT_LITERAL:
        return f"[^{_char(av)}]"
    if op is sre.ANY:
        return "[^\\n]"
    if op is sre.IN:
        return _class(av)
    if op is sre.AT:
        return _anchor(av, tail)
    raise _Refused(str(op))  # GROUPREF, ASSERT, ASSERT_NOT, ATOMIC_GROUP, POSSESSIVE_REPEAT...


def _anchor(at: Any, tail: bool) -> str:
    if at is sre.AT_BEGINNING or at is sre.AT_BEGINNING_STRING:
        return "\\A"
    if at is sre.AT_END_STRING:
        return "\\z"
    if at is sre.AT_END and tail:
        return "\\n?\\z"
    raise _Refused(str(at))  # $ before more pattern, \b, \B


def _char(code: int) -> str:
    if code in _SURROGATES:
        raise _Refused("surrogate")
    return f"\\x{{{code:X}}}"


def _class(items: Sequence[tuple[Any, Any]]) -> str:
    parts: list[str] = []
    negated = False
    for op, av in items:
        if op is sre.NEGATE:
            negated = True
        elif op is sre.LITERAL:
            parts.append(_char(av))
        elif op is sre.RANGE:
            low, high = av
            parts.append(f"{_char(low)}-{_char(high)}")
        elif op is sre.CATEGORY:  # ranges inlined: jsonschema-rs misreads nested classes
            parts.append(_category(av))
        else:
            raise _Refused(str(op))
    if not parts:
        raise _Refused("empty class")
    return f"[{'^' if negated else ''}{''.join(parts)}]"


def _category(category: Any) -> str:
    for positive, negative, name in (
        (sre.CATEGORY_DIGIT, sre.CATEGORY_NOT_DIGIT, "digit"),
        (sre.CATEGORY_WORD, sre.CATEGORY_NOT_WORD, "word"),
        (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_SPACE, "space"),
    ):
        if category is positive or category is negative:
            return category_ranges(name, negated=category is negative)
    raise _Refused(str(category))


_ESCAPES = {"digit": "d", "word": "w", "space": "s"}


@functools.cache
def _scalar_values() -> str:
    """Every Unicode scalar value (surrogates are not), in order: 1,112,064 characters."""
    codes = array("I", range(_SURROGATES.start))
    codes.extend(range(_SURROGATES.stop, _UNICODE_END))
    return codes.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")


@functools.cache
def category_ranges(name: str, negated: bool = False) -> str:
    """The code points of ``\\d`` (``digit``), ``\\w`` (``word``) or ``\\s`` (``space``), or
    of ``\\D``, ``\\W``, ``\\S`` (``negated``), as the ranges inside a Rust class, surrogates
    left out. Python's ``re`` itself finds them, in every scalar value, once per process."""
    escape = _ESCAPES[name].upper() if negated else _ESCAPES[name]
    gap = len(_SURROGATES)
    ranges: list[str] = []
    for match in re.finditer(f"\\{escape}+", _scalar_values()):
        start, end = match.span()  # string indices; code points skip the surrogates
        pieces = (
            [(start, _SURROGATES.start), (_SURROGATES.start, end)]
            if start < _SURROGATES.start < end
            else [(start, end)]
        )
        for low, high in pieces:
            if low >= _SURROGATES.start:
                low, high = low + gap, high + gap
            first, last = low, high - 1
            ranges.append(_char(first) if first == last else f"{_char(first)}-{_char(last)}")
    return "".join(ranges)
