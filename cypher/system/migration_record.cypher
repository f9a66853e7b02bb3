// Record one applied migration (idempotent).
// params: $id, $checksum, $applied_at
MERGE (m:SchemaMigration {id: $id})
ON CREATE SET m.checksum = $checksum, m.applied_at = $applied_at
ON MATCH SET m.checksum = $checksum
