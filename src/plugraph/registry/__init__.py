"""The plugin registry: installed manifests in the graph, and the per-process view of them.

``service.PluginRegistry`` installs, upgrades (with ``plan``) and uninstalls manifests
and answers the hot-path lookups (``vertex_label``, ``edge_label``, ``label_owner``,
``active_manifests``) from a cache invalidated by a version counter in the graph.

Graph model: ``(:Plugin {slug, name, current_version, current_version_id, status,
installed_at, updated_at})-[:HAS_VERSION]->(:PluginVersion {id, slug, version, manifest,
installed_at, installed_by})``, ``(:Plugin)-[:DECLARES]->(:DeclaredLabel {name, kind,
plugin})`` and ``(:RegistryState {id: 'registry', version})``.
"""
