// Create one entity: its flattened document plus system properties.
// params: $props
CREATE (n:{{Label:label}}:PluginEntity)
SET n = $props
RETURN properties(n) AS props
