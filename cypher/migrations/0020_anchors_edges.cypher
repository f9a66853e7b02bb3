// Anchors and plugin edges.
// Edges address their ends by id across all plugin labels: one index over every entity.
CREATE INDEX plugin_entity_id IF NOT EXISTS FOR (n:PluginEntity) ON (n.id);
// Users are also looked up by email within their org.
CREATE INDEX user_org_email IF NOT EXISTS FOR (n:User) ON (n._org, n.email);
// Orgs are org-scoped like everything else (their _org is their own id).
CREATE INDEX org_org_slug IF NOT EXISTS FOR (n:Org) ON (n._org, n.slug);
