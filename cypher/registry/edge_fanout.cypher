// How many source nodes have more than $max relationships of one type (a tighter
// max_per_source would refuse them).
// params: $max
MATCH (s)-[r:{{Rel:rel}}]->()
WITH s, count(r) AS degree
WHERE degree > $max
RETURN count(s) AS violating
