// The audit trail of one object of an org (an entity, edge, anchor, plugin, token...),
// oldest first: who did what, and the versions before and after.
//
// params: $org_slug, $target_id
//   :param org_slug => 'demo'
//   :param target_id => '01J...'
MATCH (o:Org {slug: $org_slug})
MATCH (e:AuditEvent {target_id: $target_id})
WHERE e._org = o.id
RETURN e.at AS at, e.action AS action, e.actor_kind AS actor_kind, e.actor_id AS actor_id,
       e.target_kind AS target_kind, e.target_label AS target_label, e.plugin AS plugin,
       e.before_version AS before_version, e.after_version AS after_version,
       e.details AS details
ORDER BY e.at, e.id
