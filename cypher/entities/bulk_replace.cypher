// Replace a batch of locked entities, each at the version read in this transaction.
// params: $org, $plugin, $rows (maps: id, expected, props)
// Id-only pattern, filters after WITH: see get.cypher.
UNWIND $rows AS row
MATCH (n:{{Label:label}} {id: row.id})
WITH row, n
WHERE n._org = $org AND n._plugin = $plugin AND n._version = row.expected
SET n = row.props
RETURN count(n) AS updated
