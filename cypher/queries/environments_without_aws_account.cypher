// Environments of an org that no AWS account is mapped to (aws-iam-ic MAPS_TO), by project.
//
// params: $org_slug
//   :param org_slug => 'demo'
MATCH (o:Org {slug: $org_slug})
MATCH (e:Environment {_org: o.id})
WHERE NOT EXISTS {
  MATCH (e)-[r:MAPS_TO]->(:AwsAccount)
  WHERE r._plugin = 'aws-iam-ic'
}
OPTIONAL MATCH (p:Project)-[:HAS_ENVIRONMENT]->(e)
RETURN p.slug AS project, e.slug AS environment, e.name AS name
ORDER BY project, environment
