// Increment the registry's version counter, in the transaction of an install/upgrade/uninstall.
MERGE (r:RegistryState {id: 'registry'})
ON CREATE SET r.version = 0
WITH r
SET r.version = r.version + 1
RETURN r.version AS version
