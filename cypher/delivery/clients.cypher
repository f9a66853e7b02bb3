// Every registered client of an org with what each reported installed. params: $org
MATCH (c:Client {_org: $org})
WHERE c._key IS NOT NULL
OPTIONAL MATCH (c)-[i:INSTALLED]->(p:Plugin)
RETURN c {.*} AS client, collect({slug: p.slug, version: i.version}) AS plugins
ORDER BY client.owner, client.id
