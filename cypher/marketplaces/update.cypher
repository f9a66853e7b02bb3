// Set properties of one marketplace. params: $org, $id, $changes (map)
MATCH (m:Marketplace {id: $id, _org: $org})
SET m += $changes
RETURN m {.*} AS marketplace
