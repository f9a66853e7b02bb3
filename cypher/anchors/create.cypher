// Create a team, user or project under its org: (:Org)-[:HAS]->(n).
// params: $org, $props (map: id, slug, _org, _created_at, _updated_at and the kind's fields)
MATCH (o:Org {id: $org})
CREATE (n:{{Label:label}})
SET n = $props
CREATE (o)-[:HAS]->(n)
RETURN properties(n) AS node
