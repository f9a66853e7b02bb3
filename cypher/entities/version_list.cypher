// An entity's versions after $after, oldest first (keyset paging on version).
// params: $org, $plugin, $label, $id, $after, $limit
// Seeks the (entity_id, version) key by its leading property (see version_get.cypher).
MATCH (v:EntityVersion {entity_id: $id})
WITH v
WHERE v._org = $org AND v.plugin = $plugin AND v.label = $label AND v.version > $after
RETURN properties(v) AS version
ORDER BY v.version
LIMIT $limit
