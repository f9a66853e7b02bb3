// Resolve a presented token (by hash) to its principal: the token, its org and its user.
// params: $hash
MATCH (t:ApiToken {hash: $hash})
MATCH (o:Org {id: t._org})
OPTIONAL MATCH (t)-[:AUTHENTICATES]->(u:User)
RETURN t {.*} AS token, o.slug AS org_slug, u.slug AS user_slug, u.display_name AS user_name
