// Claim labels for a plugin. A label already claimed by another plugin violates the
// uniqueness constraint on DeclaredLabel.name (callers check first for a clear 409).
// params: $slug, $labels (list of maps: name, kind, plugin)
MATCH (p:Plugin {slug: $slug})
UNWIND $labels AS label
CREATE (d:DeclaredLabel)
SET d = label
CREATE (p)-[:DECLARES]->(d)
RETURN count(d) AS claimed
