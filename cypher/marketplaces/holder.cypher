// A user or team of one org by slug or id (the label is User or Team). params: $org, $ref
MATCH (h:{{Label:holder}} {_org: $org})
WHERE h.slug = $ref OR h.id = $ref
RETURN h.id AS id, h.slug AS slug
LIMIT 1
