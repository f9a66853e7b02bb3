// Record one audit event, in the same transaction as the change it describes, linked to
// the acting user when the actor is one.
// params: $event (map: id, _org, actor_kind, actor_id, action, target_kind, target_id,
//         target_label, plugin, before_version, after_version, request_id, at, details)
CREATE (e:AuditEvent)
SET e = $event
WITH e
OPTIONAL MATCH (u:User {id: $event.actor_id})
WHERE $event.actor_kind = 'user'
FOREACH (_ IN CASE WHEN u IS NULL THEN [] ELSE [1] END | CREATE (e)-[:BY]->(u))
