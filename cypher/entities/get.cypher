// One entity of a declared label in an org (another org's entity is not found).
// params: $org, $plugin, $id
// Only the id in the pattern, the rest after WITH: ArcadeDB's planner seeks whichever
// index leads with a property of the pattern, and an (_org, ...) index read the whole org
// (plugraph.registry.ddl). Checked by tests/entities/test_index_use.py.
MATCH (n:{{Label:label}} {id: $id})
WITH n
WHERE n._org = $org AND n._plugin = $plugin
RETURN properties(n) AS props
