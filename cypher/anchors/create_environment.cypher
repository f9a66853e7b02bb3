// Create an environment under its project: (:Project)-[:HAS_ENVIRONMENT]->(:Environment).
// params: $org, $project (slug), $props
MATCH (p:Project {_org: $org, slug: $project})
CREATE (n:Environment)
SET n = $props
CREATE (p)-[:HAS_ENVIRONMENT]->(n)
RETURN properties(n) AS node, p.slug AS project
