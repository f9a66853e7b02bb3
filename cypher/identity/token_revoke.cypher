// Revoke a token now. params: $org, $id, $at
MATCH (t:ApiToken {id: $id, _org: $org})
WHERE t.revoked_at IS NULL
SET t.revoked_at = $at
RETURN t.id AS id
