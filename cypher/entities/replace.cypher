// Replace an entity's properties if it is still at the version the caller read.
// params: $org, $plugin, $id, $expected, $props
// Id-only pattern, filters after WITH: see get.cypher.
MATCH (n:{{Label:label}} {id: $id})
WITH n
WHERE n._org = $org AND n._plugin = $plugin AND n._version = $expected
SET n = $props
RETURN properties(n) AS props
