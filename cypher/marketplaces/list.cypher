// The marketplaces of one org in slug order, after a keyset cursor.
// params: $org, $after (slug or null), $status (active, archived or null), $limit
MATCH (m:Marketplace {_org: $org})
WHERE ($after IS NULL OR m.slug > $after) AND ($status IS NULL OR m.status = $status)
RETURN m {.*} AS marketplace
ORDER BY m.slug
LIMIT $limit
