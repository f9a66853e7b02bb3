// The edges of one plugin's label from one node to another.
// params: $plugin, $source_id, $target_id
MATCH (s:{{Label:source}} {id: $source_id})-[r:{{Rel:rel}}]->(t:{{Label:target}} {id: $target_id})
WHERE r._plugin = $plugin
RETURN properties(r) AS edge
ORDER BY r.id
