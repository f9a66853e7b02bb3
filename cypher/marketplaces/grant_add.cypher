// Grant a user, a team or the whole org a role on a marketplace or a plugin.
// The resource label is Marketplace (key: id) or Plugin (key: slug); plugins are
// host-wide, marketplaces belong to one org. The grant itself always carries _org.
// params: $org, $key, $holder_id, $props (id, role, subject, holder_kind, holder_id, _org,
//         granted_at, granted_by)
MATCH (r:{{Label:resource}})
WHERE r.{{Prop:key}} = $key AND coalesce(r._org, $org) = $org
MATCH (h:{{Label:holder}} {id: $holder_id, _org: $org})
CREATE (r)-[g:GRANTS]->(h)
SET g = $props
RETURN g {.*} AS access_grant, h.slug AS holder_slug
