// Plugin registry: (:Plugin)-[:HAS_VERSION]->(:PluginVersion), (:Plugin)-[:DECLARES]->(:DeclaredLabel).
CREATE CONSTRAINT plugin_slug IF NOT EXISTS FOR (n:Plugin) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT plugin_version_id IF NOT EXISTS FOR (n:PluginVersion) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT declared_label_name IF NOT EXISTS FOR (n:DeclaredLabel) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.id IS UNIQUE;
