"""Manifest files are read strictly: YAML 1.2 scalars, no repeated keys, JSON numbers only."""

from __future__ import annotations

import pytest

from plugraph.manifests.documents import DocumentError, parse_json, parse_yaml


def test_yaml_scalars_follow_yaml_1_2_core():
    assert parse_yaml("v: [yes, no, on, off, y, n, true, False, TRUE]") == {
        "v": ["yes", "no", "on", "off", "y", "n", True, False, True]
    }
    assert parse_yaml("v: [12:30, 0755, 0x1F, 1_000, .inf, 2024-05-01, 2024-05-01T12:00:00Z]") == {
        "v": ["12:30", "0755", "0x1F", "1_000", ".inf", "2024-05-01", "2024-05-01T12:00:00Z"]
    }
    assert parse_yaml("v: [0, -3, +4, 1.5, .5, 3., 1e3, 2.5E-1, ~, null]") == {
        "v": [0, -3, 4, 1.5, 0.5, 3.0, 1000.0, 0.25, None, None]
    }


def test_the_strict_loader_does_not_change_pyyaml_for_everyone_else():
    import yaml

    assert yaml.safe_load("v: yes") == {"v": True}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "a: 1\na: 2\n",
            "not valid YAML: the key 'a' appears twice in one mapping at line 2 column 1",
        ),
        (
            "a:\n  b: 1\n  b: 2\n",
            "not valid YAML: the key 'b' appears twice in one mapping at line 3 column 3",
        ),
        ("1: one\n", "not valid YAML: keys must be strings, found 1 at line 1 column 1"),
        (
            "a: [1, 2\n",
            "not valid YAML: expected ',' or ']', but got '<stream end>' at line 2 column 1",
        ),
        (
            "a: !!python/object:os.system x\n",
            "not valid YAML: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object:os.system' at line 1 column 4",
        ),
    ],
)
def test_bad_yaml(text: str, reason: str):
    with pytest.raises(DocumentError) as caught:
        parse_yaml(text)
    assert str(caught.value) == reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"a": 1, "a": 2}', "not valid JSON: the key 'a' appears twice in one object"),
        ('{"a": NaN}', "not valid JSON: NaN is not a JSON number"),
        ('{"a": Infinity}', "not valid JSON: Infinity is not a JSON number"),
        ('{"a": }', "not valid JSON: Expecting value at line 1 column 7"),
    ],
)
def test_bad_json(text: str, reason: str):
    with pytest.raises(DocumentError) as caught:
        parse_json(text)
    assert str(caught.value) == reason
