// Change fields of one anchor. params: $org, $slug, $changes (map, no system fields but _updated_at)
MATCH (n:{{Label:label}} {_org: $org, slug: $slug})
SET n += $changes
RETURN properties(n) AS node, head([(p:Project)-[:HAS_ENVIRONMENT]->(n) | p.slug]) AS project
