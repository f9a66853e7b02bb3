// Which plugin declares each of the given label names.
// params: $names (list of label and relationship type names)
MATCH (p:Plugin)-[:DECLARES]->(d:DeclaredLabel)
WHERE d.name IN $names
RETURN d.name AS name, d.kind AS kind, p.slug AS plugin
