// One anchor of an org by slug; environments with their project.
// params: $org, $slug
MATCH (n:{{Label:label}} {_org: $org, slug: $slug})
RETURN properties(n) AS node, head([(p:Project)-[:HAS_ENVIRONMENT]->(n) | p.slug]) AS project
