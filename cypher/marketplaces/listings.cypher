// The listings of a marketplace in the order they were made (listing ids are time-ordered).
// params: $org, $id, $include_removed, $after (listing id or null), $limit
MATCH (m:Marketplace {id: $id, _org: $org})-[l:LISTS]->(p:Plugin)
WHERE ($include_removed OR l.removed_at IS NULL) AND ($after IS NULL OR l.id > $after)
RETURN l {.*} AS listing, p.slug AS plugin, p.name AS plugin_name
ORDER BY l.id
LIMIT $limit
