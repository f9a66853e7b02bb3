// Indexes plugraph derived from manifests (all named pg_<Label>_...), without those that
// back a constraint.
SHOW INDEXES YIELD name, labelsOrTypes, owningConstraint
WHERE name STARTS WITH 'pg_' AND owningConstraint IS NULL
RETURN name, labelsOrTypes AS labels
