// One page of a team's members, by user slug (keyset). params: $org, $team, $after, $limit
MATCH (u:User {_org: $org})-[:MEMBER_OF]->(t:Team {_org: $org, slug: $team})
WHERE $after IS NULL OR u.slug > $after
RETURN properties(u) AS node
ORDER BY u.slug
LIMIT $limit
