// Create one plugin edge between two nodes of the org (checks already done in this transaction).
// params: $org, $source_id, $target_id, $props (map: id, _plugin, _org, _created_at, _created_by, ...)
MATCH (s:{{Label:source}} {id: $source_id})
WHERE s._org = $org
MATCH (t:{{Label:target}} {id: $target_id})
WHERE t._org = $org
CREATE (s)-[r:{{Rel:rel}}]->(t)
SET r = $props
RETURN properties(r) AS edge
