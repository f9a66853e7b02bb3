// One client with what it reported installed. params: $key
MATCH (c:Client {_key: $key})
OPTIONAL MATCH (c)-[i:INSTALLED]->(p:Plugin)
RETURN c {.*} AS client, collect({slug: p.slug, version: i.version}) AS plugins
