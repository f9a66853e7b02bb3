// The edges of one plugin in an org, counted per edge label and the labels of their ends.
// (Scans the org's relationships; fine for an operator's question, not for a hot path.)
//
// params: $org_slug, $plugin
//   :param org_slug => 'demo'
//   :param plugin => 'aws-iam-ic'
MATCH (o:Org {slug: $org_slug})
MATCH (s)-[r]->(t)
WHERE r._org = o.id AND r._plugin = $plugin
WITH type(r) AS label,
     coalesce(s._label, [l IN labels(s) WHERE l IN ['Org', 'Team', 'User', 'Project', 'Environment']][0])
       AS source_label,
     coalesce(t._label, [l IN labels(t) WHERE l IN ['Org', 'Team', 'User', 'Project', 'Environment']][0])
       AS target_label
RETURN label, source_label, target_label, count(*) AS edges
ORDER BY label, source_label, target_label
