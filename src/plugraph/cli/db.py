"""``plugraph db migrate|status``."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from plugraph.cli.errors import friendly
from plugraph.cli.options import GraphUrlOption, load_settings
from plugraph.graph.connect import open_graph
from plugraph.graph.migrations import Migrator
from plugraph.observability.logs import configure_logging

app = typer.Typer(no_args_is_help=True, help="Schema migrations.")
console = Console()


@app.command()
@friendly
def migrate(graph_url: GraphUrlOption = None) -> None:
    """Apply pending migrations from cypher/migrations/ in order."""
    settings = load_settings(graph_url)
    configure_logging("WARNING", settings.log_format)
    with open_graph(settings) as store:
        applied = Migrator(store).migrate()
    console.print(
        f"applied {len(applied)} migration(s)" + (": " + ", ".join(applied) if applied else "")
    )


@app.command()
@friendly
def status(graph_url: GraphUrlOption = None) -> None:
    """List applied and pending migrations."""
    settings = load_settings(graph_url)
    configure_logging("WARNING", settings.log_format)
    with open_graph(settings) as store:
        states = Migrator(store).status()
    table = Table("migration", "state", "applied at")
    for state in states:
        label = "pending" if state.pending else "applied"
        if state.changed_since_applied:
            label += " (file changed since)"
        table.add_row(state.id, label, state.applied_at or "")
    console.print(table)
