// One page of every plugin edge touching a node (both directions), with the node at the
// other end; only edge labels and other ends the caller may read.
// params: $org, $id, $keys (readable '<plugin>/<LABEL>'), $node_labels, $after, $limit
MATCH (n:{{Label:label}} {id: $id})-[r]-(o)
WHERE n._org = $org AND r._plugin + '/' + type(r) IN $keys
  AND any(l IN labels(o) WHERE l IN $node_labels)
  AND ($after IS NULL OR r.id > $after)
WITH n, r, o
ORDER BY r.id
LIMIT $limit
RETURN properties(r) AS edge, type(r) AS type, startNode(r).id = n.id AS outgoing,
       properties(n) AS node, labels(n) AS node_labels,
       properties(o) AS other, labels(o) AS other_labels
