// Take the entity's write lock, then read it: the read sees the last committed version,
// so a concurrent writer's update can never be lost (Neo4j's documented pattern; on
// ArcadeDB the write makes concurrent transactions conflict and retry).
// params: $org, $plugin, $id
MATCH (n:{{Label:label}} {_org: $org, _plugin: $plugin, id: $id})
SET n._lock = true
REMOVE n._lock
RETURN properties(n) AS props
