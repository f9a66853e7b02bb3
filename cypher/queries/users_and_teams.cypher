// The users of an org and the teams each is a member of (team slugs, alphabetical).
//
// params: $org_slug
//   :param org_slug => 'demo'
MATCH (o:Org {slug: $org_slug})-[:HAS]->(u:User)
OPTIONAL MATCH (u)-[:MEMBER_OF]->(t:Team {_org: o.id})
WITH u, t
ORDER BY t.slug
WITH u, collect(t.slug) AS teams
RETURN u.slug AS user, u.display_name AS display_name, u.email AS email, teams
ORDER BY user
