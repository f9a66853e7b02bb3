// Mark a plugin uninstalled (its entities stay in the graph; its labels are released apart).
// params: $slug, $now
MATCH (p:Plugin {slug: $slug})
SET p.status = 'uninstalled', p.updated_at = $now
RETURN p {.*} AS plugin
