// Remove a user from a team; returns one row per removed link.
// params: $org, $team (slug), $user (slug)
MATCH (u:User {_org: $org, slug: $user})-[m:MEMBER_OF]->(t:Team {_org: $org, slug: $team})
WITH m, t.id AS team_id, u.id AS user_id
DELETE m
RETURN team_id, user_id
