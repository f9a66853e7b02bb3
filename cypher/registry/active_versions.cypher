// Every installed plugin with the id of its current version, without the manifests: a
// registry reload fetches (registry/version_manifests) and parses only versions it has not
// parsed before. One row holding a list: ArcadeDB's Bolt sends every row as its own message,
// which costs ~0.1 ms per row at the client.
MATCH (p:Plugin {status: 'installed'})
RETURN collect(p {.slug, version_id: p.current_version_id, version: p.current_version}) AS plugins
