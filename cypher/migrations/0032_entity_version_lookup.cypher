// Entity history looked up by entity alone (the latest version of many entities at once,
// cypher/entities/version_last.cypher). ArcadeDB uses an index for a pattern only when the
// pattern covers all of the index's properties, so (entity_id, version) does not serve
// {entity_id: id}; this single-property index does (and Neo4j can use either).
CREATE INDEX entity_version_entity IF NOT EXISTS FOR (n:EntityVersion) ON (n.entity_id);
