"""Indexes and constraints derived from declarations, and what ArcadeDB does with them."""

from __future__ import annotations

import pytest
from neo4j.exceptions import ConstraintError

from plugraph.graph.store import GraphStore
from plugraph.manifests.model import IndexSpec
from plugraph.registry import store as registry_store
from plugraph.registry.ddl import index_object, object_name
from tests.registry.conftest import install, widgets


def schema_names(store: GraphStore) -> dict[str, str]:
    constraints = {r["name"]: "constraint" for r in store.read("SHOW CONSTRAINTS")}
    indexes = {r["name"]: "index" for r in store.read("SHOW INDEXES") if not r["owningConstraint"]}
    return {n: k for n, k in (constraints | indexes).items() if n.startswith("pg_Widget_")}


def test_install_creates_the_id_constraint_and_declared_indexes(client, store):
    document = widgets()
    document["vertex_labels"][0]["schema"]["required"] = ["name", "sku"]
    install(client, document)

    assert schema_names(store) == {
        "pg_Widget_id_uq": "constraint",
        "pg_Widget_org_id_ix": "index",
        object_name("Widget", ["sku"], "uq"): "constraint",  # always present: enforced by the db
        object_name("Widget", ["color"], "ix"): "index",
    }


def test_a_unique_index_over_an_optional_field_is_enforced_in_the_transaction(client, store):
    install(client, widgets())  # sku is optional
    url = "/admin/plugins/widgets/entities/Widget"

    assert object_name("Widget", ["sku"], "ix") in schema_names(store)
    assert client.post(url, json={"name": "a"}).status_code == 201
    assert client.post(url, json={"name": "b"}).status_code == 201  # both lack sku: fine
    assert client.post(url, json={"name": "c", "sku": "x"}).status_code == 201
    assert client.post(url, json={"name": "d", "sku": "x"}).status_code == 409


@pytest.mark.parametrize("sku_required", [False, True], ids=["optional", "required"])
def test_a_bulk_write_refuses_stored_unique_values_with_or_without_a_constraint(
    client, store, sku_required
):
    """Without a constraint plugraph looks the values up before writing; with one the
    database refuses the write and plugraph names the rows when it runs it again."""
    document = widgets()
    if sku_required:
        document["vertex_labels"][0]["schema"]["required"] = ["name", "sku"]
    install(client, document)
    url = "/admin/plugins/widgets/entities/Widget"
    holder = client.post(url, json={"name": "a", "sku": "x"}).json()["id"]

    items = [{"name": "b", "sku": "y"}, {"name": "c", "sku": "x"}]
    response = client.post(f"{url}:bulk", json={"mode": "create", "items": items})

    assert response.status_code == 409
    (error,) = response.json()["errors"]
    assert error["pointer"] == "/items/1/sku"
    assert holder in error["message"]
    assert store.read("MATCH (n:Widget) RETURN count(n) AS c")[0]["c"] == 1
    assert store.read("MATCH (v:EntityVersion) RETURN count(v) AS c")[0]["c"] == 1


def test_only_unique_indexes_over_optional_fields_lack_a_database_constraint(client):
    document = widgets()
    document["vertex_labels"][0]["indexes"].append({"fields": ["name"], "unique": True})
    document["vertex_labels"][0]["schema"]["required"] = ["name"]
    install(client, document)

    runtime = client.app.state.context.registry.vertex_label("widgets", "Widget")

    assert [index.fields for index in runtime.unique_indexes] == [("sku",), ("name",)]
    assert [index.fields for index in runtime.unenforced_unique_indexes] == [("sku",)]


def test_an_upgrade_drops_indexes_the_manifest_no_longer_declares(client, store, installed_widgets):
    document = widgets("1.1.0")
    document["vertex_labels"][0]["indexes"] = [{"fields": ["size"]}]

    assert install(client, document).status_code == 200

    names = schema_names(store)
    assert object_name("Widget", ["size"], "ix") in names
    assert object_name("Widget", ["color"], "ix") not in names
    assert object_name("Widget", ["sku"], "ix") not in names


def test_object_names_are_deterministic_and_distinct():
    assert object_name("A", ["owner.email"], "ix") == object_name("A", ["owner.email"], "ix")
    assert object_name("A", ["owner.email"], "ix") != object_name("A", ["owner_email"], "ix")
    statement = index_object(
        "A", IndexSpec(fields=("owner.email",), unique=True), database_unique=True
    )
    assert "REQUIRE (n.`owner.email`, n._org) IS UNIQUE" in statement.statement


# -- what the design relies on, measured on the embedded ArcadeDB ------------------------


def test_arcadedb_enforces_composite_uniqueness_per_org_over_bolt(store):
    store.run_schema(
        "CREATE CONSTRAINT t_uq IF NOT EXISTS FOR (n:Probe) REQUIRE (n._org, n.k) IS UNIQUE"
    )
    store.write("CREATE (n:Probe) SET n = $p", {"p": {"_org": "a", "k": "1"}})
    store.write("CREATE (n:Probe) SET n = $p", {"p": {"_org": "b", "k": "1"}})

    with pytest.raises(ConstraintError):
        store.write("CREATE (n:Probe) SET n = $p", {"p": {"_org": "a", "k": "1"}})
    assert store.read("MATCH (n:Probe) RETURN count(n) AS c")[0]["c"] == 2


def test_arcadedb_treats_a_missing_composite_key_part_as_a_value(store):
    """Unlike Neo4j (nodes lacking a property are exempt), hence no db constraint for
    unique indexes over optional fields (plugraph.registry.ddl)."""
    store.run_schema(
        "CREATE CONSTRAINT t_uq2 IF NOT EXISTS FOR (n:Probe2) REQUIRE (n._org, n.k) IS UNIQUE"
    )
    store.write("CREATE (n:Probe2) SET n = $p", {"p": {"_org": "a"}})
    with pytest.raises(ConstraintError):
        store.write("CREATE (n:Probe2) SET n = $p", {"p": {"_org": "a"}})


def test_an_install_reads_only_the_schema_objects_of_its_own_labels(client, store):
    install(client, widgets())
    gadgets = widgets(slug="gadgets", edge_labels=[])
    gadgets["vertex_labels"][0]["name"] = "Gadget"
    assert install(client, gadgets).status_code == 201

    found = registry_store.schema_object_names(store, ["Widget"], [])
    assert set(found) == set(schema_names(store))
    assert all(labels == {"Widget"} for _kind, labels in found.values())
    assert found["pg_Widget_id_uq"][0] == "constraint"
    assert found["pg_Widget_org_id_ix"][0] == "index"
    # a name it would create counts even on another label (IF NOT EXISTS goes by name)
    assert set(registry_store.schema_object_names(store, [], ["pg_Gadget_id_uq"])) == {
        "pg_Gadget_id_uq"
    }
    assert registry_store.schema_object_names(store, ["Nothing"], ["pg_Nothing_id_uq"]) == {}


def test_a_reinstall_under_another_slug_drops_the_leftover_indexes_of_its_label(client, store):
    install(client, widgets())
    assert client.delete("/admin/plugins/widgets").status_code == 200
    assert object_name("Widget", ["color"], "ix") in schema_names(store)  # left behind

    other = widgets(slug="other-widgets")
    other["vertex_labels"][0]["indexes"] = [{"fields": ["size"]}]
    assert install(client, other).status_code == 201

    names = schema_names(store)
    assert object_name("Widget", ["size"], "ix") in names
    assert object_name("Widget", ["color"], "ix") not in names
    assert "pg_Widget_id_uq" in names
