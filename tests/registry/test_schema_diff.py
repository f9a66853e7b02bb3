"""Classifying schema changes (pure: no graph)."""

from __future__ import annotations

import pytest

from plugraph.registry.schema_diff import diff_manifests, diff_schema
from tests.registry.conftest import manifest, widgets

BASE = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "maxLength": 10},
        "size": {"type": "integer", "minimum": 0},
        "kind": {"type": "string", "enum": ["a", "b"]},
        "code": {"type": "string"},
        "owner": {"type": "object", "properties": {"email": {"type": "string"}}},
    },
}


def changed(**edits):
    import copy

    schema = copy.deepcopy(BASE)
    for path, value in edits.items():
        *parents, leaf = path.split("__")
        node = schema
        for part in parents:
            node = node[part]
        if value is None:
            node.pop(leaf, None)
        else:
            node[leaf] = value
    return schema


@pytest.mark.parametrize(
    ("new", "change", "classification"),
    [
        (changed(properties__note={"type": "string"}), "property_added", "safe"),
        (changed(properties__code=None), "property_removed", "breaking"),
        (changed(required=["name", "code"]), "property_now_required", "breaking"),
        (changed(required=[]), "property_now_optional", "safe"),
        (changed(properties__size={"type": "number", "minimum": 0}), "type_widened", "safe"),
        (changed(properties__code={"type": "integer"}), "type_narrowed", "breaking"),
        (changed(properties__kind={"type": "string", "enum": ["a"]}), "enum_narrowed", "breaking"),
        (
            changed(properties__kind={"type": "string", "enum": ["a", "b", "c"]}),
            "enum_widened",
            "safe",
        ),
        (changed(properties__kind={"type": "string"}), "enum_removed", "safe"),
        (
            changed(properties__code={"type": "string", "pattern": "^x"}),
            "pattern_added",
            "breaking",
        ),
        (
            changed(properties__name={"type": "string", "maxLength": 5}),
            "maxLength_narrowed",
            "breaking",
        ),
        (
            changed(properties__name={"type": "string", "maxLength": 50}),
            "maxLength_widened",
            "safe",
        ),
        (changed(properties__name={"type": "string"}), "maxLength_removed", "safe"),
        (
            changed(properties__size={"type": "integer", "minimum": 1}),
            "minimum_narrowed",
            "breaking",
        ),
        (
            changed(properties__owner__properties__email={"type": "string", "format": "email"}),
            "format_added",
            "breaking",
        ),
        (changed(properties__owner__required=["email"]), "property_now_required", "breaking"),
        (changed(allOf=[{"required": ["code"]}]), "keyword_changed", "breaking"),
    ],
)
def test_each_kind_of_change_is_classified(new, change, classification):
    changes = diff_schema("L", "vertex", BASE, new)
    assert [(c.change, c.classification) for c in changes] == [(change, classification)]


def test_annotations_are_not_changes():
    new = changed(properties__name={"type": "string", "maxLength": 10, "title": "Name", "x-ui": 1})
    assert diff_schema("L", "vertex", BASE, new) == []


def test_pointers_locate_nested_changes():
    new = changed(properties__owner__properties__email={"type": "integer"})
    [change] = diff_schema("L", "vertex", BASE, new)
    assert change.pointer == "/properties/owner/properties/email"


def test_manifest_level_changes():
    old = manifest(widgets())
    document = widgets("2.0.0")
    document["vertex_labels"][0]["indexes"] = [{"fields": ["color"], "unique": True}]
    document["edge_labels"][0]["cardinality"] = {"max_per_source": 1}
    document["edge_labels"][0]["on_delete"] = "detach"
    document["edge_labels"].append(
        {"name": "NEXT_TO", "from_labels": ["Widget"], "to_labels": ["Widget"]}
    )

    changes = {
        (c.label, c.change, c.classification) for c in diff_manifests(old, manifest(document))
    }

    assert changes == {
        ("Widget", "index_removed", "safe"),
        ("Widget", "unique_index_added", "safe"),
        ("PART_OF", "cardinality_tightened", "breaking"),
        ("PART_OF", "on_delete_changed", "breaking"),
        ("NEXT_TO", "label_added", "safe"),
    }


def test_a_first_install_adds_every_label():
    changes = diff_manifests(None, manifest(widgets()))
    assert {(c.label, c.change) for c in changes} == {
        ("Widget", "label_added"),
        ("PART_OF", "label_added"),
    }
