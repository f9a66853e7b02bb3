// Ensure an org and its first administrator exist (idempotent).
// params: $org (map: id, slug, name, _created_at), $user (map: id, slug, display_name, email, _created_at)
MERGE (o:Org {slug: $org.slug})
ON CREATE SET o += $org, o._updated_at = $org._created_at
SET o._org = o.id
WITH o
OPTIONAL MATCH (existing:User {_org: o.id, slug: $user.slug})
FOREACH (_ IN CASE WHEN existing IS NULL THEN [1] ELSE [] END |
  CREATE (u:User) SET u = $user, u._org = o.id, u._updated_at = $user._created_at
  CREATE (o)-[:HAS]->(u))
WITH o
MATCH (u:User {_org: o.id, slug: $user.slug})
RETURN o.id AS org_id, o.slug AS org_slug, u.id AS user_id, u.slug AS user_slug
