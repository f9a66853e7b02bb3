// List a plugin in a marketplace (a new LISTS relationship; history is never rewritten).
// params: $org, $id, $plugin, $props (id, _org, membership_source, channel, pinned_version,
//         added_at, added_by)
MATCH (m:Marketplace {id: $id, _org: $org})
MATCH (p:Plugin {slug: $plugin})
CREATE (m)-[l:LISTS]->(p)
SET l = $props
RETURN l {.*} AS listing, p.slug AS plugin, p.name AS plugin_name
