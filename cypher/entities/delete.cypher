// Delete an entity if it is still at the version the caller read (its plugin edges were
// handled by the delete rules first); counts what it deleted.
// params: $org, $plugin, $id, $expected
// Id-only pattern, filters after WITH: see get.cypher.
MATCH (n:{{Label:label}} {id: $id})
WITH n
WHERE n._org = $org AND n._plugin = $plugin AND n._version = $expected
WITH n, n.id AS id
DETACH DELETE n
RETURN count(id) AS deleted
