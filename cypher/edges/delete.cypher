// Delete one edge by id, found from a node at either end; returns it if it existed.
// params: $plugin, $node_id, $id
MATCH (n:{{Label:label}} {id: $node_id})-[r:{{Rel:rel}}]-()
WHERE r.id = $id AND r._plugin = $plugin
WITH DISTINCT r
WITH r, properties(r) AS edge
DELETE r
RETURN edge
