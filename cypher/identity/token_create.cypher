// Create an API token for a user or a plugin key; only the hash is stored.
// params: $token (map: id, hash, hint, kind, name, _org, created_at, expires_at, created_by,
//         subject_kind, subject_id, scopes), $subject_id
CREATE (t:ApiToken)
SET t = $token
WITH t
OPTIONAL MATCH (u:User {id: $subject_id, _org: $token._org})
FOREACH (_ IN CASE WHEN u IS NULL THEN [] ELSE [1] END | CREATE (t)-[:AUTHENTICATES]->(u))
RETURN t.id AS id
