// One token of one org (without its hash). params: $org, $id
MATCH (t:ApiToken {id: $id, _org: $org})
RETURN t {.id, .hint, .kind, .name, .subject_kind, .subject_id, .created_at, .expires_at,
          .last_used_at, .revoked_at, .rotated_to, .scopes, .created_by} AS token
