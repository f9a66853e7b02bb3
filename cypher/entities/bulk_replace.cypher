// Replace a batch of locked entities, each at the version read in this transaction.
// params: $org, $plugin, $rows (maps: id, expected, props)
UNWIND $rows AS row
MATCH (n:{{Label:label}} {_org: $org, _plugin: $plugin, id: row.id})
WHERE n._version = row.expected
SET n = row.props
RETURN count(n) AS updated
