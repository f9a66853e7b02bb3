"""JSON pointers (RFC 6901): how every manifest and entity error says *where*."""

from __future__ import annotations

from collections.abc import Iterable


def escape(part: str | int) -> str:
    """One reference token: ``~`` becomes ``~0`` and ``/`` becomes ``~1``."""
    return str(part).replace("~", "~0").replace("/", "~1")


def pointer(parts: Iterable[str | int]) -> str:
    """The pointer for a path of keys and indexes; ``pointer([])`` is ``""``, the whole document."""
    return "".join("/" + escape(part) for part in parts)


def join(base: str, *parts: str | int) -> str:
    """``base`` extended by ``parts``: ``join("/a", "b", 0) == "/a/b/0"``."""
    return base + pointer(parts)


def split(value: str) -> tuple[str, ...]:
    """The unescaped tokens of a pointer (``""`` -> ``()``); raises ValueError if malformed."""
    if value == "":
        return ()
    if not value.startswith("/"):
        raise ValueError(f"a JSON pointer starts with '/': {value!r}")
    return tuple(token.replace("~1", "/").replace("~0", "~") for token in value[1:].split("/"))


def sort_key(value: str) -> tuple[tuple[int, int | str], ...]:
    """Orders pointers as the document reads: array indexes numerically, keys by name."""
    return tuple((0, int(token)) if token.isdigit() else (1, token) for token in split(value))
