// Take the entity's write lock, then read it: the read sees the last committed version,
// so a concurrent writer's update can never be lost (Neo4j's documented pattern; on
// ArcadeDB the write makes concurrent transactions conflict and retry).
// params: $org, $plugin, $id
// Id-only pattern, filters after WITH: see get.cypher.
MATCH (n:{{Label:label}} {id: $id})
WITH n
WHERE n._org = $org AND n._plugin = $plugin
SET n._lock = true
REMOVE n._lock
RETURN properties(n) AS props
