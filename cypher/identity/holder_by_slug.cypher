// A user or team of one org by slug (the label is User or Team). params: $org, $slug
MATCH (n:{{Label:label}} {_org: $org, slug: $slug})
RETURN n.id AS id, n.slug AS slug
