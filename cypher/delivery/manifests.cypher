// Stored manifests of plugin versions, by version id (immutable, so callers cache them).
// params: $ids
UNWIND $ids AS version_id
MATCH (v:PluginVersion {id: version_id})
RETURN v.id AS id, v.slug AS slug, v.version AS version, v.manifest AS manifest
