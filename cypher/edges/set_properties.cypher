// Replace all properties of one edge (system properties included in $props).
// params: $plugin, $source_id, $id, $props
MATCH (s:{{Label:source}} {id: $source_id})-[r:{{Rel:rel}}]->()
WHERE r.id = $id AND r._plugin = $plugin
SET r = $props
RETURN properties(r) AS edge
