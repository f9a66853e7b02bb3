"""A version's ``data``: the document as canonical JSON text that reads back as the document."""

from __future__ import annotations

import json

import pytest

from plugraph.entities.versions import version_data


@pytest.mark.parametrize(
    "document",
    [
        {},
        {"name": "prod", "owner": {"email": "ana@example.com", "name": "Ana"}},
        {"city": "Zürich", "emoji": "🚀", "quote": 'a "b" \\ c', "line": "a\nb"},
        {"n": 0, "f": -1.5, "big": 10**15, "tiny": 1e-7, "t": True, "list": [3, 1, 2]},
        {"huge": 2**70, "also": "fine"},  # beyond 64 bits: written by json instead
    ],
)
def test_data_reads_back_as_the_document(document):
    assert json.loads(version_data(document)) == document


def test_data_is_canonical_whatever_the_key_order():
    one = version_data({"b": 1, "a": {"d": [1], "c": "x"}})
    other = version_data({"a": {"c": "x", "d": [1]}, "b": 1})
    assert one == other == '{"a":{"c":"x","d":[1]},"b":1}'


def test_the_json_fallback_writes_the_same_form():
    assert version_data({"b": 2**70, "a": "é"}) == '{"a":"é","b":1180591620717411303424}'
