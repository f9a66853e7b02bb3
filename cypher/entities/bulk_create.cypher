// Create a batch of entities (one map of properties per row).
// params: $rows
UNWIND $rows AS row
CREATE (n:{{Label:label}}:PluginEntity)
SET n = row
RETURN count(n) AS created
