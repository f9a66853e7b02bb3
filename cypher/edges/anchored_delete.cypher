// Delete the edges of one plugin's label touching a node (optionally only those to one
// other node); returns each deleted edge with its ends (count = rows).
// params: $org, $id, $plugin, $other_id (or null)
MATCH (n:{{Label:label}} {id: $id})-[r:{{Rel:rel}}]-(o)
WHERE n._org = $org AND r._plugin = $plugin AND ($other_id IS NULL OR o.id = $other_id)
WITH DISTINCT r, o
WITH r, {id: r.id, source_id: startNode(r).id, target_id: endNode(r).id} AS edge
DELETE r
RETURN edge
