// Remove Casbin rules by id. params: $ids
UNWIND $ids AS rule_id
MATCH (r:CasbinRule {id: rule_id})
WITH r, r.id AS removed_id
DELETE r
RETURN count(removed_id) AS removed
