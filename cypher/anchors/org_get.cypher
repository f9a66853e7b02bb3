// One org by id. params: $org
MATCH (o:Org {id: $org})
RETURN properties(o) AS node
