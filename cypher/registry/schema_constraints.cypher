// Constraints plugraph derived from manifests (all named pg_<Label>_...).
SHOW CONSTRAINTS YIELD name, labelsOrTypes
WHERE name STARTS WITH 'pg_'
RETURN name, labelsOrTypes AS labels
