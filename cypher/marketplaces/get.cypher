// One marketplace of one org. params: $org, $id
MATCH (m:Marketplace {id: $id, _org: $org})
RETURN m {.*} AS marketplace
