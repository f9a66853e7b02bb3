"""Labels and relationship types: the only names ever inserted into Cypher text.

Values are always parameters; names cannot be, so they pass through here:
checked against a strict pattern and back-quoted. Callers also check them
against the registry of declared labels before building a query.
"""

from __future__ import annotations

import re

LABEL_PATTERN = re.compile(r"^[A-Z][A-Za-z0-9_]{0,62}$")
REL_TYPE_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]{0,62}$")
PROPERTY_PATTERN = re.compile(r"^[a-z][A-Za-z0-9_]{0,62}$")


class InvalidIdentifierError(ValueError):
    def __init__(self, kind: str, value: str, pattern: re.Pattern[str]) -> None:
        super().__init__(f"{kind} {value!r} does not match {pattern.pattern}")
        self.kind = kind
        self.value = value


def _check(kind: str, value: str, pattern: re.Pattern[str]) -> str:
    # fullmatch on str: rejects unicode lookalikes, backticks, quotes, braces, newlines
    if not isinstance(value, str) or not pattern.fullmatch(value) or not value.isascii():
        raise InvalidIdentifierError(kind, str(value), pattern)
    return value


def check_label(value: str) -> str:
    return _check("label", value, LABEL_PATTERN)


def check_rel_type(value: str) -> str:
    return _check("relationship type", value, REL_TYPE_PATTERN)


def check_property(value: str) -> str:
    return _check("property", value, PROPERTY_PATTERN)


def quote(name: str) -> str:
    """Back-quote an already checked name (defence in depth: a backtick can never appear)."""
    if "`" in name:
        raise InvalidIdentifierError("identifier", name, LABEL_PATTERN)
    return f"`{name}`"
