// The active grants one subject (user:<id>, team:<id> or org:<id>) holds on one resource.
// params: $org, $key, $subject
MATCH (r:{{Label:resource}})-[g:GRANTS]->()
WHERE r.{{Prop:key}} = $key AND g._org = $org AND g.subject = $subject AND g.revoked_at IS NULL
RETURN g {.*} AS access_grant
