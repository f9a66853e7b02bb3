// Replace an entity's properties if it is still at the version the caller read.
// params: $org, $plugin, $id, $expected, $props
MATCH (n:{{Label:label}} {_org: $org, _plugin: $plugin, id: $id})
WHERE n._version = $expected
SET n = $props
RETURN properties(n) AS props
