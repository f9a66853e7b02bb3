// The active listing (removed_at IS NULL) of a plugin in a marketplace, if any.
// params: $org, $id, $plugin
MATCH (m:Marketplace {id: $id, _org: $org})-[l:LISTS]->(p:Plugin {slug: $plugin})
WHERE l.removed_at IS NULL
RETURN l.id AS id
