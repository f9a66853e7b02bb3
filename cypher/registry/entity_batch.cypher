// Stored entities of one label in id order, one batch after $after (all orgs): the upgrade
// plan validates them against the new schema. Sorted and cut before the projection, so only
// the batch's nodes become maps.
// params: $plugin, $after, $limit
MATCH (n:{{Label:label}})
WHERE n._plugin = $plugin AND n.id > $after
WITH n
ORDER BY n.id
LIMIT $limit
RETURN n.id AS id, properties(n) AS props
