// Move an environment to another project of the same org. params: $org, $slug, $project
MATCH (n:Environment {_org: $org, slug: $slug})
MATCH (p:Project {_org: $org, slug: $project})
OPTIONAL MATCH (:Project)-[old:HAS_ENVIRONMENT]->(n)
DELETE old
WITH DISTINCT n, p
CREATE (p)-[:HAS_ENVIRONMENT]->(n)
RETURN p.slug AS project
