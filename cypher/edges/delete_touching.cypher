// Delete every plugin edge touching the given nodes; returns each deleted edge (count = rows).
// params: $org, $ids
MATCH (n:{{Label:label}})-[r]-()
WHERE n.id IN $ids AND n._org = $org AND r._plugin IS NOT NULL
WITH DISTINCT r
WITH r, {id: r.id, plugin: r._plugin, label: type(r),
         source_id: startNode(r).id, target_id: endNode(r).id} AS edge
DELETE r
RETURN edge
