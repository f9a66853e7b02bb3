// Entity history: one immutable (:EntityVersion) per write, not linked to the entity so it
// survives deletion. (entity_id, version) is unique: two writers can never both create
// version n of the same entity (both properties are always present, so this composite
// constraint behaves the same on Neo4j and ArcadeDB).
CREATE CONSTRAINT entity_version_id IF NOT EXISTS FOR (n:EntityVersion) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entity_version_key IF NOT EXISTS
FOR (n:EntityVersion) REQUIRE (n.entity_id, n.version) IS UNIQUE;
CREATE INDEX entity_version_org IF NOT EXISTS FOR (n:EntityVersion) ON (n._org, n.plugin, n.label);
