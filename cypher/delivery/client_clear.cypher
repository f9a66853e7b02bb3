// Forget a client's reported install state (counted: delete counters read 0 on ArcadeDB).
// params: $key
MATCH (c:Client {_key: $key})-[i:INSTALLED]->()
WITH i, 1 AS one
DELETE i
RETURN count(one) AS removed
