// Serialize anchor writes of one org (slug uniqueness is checked under this lock).
// params: $org
MATCH (o:Org {id: $org})
SET o._lock = true
REMOVE o._lock
RETURN o.id AS id
