"""flatten/unflatten: entity documents <-> graph properties (nested objects as dot paths)."""

from __future__ import annotations

import random
from typing import Any

import pytest

from plugraph.manifests import PATH_SEPARATOR, flatten, unflatten
from plugraph.manifests.property_mapping import flatten_whole, stored_form


def test_nested_objects_become_dot_separated_properties_and_back():
    document = {
        "accountId": "123456789012",
        "status": "ACTIVE",
        "owner": {"name": "Ana Lima", "email": "ana@example.com"},
        "tags": ["env=prod", "team=payments"],
    }
    flat = flatten(document)
    assert flat == {
        "accountId": "123456789012",
        "status": "ACTIVE",
        "owner.name": "Ana Lima",
        "owner.email": "ana@example.com",
        "tags": ["env=prod", "team=payments"],
    }
    assert unflatten(flat) == document
    assert PATH_SEPARATOR == "."


def test_two_levels_of_nesting_round_trip():
    document = {
        "owner": {
            "team": "payments",
            "contact": {"email": "ana@example.com", "phone": "+49 30 1234"},
        },
        "limits": {"cpu": {"max": 2.5, "min": 0.5}, "enabled": True},
    }
    flat = flatten(document)
    assert flat == {
        "owner.team": "payments",
        "owner.contact.email": "ana@example.com",
        "owner.contact.phone": "+49 30 1234",
        "limits.cpu.max": 2.5,
        "limits.cpu.min": 0.5,
        "limits.enabled": True,
    }
    assert unflatten(flat) == document


def test_scalars_of_every_type_and_arrays_are_kept_as_they_are():
    document = {
        "s": "x",
        "i": 3,
        "f": 1.5,
        "t": True,
        "n0": 0,
        "false": False,
        "empty": "",
        "list": [1, 2, 2],
        "none": [],
    }
    assert flatten(document) == document
    assert unflatten(flatten(document)) == document
    assert flatten({"tuple": ("a", "b")}) == {"tuple": ["a", "b"]}


def test_nulls_and_empty_objects_are_not_stored_and_do_not_come_back():
    document = {
        "name": "prod",
        "description": None,
        "owner": {"name": None, "email": None},
        "meta": {},
        "deep": {"a": {}},
    }
    assert flatten(document) == {"name": "prod"}
    assert unflatten(flatten(document)) == {"name": "prod"}
    partly = {"owner": {"name": "Ana", "email": None}}
    assert unflatten(flatten(partly)) == {"owner": {"name": "Ana"}}


def test_unflatten_skips_null_values_read_from_the_graph():
    assert unflatten({"name": "prod", "owner.email": None}) == {"name": "prod"}


def test_unflatten_does_not_depend_on_property_order():
    # Graph engines return map keys in any order.
    assert unflatten({"owner.email": "a@example.com", "name": "x", "owner.name": "A"}) == {
        "owner": {"email": "a@example.com", "name": "A"},
        "name": "x",
    }


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        (
            {"owner.email": "x"},
            "'owner.email': a property name must be a non-empty string without '.'",
        ),
        ({"owner": {"": "x"}}, "owner.'': a property name must be a non-empty string without '.'"),
        (
            {"parts": [{"sku": "a"}]},
            "parts: a list stored in a graph property holds scalars only, not dict",
        ),
        (
            {"grid": [[1, 2]]},
            "grid: a list stored in a graph property holds scalars only, not list",
        ),
        (
            {"tags": ["a", None]},
            "tags: a list stored in a graph property holds scalars only, not null",
        ),
        ({"when": object()}, "when: object is not a JSON value"),
    ],
)
def test_flatten_refuses_what_a_graph_property_cannot_hold(document, reason):
    with pytest.raises(ValueError) as caught:
        flatten(document)
    assert str(caught.value) == reason


@pytest.mark.parametrize(
    ("properties", "reason"),
    [
        (
            {"owner": "Ana", "owner.email": "a@example.com"},
            "'owner.email' clashes with the property 'owner'",
        ),
        (
            {"owner.email": "a@example.com", "owner": "Ana"},
            "'owner' clashes with properties nested under it",
        ),
        ({"owner..email": "x"}, "'owner..email': empty segment in a property path"),
        ({"owner.": "x"}, "'owner.': empty segment in a property path"),
    ],
)
def test_unflatten_refuses_clashing_paths(properties, reason):
    with pytest.raises(ValueError) as caught:
        unflatten(properties)
    assert str(caught.value) == reason


def test_flatten_does_not_alias_the_callers_lists():
    tags = ["a"]
    flat = flatten({"tags": tags})
    flat["tags"].append("b")
    assert tags == ["a"]


def _random_document(rng: random.Random, depth: int = 0) -> dict[str, Any]:
    """Objects of scalars, scalar lists, nulls and (possibly empty) nested objects."""
    document: dict[str, Any] = {}
    for n in range(rng.randint(0, 5)):
        kind = rng.choice(["str", "int", "float", "bool", "null", "list", "object"])
        key = f"k{n}"
        if kind == "object" and depth < 3:
            document[key] = _random_document(rng, depth + 1)
        elif kind == "list":
            document[key] = [rng.choice(["a", 1, 2.5, False]) for _ in range(rng.randint(0, 3))]
        elif kind == "null":
            document[key] = None
        else:
            document[key] = {"str": "x", "int": 7, "float": -0.5, "bool": True}.get(kind, "x")
    return document


def test_stored_form_is_the_flatten_unflatten_round_trip_without_it():
    rng = random.Random(20261123)
    documents = [_random_document(rng) for _ in range(2000)]
    documents += [{"a": {"b": None}}, {"a": {}}, {"a": {"b": {"c": None}}, "d": 0}, {}]
    for document in documents:
        assert stored_form(document) == unflatten(flatten(document)), document


def test_flatten_whole_says_when_the_stored_form_is_the_document_itself():
    rng = random.Random(20261124)
    documents = [_random_document(rng) for _ in range(2000)]
    documents += [{"a": {"b": None}}, {"a": {}}, {"a": {"b": {}}, "d": 0}, {"a": {"b": 1}}, {}]
    wholes = 0
    for document in documents:
        properties, whole = flatten_whole(document)
        assert properties == flatten(document), document
        assert whole == (stored_form(document) == document), document
        wholes += whole
    assert 0 < wholes < len(documents)  # the generated documents hold both kinds


def test_stored_form_copies_the_callers_lists():
    tags = ["a"]
    stored_form({"tags": tags})["tags"].append("b")
    assert tags == ["a"]
