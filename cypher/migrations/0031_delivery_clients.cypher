// Delivery clients: (:User)-[:OWNS]->(:Client)-[:INSTALLED {version}]->(:Plugin).
// Client ids are chosen by their owner; _key is "<org id>/<owner id>/<client id>".
CREATE CONSTRAINT client_key IF NOT EXISTS FOR (n:Client) REQUIRE n._key IS UNIQUE;
CREATE INDEX client_org_owner IF NOT EXISTS FOR (n:Client) ON (n._org, n.owner);
