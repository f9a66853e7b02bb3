// A plugin as marketplaces see it (the registry owns the node). params: $slug
MATCH (p:Plugin {slug: $slug})
RETURN p.slug AS slug, p.name AS name, p.status AS status
