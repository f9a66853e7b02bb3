// Slugs are unique per org, enforced by the graph as well as checked in the write:
// concurrent creates of one slug must leave one anchor (ArcadeDB does not serialise
// writers on a locked node, so the in-transaction check alone can race).
CREATE CONSTRAINT team_org_slug_uq IF NOT EXISTS FOR (n:Team) REQUIRE (n._org, n.slug) IS UNIQUE;
CREATE CONSTRAINT user_org_slug_uq IF NOT EXISTS FOR (n:User) REQUIRE (n._org, n.slug) IS UNIQUE;
CREATE CONSTRAINT project_org_slug_uq IF NOT EXISTS FOR (n:Project) REQUIRE (n._org, n.slug) IS UNIQUE;
CREATE CONSTRAINT environment_org_slug_uq IF NOT EXISTS FOR (n:Environment) REQUIRE (n._org, n.slug) IS UNIQUE;
