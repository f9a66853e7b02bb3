// Role assignments in one org, with the holder's slug and name.
// params: $org
MATCH (r:CasbinRule {ptype: 'g', v2: $org})
WHERE r.v1 STARTS WITH 'role:'
OPTIONAL MATCH (u:User {id: substring(r.v0, 5), _org: $org})
OPTIONAL MATCH (t:Team {id: substring(r.v0, 5), _org: $org})
RETURN r.v0 AS subject, substring(r.v1, 5) AS role,
       coalesce(u.slug, t.slug) AS holder_slug,
       CASE WHEN u IS NOT NULL THEN 'user' WHEN t IS NOT NULL THEN 'team' ELSE 'unknown' END AS holder_kind
ORDER BY role, subject
