// How many of the given rule ids exist. params: $ids
MATCH (r:CasbinRule)
WHERE r.id IN $ids
RETURN count(r) AS c
