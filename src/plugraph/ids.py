"""Application-generated ids: URL-safe, time-ordered (ULID layout), never id()/elementId().

26 characters of Crockford base32: 48 bits of milliseconds then 80 random bits,
so ids sort by creation time and keyset paging on ``id`` follows insertion order.
"""

from __future__ import annotations

import functools
import os
import time

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
ID_PATTERN = r"^[0-9A-HJKMNP-TV-Z]{26}$"
_RANDOM_DIGITS = 16  # 16 digits of 5 bits: 80 random bits
# A random byte to a random digit: its low 5 bits pick one, and as 256 is 8 x 32 every
# digit is equally likely. bytes.translate does it in C (base64.b32encode is Python).
_BYTE_TO_DIGIT = bytes(_ALPHABET.encode()[byte & 31] for byte in range(256))


def new_id() -> str:
    return new_ids(1)[0]


def new_ids(count: int) -> list[str]:
    """``count`` ids of the current millisecond (one read of the OS's random source)."""
    prefix = _time_digits(int(time.time() * 1000) & (1 << 48) - 1)
    # 2 zero bits + 48 bits of time = 10 digits; then 16 random digits, one per random byte.
    text = os.urandom(_RANDOM_DIGITS * count).translate(_BYTE_TO_DIGIT).decode("ascii")
    return [prefix + text[at : at + _RANDOM_DIGITS] for at in range(0, len(text), _RANDOM_DIGITS)]


@functools.lru_cache(maxsize=8)
def _time_digits(millis: int) -> str:
    return "".join(_ALPHABET[(millis >> shift) & 31] for shift in range(45, -5, -5))
