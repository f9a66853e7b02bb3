"""Install, upgrade, inspect and uninstall plugins over HTTP."""

from __future__ import annotations

from tests.registry.conftest import WIDGET_SCHEMA, install, widgets

ENTITIES = "/admin/plugins/widgets/entities/Widget"


def test_install_creates_the_plugin_its_labels_a_version_and_an_audit_event(client, store):
    response = install(client, widgets())

    assert response.status_code == 201
    body = response.json()
    assert body["action"] == "installed"
    assert body["plugin"] | {"installed_at": "", "updated_at": ""} == {
        "slug": "widgets",
        "name": "Widgets",
        "status": "installed",
        "current_version": "1.0.0",
        "installed_at": "",
        "updated_at": "",
        "vertex_labels": ["Widget"],
        "edge_labels": ["PART_OF"],
    }
    labels = store.read(
        "MATCH (:Plugin {slug: 'widgets'})-[:DECLARES]->(d:DeclaredLabel) "
        "RETURN d.name AS name, d.kind AS kind, d.plugin AS plugin ORDER BY name"
    )
    assert labels == [
        {"name": "PART_OF", "kind": "edge", "plugin": "widgets"},
        {"name": "Widget", "kind": "vertex", "plugin": "widgets"},
    ]
    versions = store.read(
        "MATCH (:Plugin {slug: 'widgets'})-[:HAS_VERSION]->(v:PluginVersion) "
        "RETURN v.version AS version, v.installed_by AS by, v.manifest AS manifest"
    )
    assert len(versions) == 1 and versions[0]["version"] == "1.0.0"
    assert versions[0]["by"].startswith("user:") and '"slug":"widgets"' in versions[0]["manifest"]
    events = store.read("MATCH (e:AuditEvent {action: 'plugin.install'}) RETURN e.target_id AS t")
    assert events == [{"t": "widgets"}]
    assert store.read("MATCH (r:RegistryState) RETURN r.version AS v")[0]["v"] == 1


def test_the_entity_api_serves_a_label_right_after_install(client, installed_widgets):
    assert client.post(ENTITIES, json={"name": "w"}).status_code == 201


def test_list_get_and_versions(client, installed_widgets):
    assert install(client, widgets("1.1.0")).json()["action"] == "upgraded"

    listed = client.get("/admin/plugins").json()["items"]
    assert [(p["slug"], p["current_version"]) for p in listed] == [("widgets", "1.1.0")]

    detail = client.get("/admin/plugins/widgets").json()
    assert detail["current_version"] == "1.1.0"
    assert (
        detail["manifest"]["vertex_labels"][0]["schema"]["properties"]
        == WIDGET_SCHEMA["properties"]
    )

    versions = client.get("/admin/plugins/widgets/versions").json()["items"]
    assert [(v["version"], v["current"]) for v in versions] == [("1.1.0", True), ("1.0.0", False)]

    assert client.get("/admin/plugins/nope").status_code == 404
    assert client.get("/admin/plugins/nope/versions").status_code == 404


def test_installing_the_same_manifest_again_changes_nothing(client, installed_widgets, store):
    response = install(client, widgets())
    assert response.status_code == 200
    assert response.json()["action"] == "unchanged"
    assert store.read("MATCH (v:PluginVersion) RETURN count(v) AS c")[0]["c"] == 1


def test_same_version_with_other_content_and_downgrades_are_409(client, installed_widgets):
    changed = widgets(description="changed")
    assert install(client, changed).status_code == 409
    assert install(client, widgets("1.2.0")).status_code == 200
    downgrade = install(client, widgets("1.1.0"))
    assert downgrade.status_code == 409
    assert "downgrade" in downgrade.json()["detail"]
    assert install(client, widgets("1.1.0"), force="true").json()["action"] == "upgraded"


def test_a_second_plugin_claiming_a_label_is_refused_naming_the_owner(
    client, installed_widgets, store
):
    response = install(client, widgets(slug="gadgets"))

    assert response.status_code == 409
    problem = response.json()
    assert problem["owners"] == {"PART_OF": "widgets", "Widget": "widgets"}
    assert "owned by widgets" in problem["detail"]
    assert store.read("MATCH (p:Plugin {slug: 'gadgets'}) RETURN count(p) AS c")[0]["c"] == 0


def test_invalid_manifests_are_422_with_pointers(client):
    document = widgets()
    document["vertex_labels"][0]["name"] = "Org"
    document["vertex_labels"][0]["indexes"] = [{"fields": ["nope"]}]
    response = install(client, document)
    assert response.status_code == 422
    pointers = {e["pointer"] for e in response.json()["errors"]}
    assert "/vertex_labels/0/name" in pointers
    assert "/vertex_labels/0/indexes/0/fields/0" in pointers
    assert (
        client.post(
            "/admin/plugins", content=b"nope", headers={"Content-Type": "application/json"}
        ).status_code
        == 400
    )
    assert (
        client.post(
            "/admin/plugins", content=b"{}", headers={"Content-Type": "text/yaml"}
        ).status_code
        == 415
    )


def test_uninstall_releases_labels_and_keeps_entities(client, installed_widgets, store):
    created = client.post(ENTITIES, json={"name": "kept"}).json()

    response = client.delete("/admin/plugins/widgets")

    assert response.status_code == 200
    assert response.json()["status"] == "uninstalled"
    assert client.get(ENTITIES).status_code == 404
    assert store.read("MATCH (d:DeclaredLabel) RETURN count(d) AS c")[0]["c"] == 0
    orphans = store.read("MATCH (n:PluginEntity {_plugin: 'widgets'}) RETURN n.id AS id")
    assert orphans == [{"id": created["id"]}]
    assert client.get("/admin/plugins").json()["items"][0]["status"] == "uninstalled"
    assert client.delete("/admin/plugins/widgets").status_code == 404

    # the label is free for another plugin now
    assert install(client, widgets(slug="gadgets")).status_code == 201


def test_reinstalling_an_uninstalled_plugin_serves_its_entities_again(client, installed_widgets):
    created = client.post(ENTITIES, json={"name": "kept"}).json()
    client.delete("/admin/plugins/widgets")

    assert install(client, widgets("1.0.1")).status_code == 201

    assert client.get(f"{ENTITIES}/{created['id']}").json()["name"] == "kept"


def test_plugin_routes_need_permissions(anon_client, make_caller, installed_widgets):
    assert anon_client.get("/admin/plugins").status_code == 401
    viewer = make_caller(role="viewer").client
    assert viewer.get("/admin/plugins").status_code == 200
    assert viewer.get("/admin/plugins/widgets").status_code == 200
    denied = viewer.post("/admin/plugins", json=widgets("2.0.0"))
    assert denied.status_code == 403
    assert denied.json()["permission"] == "plugins:install"
    assert viewer.delete("/admin/plugins/widgets").status_code == 403
    assert viewer.post("/admin/plugins/widgets:plan", json=widgets("2.0.0")).status_code == 403
