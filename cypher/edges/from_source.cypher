// Edges of one plugin's label leaving a node (cardinality max_per_source), oldest first.
// params: $plugin, $source_id, $limit
MATCH (s:{{Label:source}} {id: $source_id})-[r:{{Rel:rel}}]->(t)
WHERE r._plugin = $plugin
RETURN r.id AS id, s.id AS source_id, t.id AS target_id
ORDER BY id
LIMIT $limit
