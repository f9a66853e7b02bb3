// Users of an org by id (slug for reports). params: $org, $ids
MATCH (u:User {_org: $org})
WHERE u.id IN $ids
RETURN u.id AS id, u.slug AS slug
