// Whether a node with this id exists (ids are unique across orgs).
// params: $id
MATCH (n:{{Label:label}} {id: $id})
RETURN count(n) > 0 AS found
