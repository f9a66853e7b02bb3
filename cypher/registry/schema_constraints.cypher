// Constraints plugraph derived from manifests (all named pg_<Label>_...) that concern one
// install: those on any of $labels, and any named one of $names (the names it would create).
// Filtered here so an install reads a few rows however many plugins are installed.
// params: $labels (vertex label names), $names (derived object names)
SHOW CONSTRAINTS YIELD name, labelsOrTypes
WHERE name STARTS WITH 'pg_'
  AND (name IN $names OR any(label IN coalesce(labelsOrTypes, []) WHERE label IN $labels))
RETURN name, labelsOrTypes AS labels
