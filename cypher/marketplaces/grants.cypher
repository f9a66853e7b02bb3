// The access grants an org made on one resource, in the order they were made.
// params: $org, $key, $include_revoked, $after (grant id or null), $limit
MATCH (r:{{Label:resource}})-[g:GRANTS]->(h)
WHERE r.{{Prop:key}} = $key AND g._org = $org
  AND ($include_revoked OR g.revoked_at IS NULL)
  AND ($after IS NULL OR g.id > $after)
RETURN g {.*} AS access_grant, h.slug AS holder_slug
ORDER BY g.id
LIMIT $limit
