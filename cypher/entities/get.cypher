// One entity of a declared label in an org (another org's entity is not found).
// params: $org, $plugin, $id
MATCH (n:{{Label:label}}:PluginEntity {_org: $org, _plugin: $plugin, id: $id})
RETURN properties(n) AS props
