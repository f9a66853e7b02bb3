// One page of the edges of one plugin's label touching a node (both directions), with the
// node at the other end; only other ends whose label the caller may read.
// params: $org, $id, $plugin, $node_labels, $after (edge id or null), $limit
MATCH (n:{{Label:label}} {id: $id})-[r:{{Rel:rel}}]-(o)
WHERE n._org = $org AND r._plugin = $plugin
  AND any(l IN labels(o) WHERE l IN $node_labels)
  AND ($after IS NULL OR r.id > $after)
WITH n, r, o
ORDER BY r.id
LIMIT $limit
RETURN properties(r) AS edge, type(r) AS type, startNode(r).id = n.id AS outgoing,
       properties(n) AS node, labels(n) AS node_labels,
       properties(o) AS other, labels(o) AS other_labels
