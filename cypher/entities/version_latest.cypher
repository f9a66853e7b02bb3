// The latest version of one entity in an org (restore recreates a deleted entity from it).
// params: $org, $id
// Seeks the (entity_id, version) key by its leading property; the org filter after WITH
// (see version_get.cypher).
MATCH (v:EntityVersion {entity_id: $id})
WITH v
WHERE v._org = $org
RETURN properties(v) AS version
ORDER BY v.version DESC
LIMIT 1
