// Add Casbin rules idempotently. params: $rules (list of {id, ptype, v0, v1, v2})
UNWIND $rules AS rule
MERGE (r:CasbinRule {id: rule.id})
ON CREATE SET r = rule
RETURN count(r) AS added
