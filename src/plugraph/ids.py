"""Application-generated ids: URL-safe, time-ordered (ULID layout), never id()/elementId().

26 characters of Crockford base32: 48 bits of milliseconds then 80 random bits,
so ids sort by creation time and keyset paging on ``id`` follows insertion order.
"""

from __future__ import annotations

import secrets
import time

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
ID_PATTERN = r"^[0-9A-HJKMNP-TV-Z]{26}$"


def new_id() -> str:
    value = (int(time.time() * 1000) << 80) | secrets.randbits(80)
    chars = []
    for _ in range(26):
        chars.append(_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))
