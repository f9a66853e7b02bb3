// How many relationships of one declared type are stored.
MATCH ()-[r:{{Rel:rel}}]->()
RETURN count(r) AS count
