// Stored entities of one label in id order, one batch after $after (all orgs): the upgrade
// plan validates them against the new schema.
// params: $plugin, $after, $limit
MATCH (n:{{Label:label}})
WHERE n._plugin = $plugin AND n.id > $after
RETURN n.id AS id, properties(n) AS props
ORDER BY id
LIMIT $limit
