"""Start-up installation of the manifests in a directory (``PLUGRAPH_MANIFESTS_DIR``).

For each plugin directory, in dependency order:

* not known to the registry: installed;
* installed at an older version: upgraded (a breaking upgrade is not forced: it is
  reported and left for an operator to review with ``plugraph plugin plan``);
* installed at the same version with the same content: nothing to do;
* installed at the same version with other content: left alone, with a warning
  (a changed manifest needs a new version);
* installed at a newer version, or uninstalled by an operator: left alone.

A manifest that fails to load or install is reported and the others proceed, so
one broken plugin directory cannot stop the service from starting.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import structlog

from plugraph.errors import ConfigError, PlugraphError
from plugraph.manifests.loader import discover_manifests, load_manifest
from plugraph.manifests.model import Manifest
from plugraph.manifests.versions import Version
from plugraph.registry import store as registry_store
from plugraph.registry.records import manifest_json
from plugraph.security.principal import Principal

if TYPE_CHECKING:
    from plugraph.registry.service import PluginRegistry

log = structlog.get_logger(__name__)

SyncAction = Literal["installed", "upgraded", "unchanged", "skipped", "failed"]


@dataclass(frozen=True)
class SyncOutcome:
    source: str
    slug: str
    version: str
    action: SyncAction
    reason: str = ""


def sync_directory(registry: PluginRegistry, path: Path, actor: Principal) -> list[SyncOutcome]:
    try:
        files = discover_manifests(path)
    except NotADirectoryError as exc:
        raise ConfigError("PLUGRAPH_MANIFESTS_DIR", str(exc)) from None
    outcomes: list[SyncOutcome] = []
    loaded: list[tuple[str, Manifest]] = []
    for file in files:
        try:
            loaded.append((str(file), load_manifest(file)))
        except PlugraphError as exc:
            outcomes.append(
                _report(SyncOutcome(str(file), file.parent.name, "", "failed", str(exc)))
            )
    for source, manifest in dependency_order(loaded):
        outcomes.append(_report(_sync_one(registry, source, manifest, actor)))
    return outcomes


def dependency_order(loaded: list[tuple[str, Manifest]]) -> list[tuple[str, Manifest]]:
    """Dependencies before their dependents, otherwise by slug (cycles keep slug order)."""
    by_slug = {manifest.slug: (source, manifest) for source, manifest in loaded}
    ordered: list[tuple[str, Manifest]] = []
    visiting: set[str] = set()
    done: set[str] = set()

    def visit(slug: str) -> None:
        if slug in done or slug in visiting or slug not in by_slug:
            return
        visiting.add(slug)
        for dependency in sorted(d.slug for d in by_slug[slug][1].dependencies):
            visit(dependency)
        visiting.discard(slug)
        done.add(slug)
        ordered.append(by_slug[slug])

    for slug in sorted(by_slug):
        visit(slug)
    return ordered


def _sync_one(
    registry: PluginRegistry, source: str, manifest: Manifest, actor: Principal
) -> SyncOutcome:
    def outcome(action: SyncAction, reason: str = "") -> SyncOutcome:
        return SyncOutcome(source, manifest.slug, manifest.version, action, reason)

    found = registry_store.get_plugin(registry.store, manifest.slug)
    if found is not None:
        info, stored = found
        if info.status != "installed":
            return outcome("skipped", "uninstalled by an operator; install it explicitly")
        installed, wanted = Version.parse(info.current_version), Version.parse(manifest.version)
        if wanted == installed:
            if stored == manifest_json(manifest):
                return outcome("unchanged")
            return outcome(
                "skipped",
                f"version {manifest.version} is installed with other content; "
                "a changed manifest needs a new version",
            )
        if wanted < installed:
            return outcome("skipped", f"the installed version {info.current_version} is newer")
    try:
        result = registry.install(manifest, actor)
    except PlugraphError as exc:
        return outcome("failed", str(exc))
    return outcome(result.action)


def _report(outcome: SyncOutcome) -> SyncOutcome:
    fields = {"slug": outcome.slug, "version": outcome.version, "source": outcome.source}
    if outcome.action == "failed":
        log.error("registry.sync_failed", reason=outcome.reason, **fields)
    elif outcome.action == "skipped" and "other content" in outcome.reason:
        log.warning("registry.sync_skipped", reason=outcome.reason, **fields)
    else:
        log.info(f"registry.sync_{outcome.action}", reason=outcome.reason or None, **fields)
    return outcome
