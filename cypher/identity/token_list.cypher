// Tokens of one org, optionally of one subject, newest first. Never returns hashes.
// params: $org, $subject_id (null for all)
MATCH (t:ApiToken {_org: $org})
WHERE $subject_id IS NULL OR t.subject_id = $subject_id
RETURN t {.id, .hint, .kind, .name, .subject_kind, .subject_id, .created_at, .expires_at,
          .last_used_at, .revoked_at, .rotated_to, .scopes, .created_by} AS token
ORDER BY t.created_at DESC, t.id DESC
