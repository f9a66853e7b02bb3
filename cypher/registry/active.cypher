// Every installed plugin with the manifest of its current version.
MATCH (p:Plugin {status: 'installed'})-[:HAS_VERSION]->(v:PluginVersion)
WHERE v.id = p.current_version_id
RETURN p.slug AS slug, v.id AS version_id, v.version AS version, v.manifest AS manifest
ORDER BY slug
