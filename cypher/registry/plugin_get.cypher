// One plugin, its declared labels and the manifest of its latest version.
// params: $slug
MATCH (p:Plugin {slug: $slug})
OPTIONAL MATCH (p)-[:DECLARES]->(d:DeclaredLabel)
WITH p, collect(d {.name, .kind}) AS labels
OPTIONAL MATCH (p)-[:HAS_VERSION]->(v:PluginVersion)
WHERE v.id = p.current_version_id
RETURN p {.*} AS plugin, labels, v.manifest AS manifest
