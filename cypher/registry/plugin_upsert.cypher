// Record a new current version of a plugin (install, upgrade or re-install).
// params: $slug, $name, $now, $version (map: id, slug, version, manifest, installed_at, installed_by)
MERGE (p:Plugin {slug: $slug})
ON CREATE SET p.installed_at = $now
SET p.name = $name,
    p.current_version = $version.version,
    p.current_version_id = $version.id,
    p.updated_at = $now,
    p.status = 'installed'
CREATE (v:PluginVersion)
SET v = $version
CREATE (p)-[:HAS_VERSION]->(v)
RETURN p {.*} AS plugin
