// Marketplaces: (:Org)-[:OWNS]->(:Marketplace)-[:LISTS]->(:Plugin), and access grants
// (:Marketplace|:Plugin)-[:GRANTS]->(:User|:Team|:Org). A marketplace's _key is
// "<org id>/<slug>": slugs are unique within an org, enforced by the graph.
CREATE CONSTRAINT marketplace_id IF NOT EXISTS FOR (n:Marketplace) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT marketplace_key IF NOT EXISTS FOR (n:Marketplace) REQUIRE n._key IS UNIQUE;
CREATE INDEX marketplace_org_slug IF NOT EXISTS FOR (n:Marketplace) ON (n._org, n.slug);
