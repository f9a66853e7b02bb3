// The registry's version counter (0 before the first install).
OPTIONAL MATCH (r:RegistryState {id: 'registry'})
RETURN coalesce(r.version, 0) AS version
