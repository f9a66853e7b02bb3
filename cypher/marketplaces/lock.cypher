// Lock a marketplace for the rest of the transaction (a write to its node) and return it.
// Every change to a marketplace, its listings or its grants starts here, so concurrent
// writers serialise and checks such as "one active listing per plugin" hold at commit.
// params: $org, $id
MATCH (m:Marketplace {id: $id, _org: $org})
SET m.revision = coalesce(m.revision, 0) + 1
RETURN m {.*} AS marketplace
