// One step of a bounded traversal: the readable relationships of a set of nodes (plugin
// edges and the host's MEMBER_OF / HAS_ENVIRONMENT links) and the nodes at their other end.
// params: $org, $ids, $keys (readable '<plugin>/<LABEL>'), $structural (relationship types),
//         $node_labels (readable node labels), $limit
MATCH (n:{{Label:label}})-[r]-(o)
WHERE n.id IN $ids AND n._org = $org AND o._org = $org
  AND (r._plugin + '/' + type(r) IN $keys OR (r._plugin IS NULL AND type(r) IN $structural))
  AND any(l IN labels(o) WHERE l IN $node_labels)
RETURN n.id AS node_id, properties(r) AS rel, type(r) AS type,
       startNode(r).id AS source_id, endNode(r).id AS target_id,
       properties(o) AS other, labels(o) AS other_labels
ORDER BY node_id, coalesce(r.id, ''), o.id
LIMIT $limit
