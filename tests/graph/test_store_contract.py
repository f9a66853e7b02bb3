"""The graph store contract: what plugraph relies on, checked on every available backend."""

from __future__ import annotations

import threading

import pytest
from neo4j.exceptions import ConstraintError

from plugraph.graph.store import GraphStore


def test_parameters_round_trip_quotes_unicode_and_floats(any_store: GraphStore):
    value = {
        "quote": 'it\'s "quoted" `tick` })',
        "unicode": "Ünïcødé ✓ 日本",
        "float": 0.1 + 0.2,
        "big": 2**53,
        "list": ["a", "b"],
        "flag": True,
    }
    rows = any_store.write(
        "CREATE (n:RoundTrip) SET n = $props RETURN n {.*} AS props", {"props": value}
    )
    assert rows[0]["props"] == value


def test_a_write_that_violates_a_unique_constraint_rolls_back_whole(any_store: GraphStore):
    any_store.run_schema(
        "CREATE CONSTRAINT rt_id IF NOT EXISTS FOR (n:Unique1) REQUIRE n.id IS UNIQUE"
    )
    any_store.write("CREATE (n:Unique1) SET n = $p", {"p": {"id": "a"}})

    def duplicate(tx):
        tx.run("CREATE (n:Unique1Other) SET n.marker = 'partial'").consume()
        tx.run("CREATE (n:Unique1) SET n = $p", p={"id": "a", "extra": 1}).consume()

    with pytest.raises(ConstraintError):
        any_store.execute_write(duplicate)
    assert any_store.read("MATCH (n:Unique1) RETURN count(n) AS c")[0]["c"] == 1
    assert any_store.read("MATCH (n:Unique1Other) RETURN count(n) AS c")[0]["c"] == 0


def test_an_exception_inside_a_managed_transaction_rolls_it_back(any_store: GraphStore):
    def fail_after_write(tx):
        tx.run("CREATE (:Rollback {id: 'x'})").consume()
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        any_store.execute_write(fail_after_write)
    assert any_store.read("MATCH (n:Rollback) RETURN count(n) AS c")[0]["c"] == 0


def test_unwind_batches_of_two_thousand_rows(any_store: GraphStore):
    rows = [{"id": f"r{i}", "n": i} for i in range(2000)]
    created = any_store.write(
        "UNWIND $rows AS row CREATE (n:Batch) SET n = row RETURN count(n) AS c", {"rows": rows}
    )
    assert created[0]["c"] == 2000
    total = any_store.read("MATCH (n:Batch) RETURN sum(n.n) AS s")[0]["s"]
    assert total == sum(range(2000))


def test_merge_is_idempotent(any_store: GraphStore):
    for _ in range(3):
        any_store.write("MERGE (n:Merged {id: $id}) ON CREATE SET n.created = true", {"id": "m"})
    assert any_store.read("MATCH (n:Merged) RETURN count(n) AS c")[0]["c"] == 1


def test_exists_and_count_subqueries(any_store: GraphStore):
    any_store.write("CREATE (a:Sub {id: 'a'})-[:LINK]->(:Sub {id: 'b'}), (:Sub {id: 'c'})")
    rows = any_store.read(
        "MATCH (n:Sub) RETURN n.id AS id, EXISTS { MATCH (n)-[:LINK]-() } AS linked, "
        "COUNT { (n)-[:LINK]-() } AS degree ORDER BY id"
    )
    assert [(r["id"], r["linked"], r["degree"]) for r in rows] == [
        ("a", True, 1),
        ("b", True, 1),
        ("c", False, 0),
    ]


def test_count_what_you_delete_in_the_query(any_store: GraphStore):
    any_store.write("UNWIND range(1, 5) AS i CREATE (:Doomed {i: i})")
    deleted = any_store.write(
        "MATCH (n:Doomed) WITH collect(n) AS ns UNWIND ns AS n DETACH DELETE n RETURN count(*) AS c"
    )
    assert deleted[0]["c"] == 5
    assert any_store.read("MATCH (n:Doomed) RETURN count(n) AS c")[0]["c"] == 0


def test_concurrent_managed_increments_are_not_lost(any_store: GraphStore):
    any_store.write("CREATE (:Counter {id: 'c', value: 0})")

    def increment(tx):
        tx.run("MATCH (c:Counter {id: 'c'}) SET c.value = c.value + 1").consume()

    def worker():
        for _ in range(25):
            any_store.execute_write(increment)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert any_store.read("MATCH (c:Counter) RETURN c.value AS v")[0]["v"] == 200


def test_indexes_and_constraints_are_listed(any_store: GraphStore):
    any_store.run_schema("CREATE INDEX listed_x IF NOT EXISTS FOR (n:Listed) ON (n.x)")
    any_store.run_schema(
        "CREATE CONSTRAINT listed_id IF NOT EXISTS FOR (n:Listed) REQUIRE n.id IS UNIQUE"
    )
    constraints = any_store.read("SHOW CONSTRAINTS")
    assert any(c["labelsOrTypes"] == ["Listed"] and c["properties"] == ["id"] for c in constraints)
    indexes = any_store.read("SHOW INDEXES")
    assert any(i["labelsOrTypes"] == ["Listed"] and i["properties"] == ["x"] for i in indexes)


def test_the_dialect_is_detected_from_the_server_agent(any_store: GraphStore):
    agent = any_store.dialect.agent
    assert agent.startswith("Neo4j/")
    assert any_store.dialect.is_arcadedb == ("ArcadeDB" in agent)
