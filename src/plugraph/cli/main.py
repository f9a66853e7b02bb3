"""The ``plugraph`` command."""

from __future__ import annotations

import typer

from plugraph.cli import db, entities_cmd, plugin_cmd, token_cmd
from plugraph.cli.cypher_cmd import cypher
from plugraph.cli.serve import serve

app = typer.Typer(
    no_args_is_help=True,
    help="plugraph: plugin manifests drive one generic API over a property graph.",
    pretty_exceptions_enable=False,
)
app.command()(serve)
app.command()(cypher)
app.add_typer(db.app, name="db")
app.add_typer(token_cmd.app, name="token")
app.add_typer(plugin_cmd.app, name="plugin")
app.add_typer(entities_cmd.app, name="entities")
