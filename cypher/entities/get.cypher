// One entity of a declared label in an org (another org's entity is not found).
// params: $org, $plugin, $id
// One label only in the pattern: ArcadeDB ignores the label's id index when the pattern
// names two labels (measured: 51 ms vs 5 ms at 20,000 nodes). A declared label belongs
// to exactly one plugin, and every node carrying it is a :PluginEntity.
MATCH (n:{{Label:label}} {_org: $org, _plugin: $plugin, id: $id})
RETURN properties(n) AS props
