// Every plugin the registry knows (installed or uninstalled) with its declared labels.
MATCH (p:Plugin)
OPTIONAL MATCH (p)-[:DECLARES]->(d:DeclaredLabel)
WITH p, collect(d {.name, .kind}) AS labels
RETURN p {.*} AS plugin, labels
ORDER BY p.slug
