// One org by slug. params: $slug
MATCH (o:Org {slug: $slug})
RETURN o.id AS id, o.slug AS slug, o.name AS name
