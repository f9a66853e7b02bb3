// Audit events of one org, newest first, with optional filters and a keyset cursor (sorted
// and cut before the projection, so only the page's events become maps).
// params: $org, $action, $actor_id, $target_id, $target_kind, $plugin, $since, $until,
//         $after_at, $after_id (cursor: the last row's at and id), $limit
MATCH (e:AuditEvent {_org: $org})
WHERE ($action IS NULL OR e.action = $action OR e.action STARTS WITH $action + '.')
  AND ($actor_id IS NULL OR e.actor_id = $actor_id)
  AND ($target_id IS NULL OR e.target_id = $target_id)
  AND ($target_kind IS NULL OR e.target_kind = $target_kind)
  AND ($plugin IS NULL OR e.plugin = $plugin)
  AND ($since IS NULL OR e.at >= $since)
  AND ($until IS NULL OR e.at < $until)
  AND ($after_at IS NULL OR e.at < $after_at OR (e.at = $after_at AND e.id < $after_id))
WITH e
ORDER BY e.at DESC, e.id DESC
LIMIT $limit
RETURN e {.*} AS event
