// Remove every Casbin rule (Casbin's save_policy rewrites the whole policy).
MATCH (r:CasbinRule)
WITH r, r.id AS removed_id
DELETE r
RETURN count(removed_id) AS removed
