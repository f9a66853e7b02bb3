// Take the write lock of one node until the transaction ends, changing nothing.
// Neo4j holds an exclusive lock from the SET; ArcadeDB rewrites the record, so
// concurrent writers conflict and the driver retries them. Edge writes lock both
// ends first, so their checks (duplicates, cardinality) see every committed edge.
// params: $id
MATCH (n:{{Label:label}} {id: $id})
SET n._lock = true
REMOVE n._lock
RETURN n.id AS id
