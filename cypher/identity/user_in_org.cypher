// One user of an org, by id or slug. params: $org, $ref
MATCH (u:User {_org: $org})
WHERE u.id = $ref OR u.slug = $ref
RETURN u.id AS id, u.slug AS slug, u.display_name AS name
