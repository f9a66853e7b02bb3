// The projects of an org with their environments and the plugin entities linked to each
// (by any plugin edge, either direction). One row per link; a project or environment
// without links has one row with nulls. environment is null for links of the project itself.
//
// params: $org_slug
//   :param org_slug => 'demo'
MATCH (o:Org {slug: $org_slug})-[:HAS]->(p:Project)
CALL (p) {
  OPTIONAL MATCH (p)-[r]-(n:PluginEntity)
  WHERE r._plugin IS NOT NULL
  RETURN null AS environment, r, n
  UNION
  MATCH (p)-[:HAS_ENVIRONMENT]->(e:Environment)
  OPTIONAL MATCH (e)-[r]-(n:PluginEntity)
  WHERE r._plugin IS NOT NULL
  RETURN e.slug AS environment, r, n
}
RETURN p.slug AS project, environment, r._plugin AS plugin, type(r) AS edge,
       CASE WHEN r IS NULL THEN null WHEN startNode(r) = n THEN 'in' ELSE 'out' END AS direction,
       n._label AS entity_label, n.id AS entity_id
ORDER BY project, coalesce(environment, ''), plugin, edge, entity_id
