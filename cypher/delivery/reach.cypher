// Which plugins each user of an org reaches, and through what: one row per path.
// A path is an active grant (revoked_at IS NULL) whose subject is the user, a team the
// user is a member of, or the whole org, either
//   * on an active marketplace of the org, then through each of its active listings, or
//   * directly on a plugin (resolved on the stable channel).
// Only installed plugins are reached. Grants name their holder in g.subject
// (user:<id>, team:<id>, org:<id>), the same subjects the Casbin policies use.
// params: $org, $users (user ids, or null for every user of the org)
MATCH (u:User {_org: $org})
WHERE $users IS NULL OR u.id IN $users
OPTIONAL MATCH (u)-[:MEMBER_OF]->(t:Team {_org: $org})
WITH u, ['user:' + u.id, 'org:' + $org] + collect('team:' + t.id) AS subjects
CALL {
  WITH subjects
  MATCH (m:Marketplace {_org: $org, status: 'active'})-[g:GRANTS]->()
  WHERE g.revoked_at IS NULL AND g.subject IN subjects
  MATCH (m)-[l:LISTS]->(p:Plugin {status: 'installed'})
  WHERE l.removed_at IS NULL
  RETURN p.slug AS plugin, m.id AS marketplace_id, m.slug AS marketplace_slug,
         l.channel AS channel, l.pinned_version AS pinned_version,
         g.role AS role, g.subject AS subject
  UNION
  WITH subjects
  MATCH (p:Plugin {status: 'installed'})-[g:GRANTS]->()
  WHERE g._org = $org AND g.revoked_at IS NULL AND g.subject IN subjects
  RETURN p.slug AS plugin, null AS marketplace_id, null AS marketplace_slug,
         'stable' AS channel, null AS pinned_version,
         g.role AS role, g.subject AS subject
}
RETURN u.id AS user_id, u.slug AS user_slug, plugin, marketplace_id, marketplace_slug,
       channel, pinned_version, role, subject
ORDER BY user_id, plugin, marketplace_slug
