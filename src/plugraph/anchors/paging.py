"""Keyset paging: opaque cursors over a sort key, and the ``{items, next_cursor}`` page.

A cursor encodes the sort key of the last item of the previous page, so the next
page is ``WHERE key > $after ORDER BY key LIMIT $limit`` (an index seek, never
``SKIP``). The query fetches ``limit + 1`` rows to learn whether a next page exists.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from pydantic import BaseModel

from plugraph.errors import FieldError, ValidationFailed

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200

T = TypeVar("T")
R = TypeVar("R")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


def encode_cursor(after: str) -> str:
    raw = json.dumps({"after": after}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> str | None:
    """The sort key after which the page starts; ``None`` for the first page."""
    if cursor is None or cursor == "":
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        after = data["after"]
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        after = None
    if not isinstance(after, str):
        raise ValidationFailed(
            "the cursor is not one this API issued",
            [FieldError("/cursor", "invalid cursor; pass next_cursor from the previous page")],
        )
    return after


def make_page(
    rows: Sequence[R], limit: int, key: Callable[[R], str], build: Callable[[R], T]
) -> Page[T]:
    """Turn ``limit + 1`` fetched rows into a page and the cursor to the next one."""
    shown = rows[:limit]
    next_cursor = encode_cursor(key(shown[-1])) if len(rows) > limit and shown else None
    return Page(items=[build(row) for row in shown], next_cursor=next_cursor)
