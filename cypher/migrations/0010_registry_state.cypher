// The plugin registry's version counter: one (:RegistryState {id: 'registry', version}),
// incremented in the transaction of every install, upgrade and uninstall; each process
// re-reads it at most once per PLUGRAPH_REGISTRY_CHECK_INTERVAL to refresh its cache.
CREATE CONSTRAINT registry_state_id IF NOT EXISTS FOR (n:RegistryState) REQUIRE n.id IS UNIQUE;
CREATE INDEX plugin_version_slug IF NOT EXISTS FOR (n:PluginVersion) ON (n.slug, n.version);
