// An entity's versions after $after, oldest first (keyset paging on version).
// params: $org, $plugin, $label, $id, $after, $limit
MATCH (v:EntityVersion {entity_id: $id, _org: $org})
WHERE v.plugin = $plugin AND v.label = $label AND v.version > $after
RETURN properties(v) AS version
ORDER BY v.version
LIMIT $limit
