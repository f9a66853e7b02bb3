// An org by id or slug (the CLI's --org).
// params: $org
MATCH (o:Org)
WHERE o.id = $org OR o.slug = $org
RETURN o.id AS id, o.slug AS slug
LIMIT 1
