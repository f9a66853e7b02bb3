"""Entity lookups seek the index of their selective property, checked in the plan.

ArcadeDB's planner seeks any index led by a property compared in the MATCH pattern and
costs the candidates alike; with ``{_org: $org, id: $id}`` it seeked an ``(_org, ...)``
index by ``_org`` alone and read the whole org (``plugraph.registry.ddl``). These tests
ask ArcadeDB for each plan (``EXPLAIN``, nothing runs) and read which properties the
index seek uses, so a query that would scan fails here instead of in a benchmark.
"""

from __future__ import annotations

from typing import Any

import pytest

from plugraph.entities.bulk import upsert_lookup_query
from plugraph.entities.uniqueness import bulk_conflict_query, conflict_query
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from tests.support.query_plans import lookups

LABEL = "AwsAccount"


@pytest.fixture
def aws(store: GraphStore, installed: dict[str, Any]) -> GraphStore:
    if not store.dialect.is_arcadedb:
        pytest.skip("plan text checked on ArcadeDB; Neo4j plans these with its own planner")
    return store


ID_PARAMS = {"org": "o", "plugin": "aws-iam-ic", "id": "x", "expected": 1, "props": {}}


@pytest.mark.parametrize("name", ["get", "lock", "replace", "delete"])
def test_by_id_queries_look_up_the_id(aws: GraphStore, name: str) -> None:
    assert lookups(aws, QUERIES.render(f"entities/{name}", label=LABEL), **ID_PARAMS) == [{"id"}]


def test_bulk_replace_looks_up_each_row_by_id(aws: GraphStore) -> None:
    rows = [{"id": "x", "expected": 1, "props": {}}]
    text = QUERIES.render("entities/bulk_replace", label=LABEL)
    assert lookups(aws, text, rows=rows, org="o", plugin="aws-iam-ic") == [{"id"}]


def test_a_unique_field_lookup_uses_the_declared_index(aws: GraphStore) -> None:
    text = conflict_query(LABEL, ["accountId"])
    assert lookups(aws, text, org="o", id="x", v0="1") == [{"accountId", "_org"}]


def test_bulk_conflicts_seek_each_leading_value(aws: GraphStore) -> None:
    text = bulk_conflict_query(LABEL, ["accountId"])
    assert lookups(aws, text, org="o", values=["1", "2"]) == [{"accountId"}]


def test_the_upsert_lookup_uses_the_declared_index_per_key(aws: GraphStore) -> None:
    text = upsert_lookup_query(LABEL, "accountId")
    found = lookups(aws, text, org="o", plugin="aws-iam-ic", keys=["1", "2"])
    assert found == [{"accountId", "_org"}]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("version_get", [{"entity_id", "version"}]),
        ("version_list", [{"entity_id"}]),
        ("version_latest", [{"entity_id"}]),
    ],
)
def test_version_lookups_use_the_entity_key(
    aws: GraphStore, name: str, expected: list[set[str]]
) -> None:
    version = {"id": "v1", "entity_id": "x", "version": 1, "_org": "o", "plugin": "p"}
    aws.write("CREATE (v:EntityVersion) SET v = $v", {"v": version | {"label": LABEL}})
    params = {"org": "o", "plugin": "p", "label": LABEL, "id": "x", "ids": ["x"]}
    params |= {"version": 1, "after": 0, "limit": 10}
    assert lookups(aws, QUERIES.text(f"entities/{name}"), **params)[: len(expected)] == expected


def test_the_old_pattern_is_what_this_guards_against(aws: GraphStore) -> None:
    """What 0.1.0 did: a ``{_org, _plugin, id}`` pattern with a declared index led by
    ``_org`` seeks that index by ``_org`` alone. If ArcadeDB's planner learns to prefer
    the unique id, this test says the workaround can go."""
    aws.run_schema(
        "CREATE INDEX probe_org_status IF NOT EXISTS FOR (n:AwsAccount) ON (n._org, n.status)"
    )
    text = f"MATCH (n:{LABEL} {{_org: $org, _plugin: $plugin, id: $id}}) RETURN n"
    assert lookups(aws, text, org="o", plugin="p", id="x") == [{"_org"}]
