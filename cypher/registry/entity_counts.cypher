// How many entities of one label a plugin has stored, per org.
// params: $plugin
MATCH (n:{{Label:label}})
WHERE n._plugin = $plugin
RETURN n._org AS org, count(n) AS count
