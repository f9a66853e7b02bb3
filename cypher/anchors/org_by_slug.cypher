// One org by its (globally unique) slug. params: $slug
MATCH (o:Org {slug: $slug})
RETURN properties(o) AS node
