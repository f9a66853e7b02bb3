// Core anchors owned by the host. Ids are application-generated (never id()/elementId()).
CREATE CONSTRAINT org_id IF NOT EXISTS FOR (n:Org) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT org_slug IF NOT EXISTS FOR (n:Org) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT team_id IF NOT EXISTS FOR (n:Team) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (n:User) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT environment_id IF NOT EXISTS FOR (n:Environment) REQUIRE n.id IS UNIQUE;
CREATE INDEX team_org_slug IF NOT EXISTS FOR (n:Team) ON (n._org, n.slug);
CREATE INDEX user_org_slug IF NOT EXISTS FOR (n:User) ON (n._org, n.slug);
CREATE INDEX project_org_slug IF NOT EXISTS FOR (n:Project) ON (n._org, n.slug);
CREATE INDEX environment_org_slug IF NOT EXISTS FOR (n:Environment) ON (n._org, n.slug);
