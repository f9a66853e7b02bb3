from plugraph.graph.migrations import Migrator, discover
from plugraph.graph.store import GraphStore


def test_migrations_are_ordered_and_start_with_their_own_bookkeeping():
    ids = [m.id for m in discover()]
    assert ids == sorted(ids)
    assert ids[0] == "0001_schema_migrations"


def test_migrate_applies_everything_once_and_records_it(bare_store: GraphStore):
    migrator = Migrator(bare_store)
    all_ids = [m.id for m in discover()]
    assert migrator.pending() == all_ids
    assert migrator.migrate() == all_ids
    assert migrator.pending() == []
    assert migrator.migrate() == []
    recorded = bare_store.read("MATCH (m:SchemaMigration) RETURN m.id AS id ORDER BY id")
    assert [r["id"] for r in recorded] == all_ids
    constraints = bare_store.read("SHOW CONSTRAINTS")
    assert any(
        c["labelsOrTypes"] == ["Plugin"] and c["properties"] == ["slug"] for c in constraints
    )
