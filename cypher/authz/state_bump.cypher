// Bump the policy version so every process reloads its Casbin policy.
MERGE (s:AuthzState {id: 'authz'})
ON CREATE SET s.version = 0
SET s.version = s.version + 1
RETURN s.version AS version
