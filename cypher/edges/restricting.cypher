// Restrict edges that block deleting a set of nodes: a restrict edge touching one of them
// whose other end survives the deletion.
// params: $org, $ids (nodes of this label being deleted), $doomed (every node being deleted),
//         $restrict (edge keys '<plugin>/<LABEL>' with on_delete restrict)
MATCH (n:{{Label:label}})-[r]-(o)
WHERE n.id IN $ids AND n._org = $org
  AND r._plugin + '/' + type(r) IN $restrict
  AND NOT o.id IN $doomed
RETURN DISTINCT r.id AS id, r._plugin AS plugin, type(r) AS label,
       startNode(r).id AS source_id, endNode(r).id AS target_id,
       n.id AS node_id, o.id AS other_id
ORDER BY id
