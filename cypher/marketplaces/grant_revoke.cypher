// Revoke an active grant (soft: revoked_at/revoked_by are set, history is kept).
// params: $org, $key, $id, $at, $by, $superseded_by (the replacing grant's id, or null)
MATCH (r:{{Label:resource}})-[g:GRANTS]->(h)
WHERE r.{{Prop:key}} = $key AND g._org = $org AND g.id = $id AND g.revoked_at IS NULL
SET g.revoked_at = $at, g.revoked_by = $by, g.superseded_by = $superseded_by
RETURN g {.*} AS access_grant, h.slug AS holder_slug
