// API tokens (stored as SHA-256 hashes only), Casbin rules and the policy version counter.
CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.hash IS UNIQUE;
CREATE CONSTRAINT casbin_rule_id IF NOT EXISTS FOR (n:CasbinRule) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT authz_state_id IF NOT EXISTS FOR (n:AuthzState) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_event_org_at IF NOT EXISTS FOR (n:AuditEvent) ON (n._org, n.at);
CREATE INDEX audit_event_target IF NOT EXISTS FOR (n:AuditEvent) ON (n.target_id);
