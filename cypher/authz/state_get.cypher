// The current policy version (0 when nothing was ever written).
OPTIONAL MATCH (s:AuthzState {id: 'authz'})
RETURN coalesce(s.version, 0) AS version
