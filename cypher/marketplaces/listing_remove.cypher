// Soft-remove the active listing of a plugin: removed_at/removed_by are set, the
// relationship stays as history. params: $org, $id, $plugin, $at, $by
MATCH (m:Marketplace {id: $id, _org: $org})-[l:LISTS]->(p:Plugin {slug: $plugin})
WHERE l.removed_at IS NULL
SET l.removed_at = $at, l.removed_by = $by
RETURN l {.*} AS listing, p.slug AS plugin, p.name AS plugin_name
