// Keep the kind of labels a plugin still declares in step with its manifest.
// params: $slug, $labels (list of maps: name, kind)
MATCH (:Plugin {slug: $slug})-[:DECLARES]->(d:DeclaredLabel)
UNWIND $labels AS label
WITH d, label
WHERE d.name = label.name
SET d.kind = label.kind
RETURN count(d) AS updated
