// One page of an org's anchors of one kind, by slug (keyset); environments with their project.
// params: $org, $after (slug or null), $limit
MATCH (n:{{Label:label}} {_org: $org})
WHERE $after IS NULL OR n.slug > $after
RETURN properties(n) AS node, head([(p:Project)-[:HAS_ENVIRONMENT]->(n) | p.slug]) AS project
ORDER BY n.slug
LIMIT $limit
