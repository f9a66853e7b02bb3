"""Ids: 26 Crockford base32 characters, 48 bits of milliseconds then 80 random bits."""

from __future__ import annotations

import re
import time

import pytest

from plugraph.ids import _ALPHABET, ID_PATTERN, new_id, new_ids


def reference_encoding(value: int) -> str:
    """The ULID layout spelled out: 26 digits of 5 bits, most significant first."""
    return "".join(_ALPHABET[(value >> (5 * (25 - i))) & 31] for i in range(26))


def decode(text: str) -> int:
    number = 0
    for char in text:
        number = number * 32 + _ALPHABET.index(char)
    return number


def test_an_id_is_26_url_safe_characters() -> None:
    for value in [new_id(), *new_ids(500)]:
        assert re.fullmatch(ID_PATTERN, value), value


def test_the_leading_48_bits_are_the_creation_millisecond() -> None:
    before = int(time.time() * 1000)
    made = new_ids(3)
    after = int(time.time() * 1000)
    assert all(before <= decode(value) >> 80 <= after for value in made)


def test_the_encoding_matches_the_ulid_layout_bit_for_bit() -> None:
    for value in new_ids(200):
        assert reference_encoding(decode(value)) == value
        assert decode(value) < 1 << 128


def test_ids_are_unique_and_sort_by_creation_time() -> None:
    first = new_ids(1000)
    time.sleep(0.002)
    second = new_ids(1000)
    assert len(set(first + second)) == 2000
    assert max(first) < min(second)


@pytest.mark.parametrize("count", [0, 1, 7])
def test_new_ids_makes_as_many_as_asked(count: int) -> None:
    assert len(new_ids(count)) == count


def test_every_random_digit_is_equally_likely() -> None:
    digits = "".join(value[10:] for value in new_ids(4000))  # 64,000 random digits
    counts = [digits.count(char) for char in _ALPHABET]
    expected = len(digits) / 32
    chi_square = sum((count - expected) ** 2 / expected for count in counts)
    assert chi_square < 80  # 31 degrees of freedom: p < 1e-6 for a fair source
