// Delete plugin entities (after their plugin edges are gone); returns the ids deleted.
// params: $org, $ids
MATCH (n:PluginEntity)
WHERE n.id IN $ids AND n._org = $org
WITH n, n.id AS id
DETACH DELETE n
RETURN id
