// Revoke every live API token of a user (when the user is deleted). params: $org, $id, $at
MATCH (t:ApiToken {_org: $org})-[:AUTHENTICATES]->(u:User {_org: $org, id: $id})
WHERE t.revoked_at IS NULL
SET t.revoked_at = $at
RETURN t.id AS id
