"""Upgrade plans: the schema diff classified, and checked against the stored entities."""

from __future__ import annotations

import copy

from tests.registry.conftest import install, widgets

ENTITIES = "/admin/plugins/widgets/entities/Widget"


def narrowed(version: str = "2.0.0"):
    document = widgets(version)
    schema = document["vertex_labels"][0]["schema"]
    schema["properties"]["size"]["maximum"] = 10  # narrowed
    schema["properties"]["weight"] = {"type": "number"}
    schema["required"] = ["name", "weight"]  # added required property
    return document


def store_widgets(client):
    response = client.post(
        f"{ENTITIES}:bulk",
        json={
            "mode": "create",
            "items": [{"name": f"w{i}", "size": i * 5, "sku": f"s{i}"} for i in range(15)],
        },
    )
    assert response.status_code == 200
    return response.json()["ids"]


def test_plan_counts_stored_entities_that_would_fail_with_a_sample(client, installed_widgets):
    ids = store_widgets(client)

    response = client.post("/admin/plugins/widgets:plan", json=narrowed())

    assert response.status_code == 200
    plan = response.json()
    assert (plan["from_version"], plan["to_version"], plan["breaking"]) == ("1.0.0", "2.0.0", True)
    changes = {(c["pointer"], c["change"], c["classification"]) for c in plan["changes"]}
    assert ("/properties/size", "maximum_narrowed", "breaking") in changes
    assert ("/properties/weight", "required_property_added", "breaking") in changes
    [impact] = plan["impacts"]
    assert (impact["label"], impact["stored"], impact["checked"], impact["failing"]) == (
        "Widget", 15, True, 15,
    )  # fmt: skip
    org = client.get("/admin/me").json()["org"]["id"]
    assert impact["failing_by_org"] == {org: 15}
    assert len(impact["sample"]) == 10
    assert {s["id"] for s in impact["sample"]} <= set(ids)
    sizes = {entity_id: i * 5 for i, entity_id in enumerate(ids)}
    for failure in impact["sample"]:
        expected = {"/weight"} | ({"/size"} if sizes[failure["id"]] > 10 else set())
        assert {e["pointer"] for e in failure["errors"]} == expected


def test_a_breaking_upgrade_is_refused_with_the_plan_unless_forced(client, installed_widgets):
    store_widgets(client)

    refused = client.post("/admin/plugins", json=narrowed())
    assert refused.status_code == 409
    assert refused.json()["plan"]["impacts"][0]["failing"] == 15
    assert client.get("/admin/plugins/widgets").json()["current_version"] == "1.0.0"

    forced = client.post("/admin/plugins", json=narrowed(), params={"force": "true"})
    assert forced.status_code == 200
    assert forced.json()["action"] == "upgraded"
    assert client.get("/admin/plugins/widgets").json()["current_version"] == "2.0.0"


def test_safe_upgrades_pass_without_force(client, installed_widgets):
    store_widgets(client)
    document = widgets("1.1.0")
    schema = document["vertex_labels"][0]["schema"]
    schema["properties"]["note"] = {"type": "string"}  # optional property added
    schema["properties"]["color"]["enum"].append("black")  # enum widened
    schema["properties"]["name"]["maxLength"] = 80  # widened

    response = client.post("/admin/plugins", json=document)

    assert response.status_code == 200, response.text
    plan = response.json()["plan"]
    assert plan["breaking"] is False
    assert {c["change"] for c in plan["changes"]} == {
        "property_added",
        "enum_widened",
        "maxLength_widened",
    }
    assert plan["impacts"][0]["failing"] == 0


def test_removing_a_label_is_breaking_only_when_it_holds_entities(client, installed_widgets):
    document = widgets("2.0.0")
    document["vertex_labels"].append(
        copy.deepcopy(document["vertex_labels"][0]) | {"name": "Gizmo"}
    )
    assert install(client, document).status_code == 200
    client.post("/admin/plugins/widgets/entities/Gizmo", json={"name": "g"})

    empty_removed = widgets("3.0.0")
    empty_removed["vertex_labels"] = [document["vertex_labels"][1]]
    empty_removed["edge_labels"] = []
    plan = client.post("/admin/plugins/widgets:plan", json=empty_removed).json()
    removed = {c["label"]: c for c in plan["changes"] if c["change"] == "label_removed"}
    assert removed["Widget"]["classification"] == "safe"
    assert removed["PART_OF"]["classification"] == "safe"

    full_removed = widgets("3.0.0")
    full_removed["edge_labels"] = []
    full_removed["vertex_labels"] = [document["vertex_labels"][0]]
    plan = client.post("/admin/plugins/widgets:plan", json=full_removed).json()
    gizmo = next(c for c in plan["changes"] if c["label"] == "Gizmo")
    assert gizmo["classification"] == "breaking"
    assert "1 stored entities" in gizmo["detail"]


def test_a_new_unique_index_over_duplicate_values_is_breaking(client, installed_widgets):
    client.post(
        f"{ENTITIES}:bulk", json={"mode": "create", "items": [{"name": "same"}, {"name": "same"}]}
    )
    document = widgets("1.1.0")
    document["vertex_labels"][0]["indexes"].append({"fields": ["name"], "unique": True})

    plan = client.post("/admin/plugins/widgets:plan", json=document).json()

    change = next(c for c in plan["changes"] if c["change"] == "unique_index_added")
    assert change["classification"] == "breaking"
    assert "already share values" in change["detail"]
    assert client.post("/admin/plugins", json=document).status_code == 409


def test_plan_and_validate_routes_are_not_taken_for_a_slug(client, installed_widgets):
    plan = client.post("/admin/plugins/widgets:plan", json=widgets("1.0.1"))
    assert plan.status_code == 200 and plan.json()["to_version"] == "1.0.1"
    mismatch = client.post("/admin/plugins/widgets:plan", json=widgets("1.0.1", slug="other"))
    assert mismatch.status_code == 422
    assert client.get("/admin/plugins/widgets:plan").status_code in (404, 405)
    assert client.get("/admin/plugins/widgets").json()["slug"] == "widgets"

    valid = client.post("/admin/plugins:validate", json=widgets("9.0.0"))
    assert valid.status_code == 200 and valid.json() == {"valid": True, "errors": []}
    taken = client.post("/admin/plugins:validate", json=widgets(slug="gadgets"))
    assert taken.json()["valid"] is False
    assert {
        "pointer": "/vertex_labels/0/name",
        "message": "Widget is owned by plugin widgets",
    } in taken.json()["errors"]
    broken = widgets()
    del broken["version"]
    result = client.post("/admin/plugins:validate", json=broken).json()
    assert result["valid"] is False and result["errors"][0]["pointer"] == "/version"
    assert client.get("/admin/plugins").status_code == 200
