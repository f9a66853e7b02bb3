// Find one addressable node of an org by its id: a plugin entity or a core anchor.
// Each branch is an index seek on an indexed id (migrations 0002 and 0020).
// params: $id, $org
CALL () {
  MATCH (n:PluginEntity {id: $id}) RETURN n
  UNION
  MATCH (n:Org {id: $id}) RETURN n
  UNION
  MATCH (n:Team {id: $id}) RETURN n
  UNION
  MATCH (n:User {id: $id}) RETURN n
  UNION
  MATCH (n:Project {id: $id}) RETURN n
  UNION
  MATCH (n:Environment {id: $id}) RETURN n
}
WITH n
WHERE n._org = $org
RETURN properties(n) AS props, labels(n) AS labels
LIMIT 1
