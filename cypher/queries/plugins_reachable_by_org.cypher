// Installed plugins an org can reach through its marketplaces:
// (:Org)-[:OWNS]->(:Marketplace)-[:LISTS]->(:Plugin), active listings only (removed_at IS
// NULL) on active marketplaces. One row per plugin and marketplace, with the listing's
// channel and pinned version. (Who inside the org may use them is decided by grants; see
// plugins_reachable_by_user.cypher.)
//
// params: $org_slug
//   :param org_slug => 'demo'
MATCH (o:Org {slug: $org_slug})-[:OWNS]->(m:Marketplace)-[l:LISTS]->(p:Plugin)
WHERE l.removed_at IS NULL AND m.status = 'active' AND p.status = 'installed'
RETURN p.slug AS plugin, p.name AS name, p.current_version AS version,
       m.slug AS marketplace, l.channel AS channel, l.pinned_version AS pinned_version
ORDER BY plugin, marketplace
