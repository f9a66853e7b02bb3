// The latest version of each given entity in an org (for restore, and for recording the
// deletion of entities removed by a cascade).
// params: $org, $ids
UNWIND $ids AS id
MATCH (v:EntityVersion {entity_id: id, _org: $org})
WITH id, max(v.version) AS last
MATCH (v:EntityVersion {entity_id: id, version: last, _org: $org})
RETURN properties(v) AS version
