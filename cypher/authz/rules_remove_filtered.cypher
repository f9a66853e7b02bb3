// Remove Casbin rules matching a filter; a null value matches anything.
// params: $ptype, $v0, $v1, $v2
MATCH (r:CasbinRule {ptype: $ptype})
WHERE ($v0 IS NULL OR r.v0 = $v0) AND ($v1 IS NULL OR r.v1 = $v1) AND ($v2 IS NULL OR r.v2 = $v2)
WITH r, r.id AS removed_id
DELETE r
RETURN count(removed_id) AS removed
