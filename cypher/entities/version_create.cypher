// Record immutable versions of entities (one map per version; not linked to the entity,
// so history survives its deletion).
// params: $versions (maps: entity_id, _org, plugin, label, version, op, data, at, actor)
UNWIND $versions AS version
CREATE (v:EntityVersion)
SET v = version
RETURN count(v) AS recorded
