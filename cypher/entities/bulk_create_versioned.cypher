// Create a batch of entities with their first versions, in one statement. What all the
// versions share (org, plugin, label, op, version, time, actor) is sent once.
// params: $rows (maps: props = everything SET n = $props writes, data = the version's JSON
//         text), $history (the versions' shared properties)
// The version is created with its entity_id: ArcadeDB checks the (entity_id, version) key
// as each SET lands, so a version must never be keyed on a missing entity_id.
UNWIND $rows AS row
CREATE (n:{{Label:label}}:PluginEntity)
SET n = row.props
CREATE (v:EntityVersion {entity_id: row.props.id, data: row.data})
SET v += $history
RETURN count(n) AS created
