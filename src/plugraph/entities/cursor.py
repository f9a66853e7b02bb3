"""Opaque keyset cursors: base64url JSON of the sort, the last sort key and the last id.

A cursor carries a checksum of its content so that an edited or truncated cursor
is refused with a 422 instead of silently paging from somewhere else. (The
checksum is not a secret: forging a cursor can only move where a page starts, since
its values are query parameters, never query text.)
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from plugraph.errors import FieldError, ValidationFailed

_VERSION = 1
_SCALARS = (str, int, float, bool, type(None))


@dataclass(frozen=True)
class Cursor:
    scope: str  # what the cursor pages through, e.g. "AwsAccount" or "versions:<id>"
    sort: str  # the sort parameter it was issued for ("id", "name", "-name")
    key: Any  # the last row's sort value (None for the id sort or a missing value)
    id: str  # the last row's id (or version number as text)

    def encode(self) -> str:
        body = [_VERSION, self.scope, self.sort, self.key, self.id]
        text = json.dumps(body, separators=(",", ":"), ensure_ascii=True)
        payload = f"{_checksum(text)}{text}".encode()
        return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def decode_cursor(value: str, *, scope: str, sort: str, param: str = "cursor") -> Cursor:
    """The cursor in ``value``; a 422 pointing at ``param`` if it is not one we issued
    for this ``scope`` and ``sort``."""
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        check, text = raw[:16], raw[16:]
        if check != _checksum(text):
            raise ValueError("checksum")
        version, cursor_scope, cursor_sort, key, last_id = json.loads(text)
    except (ValueError, TypeError, UnicodeDecodeError, binascii.Error):
        raise _invalid(param, "is not a cursor this API issued") from None
    if version != _VERSION or not isinstance(last_id, str) or not isinstance(key, _SCALARS):
        raise _invalid(param, "is not a cursor this API issued")
    if cursor_scope != scope or cursor_sort != sort:
        raise _invalid(param, "was issued for another list or sort order")
    return Cursor(scope=scope, sort=sort, key=key, id=last_id)


def _checksum(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _invalid(param: str, message: str) -> ValidationFailed:
    return ValidationFailed(f"invalid {param}", [FieldError(f"/{param}", message)])
