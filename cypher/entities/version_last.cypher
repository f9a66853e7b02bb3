// The latest version of each given entity in an org (for restore, and for recording the
// deletion of entities removed by a cascade).
// params: $org, $ids
// {entity_id: id} is looked up in entity_version_entity (migration 0032), then
// {entity_id, version} in the (entity_id, version) key; org filters after WITH.
UNWIND $ids AS id
MATCH (v:EntityVersion {entity_id: id})
WITH id, v
WHERE v._org = $org
WITH id, max(v.version) AS last
MATCH (v:EntityVersion {entity_id: id, version: last})
WITH v
WHERE v._org = $org
RETURN properties(v) AS version
