// Every installed version of one plugin, newest first.
// params: $slug
MATCH (p:Plugin {slug: $slug})-[:HAS_VERSION]->(v:PluginVersion)
RETURN v {.id, .slug, .version, .installed_at, .installed_by} AS version,
       v.id = p.current_version_id AS current
ORDER BY v.installed_at DESC, v.id DESC
