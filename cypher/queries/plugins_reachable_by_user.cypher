// Which plugins can this user reach, and through which marketplace?
//
// A user reaches a plugin through an active grant (revoked_at IS NULL) to the user, to a
// team the user is a member of, or to the whole org:
//   * a grant on an active marketplace of the org reaches every plugin that marketplace
//     lists (active listings only: removed_at IS NULL);
//   * a grant directly on a plugin reaches that plugin (marketplace is null).
// Archived marketplaces and uninstalled plugins reach nothing. The delivery API
// (GET /delivery/plugins) answers the same question and adds the resolved versions.
//
// params: $org_slug, $user_slug
//   :param org_slug => 'demo'
//   :param user_slug => 'alice'
MATCH (o:Org {slug: $org_slug})
MATCH (u:User {_org: o.id, slug: $user_slug})
OPTIONAL MATCH (u)-[:MEMBER_OF]->(t:Team {_org: o.id})
WITH o, u, collect(t) AS teams
WITH o, [u, o] + teams AS holders
CALL {
  WITH o, holders
  UNWIND holders AS h
  MATCH (o)-[:OWNS]->(m:Marketplace {status: 'active'})-[g:GRANTS]->(h)
  WHERE g.revoked_at IS NULL
  MATCH (m)-[l:LISTS]->(p:Plugin {status: 'installed'})
  WHERE l.removed_at IS NULL
  RETURN p, m.slug AS marketplace, l.channel AS channel, l.pinned_version AS pinned_version,
         g.role AS role,
         CASE WHEN h:User THEN 'user' WHEN h:Team THEN 'team' ELSE 'org' END + ':' + h.slug
           AS granted_to
  UNION
  WITH o, holders
  UNWIND holders AS h
  MATCH (p:Plugin {status: 'installed'})-[g:GRANTS]->(h)
  WHERE g._org = o.id AND g.revoked_at IS NULL
  RETURN p, null AS marketplace, 'stable' AS channel, null AS pinned_version,
         g.role AS role,
         CASE WHEN h:User THEN 'user' WHEN h:Team THEN 'team' ELSE 'org' END + ':' + h.slug
           AS granted_to
}
RETURN p.slug AS plugin, p.name AS name, marketplace, channel, pinned_version, role, granted_to
ORDER BY plugin, marketplace, granted_to
