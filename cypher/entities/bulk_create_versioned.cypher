// Create a batch of entities with their first versions, in one statement. What all the
// versions share (org, plugin, label, time, actor) is sent once.
// params: $rows (maps: props = everything SET n = $props writes, data = the version's JSON
//         text), $org, $plugin, $label, $at, $actor (the versions' shared properties)
// The version is created with all its properties in the pattern: ArcadeDB checks the
// (entity_id, version) key as each SET lands, so a version must never be keyed on a
// missing entity_id, and one CREATE costs less than a CREATE and a SET.
UNWIND $rows AS row
CREATE (n:{{Label:label}}:PluginEntity)
SET n = row.props
CREATE (:EntityVersion {
  entity_id: row.props.id, version: 1, op: 'create', data: row.data,
  _org: $org, plugin: $plugin, label: $label, at: $at, actor: $actor
})
RETURN count(n) AS created
