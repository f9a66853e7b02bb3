// How many target nodes have more than $max relationships of one type.
// params: $max
MATCH ()-[r:{{Rel:rel}}]->(t)
WITH t, count(r) AS degree
WHERE degree > $max
RETURN count(t) AS violating
