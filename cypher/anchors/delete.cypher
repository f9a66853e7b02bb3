// Delete one anchor and its host links (plugin edges were handled by the delete rules).
// params: $org, $id
MATCH (n:{{Label:label}} {_org: $org, id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
