// Create a marketplace owned by an org.
// params: $org, $props (id, _key, slug, name, description, _org, status, created_at,
//         created_by, updated_at, updated_by, revision)
MATCH (o:Org {id: $org})
CREATE (m:Marketplace)
SET m = $props
CREATE (o)-[:OWNS]->(m)
RETURN m {.*} AS marketplace
