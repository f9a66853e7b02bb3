// Record when a token was last used. params: $id, $at
MATCH (t:ApiToken {id: $id})
SET t.last_used_at = $at
