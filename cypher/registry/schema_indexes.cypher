// Indexes plugraph derived from manifests (all named pg_<Label>_...), without those that
// back a constraint, that concern one install: those on any of $labels, and any named one of
// $names (the names it would create). Filtered here so an install reads a few rows however
// many plugins are installed.
// params: $labels (vertex label names), $names (derived object names)
SHOW INDEXES YIELD name, labelsOrTypes, owningConstraint
WHERE name STARTS WITH 'pg_' AND owningConstraint IS NULL
  AND (name IN $names OR any(label IN coalesce(labelsOrTypes, []) WHERE label IN $labels))
RETURN name, labelsOrTypes AS labels
