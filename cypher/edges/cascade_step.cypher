// One step of a cascade: the plugin entities that cascade edges lead to from the frontier.
// Core anchors are never cascaded into (only :PluginEntity targets), nor other orgs' nodes.
// params: $org, $frontier (node ids), $cascade (edge keys '<plugin>/<LABEL>' with on_delete cascade)
MATCH (s:{{Label:label}})-[r]->(t:PluginEntity)
WHERE s.id IN $frontier AND s._org = $org AND t._org = $org
  AND r._plugin + '/' + type(r) IN $cascade
RETURN DISTINCT t.id AS id, properties(t) AS props
