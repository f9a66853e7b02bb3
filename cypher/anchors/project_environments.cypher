// The environments of one project, by slug. params: $org, $id (project id)
MATCH (p:Project {_org: $org, id: $id})-[:HAS_ENVIRONMENT]->(e:Environment)
RETURN e.slug AS slug
ORDER BY slug
