"""JSON Merge Patch (RFC 7396): the library against the RFC's own examples, then over HTTP."""

from __future__ import annotations

import copy

import pytest

from plugraph.entities.merge_patch import apply_merge_patch
from tests.entities.conftest import ACCOUNTS, MERGE_PATCH

# RFC 7396 appendix A: (target, patch, result)
RFC_7396_EXAMPLES = [
    ({"a": "b"}, {"a": "c"}, {"a": "c"}),
    ({"a": "b"}, {"b": "c"}, {"a": "b", "b": "c"}),
    ({"a": "b"}, {"a": None}, {}),
    ({"a": "b", "b": "c"}, {"a": None}, {"b": "c"}),
    ({"a": ["b"]}, {"a": "c"}, {"a": "c"}),
    ({"a": "c"}, {"a": ["b"]}, {"a": ["b"]}),
    ({"a": {"b": "c"}}, {"a": {"b": "d", "c": None}}, {"a": {"b": "d"}}),
    ({"a": [{"b": "c"}]}, {"a": [1]}, {"a": [1]}),
    (["a", "b"], ["c", "d"], ["c", "d"]),
    ({"a": "b"}, ["c"], ["c"]),
    ({"a": "foo"}, None, None),
    ({"a": "foo"}, "bar", "bar"),
    ({"e": None}, {"a": 1}, {"e": None, "a": 1}),
    ([1, 2], {"a": "b", "c": None}, {"a": "b"}),
    ({}, {"a": {"bb": {"ccc": None}}}, {"a": {"bb": {}}}),
]


@pytest.mark.parametrize(("target", "patch", "result"), RFC_7396_EXAMPLES)
def test_the_rfc_7396_examples(target, patch, result):
    assert apply_merge_patch(target, patch) == result


def test_neither_argument_is_modified():
    target = {"a": {"b": 1, "c": [1]}, "d": 2}
    patch = {"a": {"b": None, "e": {"f": 1}}, "d": None}
    target_copy, patch_copy = copy.deepcopy(target), copy.deepcopy(patch)

    result = apply_merge_patch(target, patch)

    assert result == {"a": {"c": [1], "e": {"f": 1}}}
    assert target == target_copy and patch == patch_copy
    result["a"]["c"].append(2)
    assert target["a"]["c"] == [1]


def test_over_http_null_removes_nested_objects_merge_and_arrays_replace(client, create_account):
    created = create_account(1, organizationalUnit="Workloads/Prod")
    url = f"{ACCOUNTS}/{created['id']}"

    response = client.patch(
        url,
        json={"organizationalUnit": None, "owner": {"name": "Bo"}, "tags": ["env=dev"]},
        headers=MERGE_PATCH,
    )

    assert response.status_code == 200
    body = response.json()
    assert "organizationalUnit" not in body
    assert body["owner"] == {"name": "Bo", "email": "ana@example.com"}
    assert body["tags"] == ["env=dev"]


def test_removing_a_nested_member_and_a_whole_object(client, create_account, store):
    created = create_account(1)
    url = f"{ACCOUNTS}/{created['id']}"

    partial = client.patch(url, json={"owner": {"name": None}}, headers=MERGE_PATCH).json()
    assert partial["owner"] == {"email": "ana@example.com"}

    emptied = client.patch(url, json={"owner": None}, headers=MERGE_PATCH).json()
    assert "owner" not in emptied
    props = store.read(
        "MATCH (n:AwsAccount {id: $id}) RETURN keys(n) AS keys", {"id": created["id"]}
    )[0]["keys"]
    assert not [key for key in props if key.startswith("owner")]


def test_a_patch_that_is_not_an_object_is_422(client, create_account):
    created = create_account(1)
    response = client.patch(f"{ACCOUNTS}/{created['id']}", json=["x"], headers=MERGE_PATCH)
    assert response.status_code == 422
