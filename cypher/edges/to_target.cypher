// Edges of one plugin's label arriving at a node (cardinality max_per_target), oldest first.
// params: $plugin, $target_id, $limit
MATCH (s)-[r:{{Rel:rel}}]->(t:{{Label:target}} {id: $target_id})
WHERE r._plugin = $plugin
RETURN r.id AS id, s.id AS source_id, t.id AS target_id
ORDER BY id
LIMIT $limit
