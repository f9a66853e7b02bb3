"""``plugraph plugin install|upgrade|uninstall|list|plan|validate``.

Works directly on the configured graph (like ``plugraph db``), as the host's
``system`` actor in the org given with ``--org`` (default: the demo org); audit
events of these commands are recorded there. Mutations go through the registry the
API builds (``build_context``), so its listeners (plugin-key policies) run too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from plugraph.cli.entities_cmd import OrgOption, org_actor
from plugraph.cli.errors import friendly
from plugraph.cli.options import GraphUrlOption, load_settings
from plugraph.errors import Conflict
from plugraph.graph.connect import open_graph
from plugraph.graph.store import GraphStore
from plugraph.manifests.loader import load_manifest
from plugraph.observability.logs import configure_logging
from plugraph.registry.plan import UpgradePlan
from plugraph.registry.service import InstallResult, PluginRegistry
from plugraph.settings import Settings

app = typer.Typer(no_args_is_help=True, help="Install, upgrade and inspect plugins.")
console = Console()
PathArgument = Annotated[
    Path, typer.Argument(help="a plugin directory or its plugin.yaml / plugin.json")
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="apply a breaking upgrade or a downgrade anyway")
]


def _install(path: Path, force: bool, org: str, graph_url: str | None, upgrade: bool) -> None:
    manifest = load_manifest(path)
    settings = load_settings(graph_url)
    configure_logging("WARNING", settings.log_format)
    with open_graph(settings) as store:
        registry = _registry(store, settings)
        actor = org_actor(store, org)
        try:
            if upgrade:
                result = registry.upgrade(manifest, actor, force=force)
            else:
                result = registry.install(manifest, actor, force=force)
        except Conflict as exc:
            if "plan" in exc.extra:
                print_plan(registry.plan(manifest))
            raise
    print_result(result)


def _registry(store: GraphStore, settings: Settings) -> PluginRegistry:
    """The registry as the API builds it, with its listeners (plugin-key policies)."""
    from plugraph.api.context import build_context  # the whole app: only for these commands

    return build_context(store, settings).registry


@app.command()
@friendly
def install(
    path: PathArgument,
    force: ForceOption = False,
    org: OrgOption = "demo",
    graph_url: GraphUrlOption = None,
) -> None:
    """Install a plugin (or upgrade it when it is installed)."""
    _install(path, force, org, graph_url, upgrade=False)


@app.command()
@friendly
def upgrade(
    path: PathArgument,
    force: ForceOption = False,
    org: OrgOption = "demo",
    graph_url: GraphUrlOption = None,
) -> None:
    """Upgrade an installed plugin; a breaking upgrade needs --force."""
    _install(path, force, org, graph_url, upgrade=True)


@app.command()
@friendly
def uninstall(
    slug: Annotated[str, typer.Argument(help="the plugin's slug")],
    org: OrgOption = "demo",
    graph_url: GraphUrlOption = None,
) -> None:
    """Uninstall a plugin: its labels are released, its entities stay in the graph."""
    settings = load_settings(graph_url)
    configure_logging("WARNING", settings.log_format)
    with open_graph(settings) as store:
        registry = _registry(store, settings)
        info = registry.uninstall(slug, org_actor(store, org))
    console.print(
        f"uninstalled {info.slug} {info.current_version}; its entities stay in the graph "
        f"(MATCH (n:PluginEntity {{_plugin: '{info.slug}'}}))"
    )


@app.command("list")
@friendly
def list_plugins(graph_url: GraphUrlOption = None) -> None:
    """List every plugin the registry knows."""
    settings = load_settings(graph_url)
    configure_logging("WARNING", settings.log_format)
    with open_graph(settings) as store:
        plugins = PluginRegistry(store).list()
    table = Table("slug", "name", "version", "status", "vertex labels", "edge labels", "updated")
    for plugin in plugins:
        data = plugin.as_dict()
        table.add_row(
            plugin.slug,
            plugin.name,
            plugin.current_version,
            plugin.status,
            ", ".join(data["vertex_labels"]),
            ", ".join(data["edge_labels"]),
            plugin.updated_at,
        )
    console.print(table)
    console.print(f"{len(plugins)} plugin(s)", style="dim")


@app.command()
@friendly
def plan(path: PathArgument, graph_url: GraphUrlOption = None) -> None:
    """Show what installing a manifest would change, checked against stored data."""
    manifest = load_manifest(path)
    settings = load_settings(graph_url)
    configure_logging("WARNING", settings.log_format)
    with open_graph(settings) as store:
        upgrade_plan = PluginRegistry(store).plan(manifest)
    print_plan(upgrade_plan)


@app.command()
@friendly
def validate(path: PathArgument) -> None:
    """Validate a manifest and its schemas offline (every error, with file and pointer)."""
    manifest = load_manifest(path)
    console.print(
        f"{manifest.slug} {manifest.version} is valid: {len(manifest.vertex_labels)} vertex "
        f"label(s), {len(manifest.edge_labels)} edge label(s)"
    )


def print_result(result: InstallResult) -> None:
    plugin = result.plugin
    console.print(f"{result.action} {plugin.slug} {plugin.current_version}")
    if result.plan is not None and result.plan.changes:
        print_plan(result.plan)


def print_plan(upgrade_plan: UpgradePlan) -> None:
    title = (
        f"{upgrade_plan.slug}: {upgrade_plan.from_version or '(not installed)'} -> "
        f"{upgrade_plan.to_version} ({'BREAKING' if upgrade_plan.breaking else 'safe'})"
    )
    table = Table("label", "where", "change", "class", "detail", title=title)
    for change in upgrade_plan.changes:
        style = "red" if change.breaking else None
        table.add_row(
            change.label, change.pointer or "-", change.change, change.classification,
            change.detail, style=style,
        )  # fmt: skip
    console.print(table)
    for impact in upgrade_plan.impacts:
        if not impact.checked:
            console.print(f"{impact.label}: {impact.stored} stored entities")
            continue
        console.print(
            f"{impact.label}: {impact.failing} of {impact.stored} stored entities fail the new "
            "schema" + (f" (per org: {dict(impact.failing_by_org)})" if impact.failing else "")
        )
        for failure in impact.sample:
            reasons = "; ".join(f"{e.pointer or '/'} {e.message}" for e in failure.errors)
            console.print(f"  {failure.id} (org {failure.org}): {reasons}", highlight=False)
