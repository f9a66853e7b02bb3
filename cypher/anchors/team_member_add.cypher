// Make a user a member of a team (idempotent); returns whether the link is new.
// params: $org, $team (slug), $user (slug), $at
MATCH (t:Team {_org: $org, slug: $team})
MATCH (u:User {_org: $org, slug: $user})
OPTIONAL MATCH (u)-[existing:MEMBER_OF]->(t)
WITH t, u, existing
FOREACH (_ IN CASE WHEN existing IS NULL THEN [1] ELSE [] END |
  CREATE (u)-[:MEMBER_OF {_org: $org, _created_at: $at}]->(t))
RETURN t.id AS team_id, u.id AS user_id, existing IS NULL AS added
