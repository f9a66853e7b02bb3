// How many API tokens exist (0 on a fresh database).
MATCH (t:ApiToken)
RETURN count(t) AS c
