// Record what a client reports installed: one INSTALLED relationship per plugin.
// params: $key, $now, $plugins (list of {slug, version})
MATCH (c:Client {_key: $key})
UNWIND $plugins AS item
MATCH (p:Plugin {slug: item.slug})
CREATE (c)-[i:INSTALLED]->(p)
SET i.version = item.version, i._org = c._org, i.reported_at = $now
RETURN count(i) AS created
