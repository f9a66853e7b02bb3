// One version of an entity.
// params: $org, $plugin, $label, $id, $version
// Seeks the (entity_id, version) key; the org filter after WITH keeps ArcadeDB off the
// (_org, plugin, label) index (see get.cypher).
MATCH (v:EntityVersion {entity_id: $id, version: $version})
WITH v
WHERE v._org = $org AND v.plugin = $plugin AND v.label = $label
RETURN properties(v) AS version
