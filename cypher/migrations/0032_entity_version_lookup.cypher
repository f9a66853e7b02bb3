// Lighter entity history: every write records a version, so each index on EntityVersion
// is paid by every write (bulk imports write as many versions as entities).
// - Versions are addressed by (entity_id, version); the per-version id was never read.
// - No query reads history by (_org, plugin, label), and ArcadeDB's optimizer seeked that
//   index by _org alone for version lookups, reading the org's whole history.
DROP CONSTRAINT entity_version_id IF EXISTS;
DROP INDEX entity_version_org IF EXISTS;
