// Rotation: the old token keeps working until $until (the overlap window), then expires.
// params: $org, $id, $until, $rotated_to
MATCH (t:ApiToken {id: $id, _org: $org})
WHERE t.revoked_at IS NULL
SET t.expires_at = CASE WHEN t.expires_at IS NULL OR t.expires_at > $until THEN $until ELSE t.expires_at END,
    t.rotated_to = $rotated_to
RETURN t.id AS id
