// Every Casbin rule (policies p and role links g), plus team memberships as g lines.
// Returned rows: ptype, v0, v1, v2.
MATCH (r:CasbinRule)
RETURN r.ptype AS ptype, r.v0 AS v0, r.v1 AS v1, r.v2 AS v2
UNION ALL
MATCH (u:User)-[:MEMBER_OF]->(t:Team)
WHERE u._org = t._org
RETURN 'g' AS ptype, 'user:' + u.id AS v0, 'team:' + t.id AS v1, t._org AS v2
