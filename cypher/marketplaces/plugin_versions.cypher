// Each named plugin with every version the registry ever installed (channel resolution).
// params: $slugs
UNWIND $slugs AS slug
MATCH (p:Plugin {slug: slug})
OPTIONAL MATCH (p)-[:HAS_VERSION]->(v:PluginVersion)
RETURN p.slug AS slug, p.name AS name, p.status AS status,
       collect({id: v.id, version: v.version, installed_at: v.installed_at}) AS versions
