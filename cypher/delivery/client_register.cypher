// Register a client of a user (idempotent) and note when it last reported.
// params: $props (_key, id, _org, owner, created_at), $now
MERGE (c:Client {_key: $props._key})
ON CREATE SET c = $props
SET c.reported_at = $now
WITH c
MATCH (u:User {id: c.owner, _org: c._org})
MERGE (u)-[:OWNS]->(c)
RETURN c {.*} AS client
