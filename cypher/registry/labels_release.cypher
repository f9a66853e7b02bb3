// Release the labels a plugin no longer declares (all of them on uninstall).
// params: $slug, $keep (names still declared)
MATCH (:Plugin {slug: $slug})-[:DECLARES]->(d:DeclaredLabel)
WHERE NOT d.name IN $keep
WITH d, d.name AS name
DETACH DELETE d
RETURN count(name) AS released
