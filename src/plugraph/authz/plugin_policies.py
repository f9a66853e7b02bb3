"""Plugins as principals: policies derived from the manifest at install/upgrade/uninstall.

A plugin key (``plgk_``) acts as ``plugin:<slug>``. Its policies, in every org
(domain ``*``): full access to the plugin's own labels, reading the registry,
and each scope its manifest requests (``entities:read:GithubRepository`` becomes
``plugins:github:entities:GithubRepository:read``; scopes on core anchors become
``anchors:<kind>:<op>``). Nothing else: a key can never exceed its manifest.
"""

from __future__ import annotations

from collections.abc import Callable

import structlog

from plugraph.authz.authorizer import Authorizer
from plugraph.authz.permissions import scope_to_permission
from plugraph.authz.roles import ANY_ORG
from plugraph.manifests.model import Manifest

log = structlog.get_logger(__name__)


def plugin_subject(slug: str) -> str:
    return f"plugin:{slug}"


def plugin_patterns(manifest: Manifest, label_owner: Callable[[str], str | None]) -> list[str]:
    patterns = [f"plugins:{manifest.slug}:*", "plugins:read"]
    for scope in manifest.permissions:
        label = scope.rsplit(":", 1)[-1]
        owner = (
            manifest.slug
            if manifest.vertex_label(label) or manifest.edge_label(label)
            else label_owner(label)
        )
        permission = scope_to_permission(scope, owner)
        if permission is None:
            log.warning("plugin.scope_ignored", plugin=manifest.slug, scope=scope)
            continue
        patterns.append(permission)
    return sorted(set(patterns))


class PluginPolicySync:
    """A registry listener that keeps ``plugin:<slug>`` policies in step with manifests.

    Each event changes only that plugin's policy lines, in the graph and in this
    process's enforcer (no reload of every policy): installing N plugins costs N times
    one plugin, not N². Other processes reload when they see the version move.
    """

    def __init__(self, authorizer: Authorizer, label_owner: Callable[[str], str | None]) -> None:
        self.authorizer = authorizer
        self.label_owner = label_owner

    def __call__(self, event: str, manifest: Manifest) -> None:
        subject = plugin_subject(manifest.slug)
        if event == "uninstall":
            self.authorizer.remove_subject(subject)
            return
        # Resolve label owners before the transaction: no graph reads nested inside it.
        patterns = plugin_patterns(manifest, self.label_owner)
        self.authorizer.set_subject_policies(subject, ANY_ORG, patterns)
