// Plugin entities of an org that no installed plugin declares any more: their plugin was
// uninstalled (or never installed here), or an upgrade dropped their label. Uninstalling
// keeps entities in the graph on purpose; this finds them, counted per plugin and label.
//
// params: $org_slug
//   :param org_slug => 'demo'
MATCH (o:Org {slug: $org_slug})
MATCH (n:PluginEntity {_org: o.id})
OPTIONAL MATCH (p:Plugin {slug: n._plugin})
WITH n,
     CASE
       WHEN p IS NULL THEN 'plugin not installed'
       WHEN p.status <> 'installed' THEN 'plugin ' + p.status
       WHEN NOT EXISTS { MATCH (p)-[:DECLARES]->(:DeclaredLabel {name: n._label}) }
         THEN 'label no longer declared'
     END AS reason
WHERE reason IS NOT NULL
RETURN n._plugin AS plugin, n._label AS label, reason, count(n) AS entities
ORDER BY plugin, label
