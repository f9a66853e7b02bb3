// Take a plugin's write lock and read which version is current (an upgrade checks that it
// still replaces the version it was planned against).
// params: $slug
MATCH (p:Plugin {slug: $slug})
SET p._lock = true
REMOVE p._lock
RETURN p.current_version_id AS current_version_id, p.status AS status
