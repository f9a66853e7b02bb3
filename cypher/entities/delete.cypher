// Delete an entity if it is still at the version the caller read (its plugin edges were
// handled by the delete rules first); counts what it deleted.
// params: $org, $plugin, $id, $expected
MATCH (n:{{Label:label}} {_org: $org, _plugin: $plugin, id: $id})
WHERE n._version = $expected
WITH n, n.id AS id
DETACH DELETE n
RETURN count(id) AS deleted
