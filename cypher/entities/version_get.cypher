// One version of an entity.
// params: $org, $plugin, $label, $id, $version
MATCH (v:EntityVersion {entity_id: $id, version: $version})
WHERE v._org = $org AND v.plugin = $plugin AND v.label = $label
RETURN properties(v) AS version
