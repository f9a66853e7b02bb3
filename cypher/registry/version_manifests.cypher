// The stored manifests of the given plugin versions (one index lookup per id).
// params: $ids (PluginVersion ids)
UNWIND $ids AS version_id
MATCH (v:PluginVersion {id: version_id})
RETURN v.id AS version_id, v.manifest AS manifest
