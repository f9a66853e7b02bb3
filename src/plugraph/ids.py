"""Application-generated ids: URL-safe, time-ordered (ULID layout), never id()/elementId().

26 characters of Crockford base32: 48 bits of milliseconds then 80 random bits,
so ids sort by creation time and keyset paging on ``id`` follows insertion order.
"""

from __future__ import annotations

import base64
import functools
import os
import time

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
ID_PATTERN = r"^[0-9A-HJKMNP-TV-Z]{26}$"
_RANDOM_BYTES = 10  # 80 bits
# base64.b32encode's alphabet, digit for digit, to Crockford's.
_TO_CROCKFORD = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", _ALPHABET.encode())


def new_id() -> str:
    return new_ids(1)[0]


def new_ids(count: int) -> list[str]:
    """``count`` ids of the current millisecond (one read of the OS's random source)."""
    prefix = _time_digits(int(time.time() * 1000) & (1 << 48) - 1)
    # 2 zero bits + 48 bits of time = 10 digits; 80 random bits = 16 digits. Base32 turns
    # every 5 bytes into 8 digits, so one encoding of all the random bytes, cut every 16
    # digits, gives each id its own.
    digits = base64.b32encode(os.urandom(_RANDOM_BYTES * count)).translate(_TO_CROCKFORD)
    text = digits.decode("ascii")
    return [prefix + text[at : at + 16] for at in range(0, 16 * count, 16)]


@functools.lru_cache(maxsize=8)
def _time_digits(millis: int) -> str:
    return "".join(_ALPHABET[(millis >> shift) & 31] for shift in range(45, -5, -5))
