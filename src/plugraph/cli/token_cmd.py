"""``plugraph token create|list|revoke``: API tokens, for operators with graph access."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from plugraph.cli.errors import friendly
from plugraph.cli.options import GraphUrlOption, load_settings
from plugraph.errors import NotFound
from plugraph.graph.connect import open_graph
from plugraph.graph.queries import QUERIES
from plugraph.observability.logs import configure_logging
from plugraph.security.principal import Principal, system_principal
from plugraph.security.tokens import TokenService

app = typer.Typer(no_args_is_help=True, help="API tokens (personal tokens of users).")
console = Console()
OrgOption = Annotated[str, typer.Option("--org", help="org slug")]


def _org_actor(store: object, org_slug: str) -> Principal:
    rows = store.read(QUERIES.text("identity/org_by_slug"), {"slug": org_slug})  # type: ignore[attr-defined]
    if not rows:
        raise NotFound(f"no org {org_slug!r}")
    return system_principal(rows[0]["id"], org_slug)


@app.command()
@friendly
def create(
    user: Annotated[str, typer.Option("--user", help="slug of the user the token authenticates")],
    name: Annotated[str, typer.Option("--name", help="what the token is for")] = "cli",
    days: Annotated[float | None, typer.Option("--days", help="lifetime in days (omit: 90)")] = 90,
    org: OrgOption = "demo",
    graph_url: GraphUrlOption = None,
) -> None:
    """Create a personal token; the secret is printed once."""
    settings = load_settings(graph_url)
    configure_logging("WARNING", settings.log_format)
    with open_graph(settings) as store:
        actor = _org_actor(store, org)
        tokens = TokenService(store)
        user_id = tokens.resolve_user(actor.org_id, user)
        issued = tokens.issue(
            actor, kind="user", subject_id=user_id, name=name, expires_in_days=days
        )
    console.print(f"token {issued.id} for {user}@{org} (expires {issued.expires_at or 'never'}):")
    console.print(issued.token, highlight=False, soft_wrap=True)


@app.command("list")
@friendly
def list_tokens(org: OrgOption = "demo", graph_url: GraphUrlOption = None) -> None:
    """List the org's tokens (never their secrets)."""
    settings = load_settings(graph_url)
    configure_logging("WARNING", settings.log_format)
    with open_graph(settings) as store:
        actor = _org_actor(store, org)
        rows = TokenService(store).list(actor.org_id)
    table = Table("id", "hint", "kind", "subject", "name", "expires", "last used", "revoked")
    for row in rows:
        table.add_row(
            row["id"],
            row["hint"],
            row["kind"],
            row["subject_id"],
            row.get("name") or "",
            row.get("expires_at") or "never",
            row.get("last_used_at") or "",
            row.get("revoked_at") or "",
        )
    console.print(table)


@app.command()
@friendly
def revoke(
    token_id: Annotated[str, typer.Argument(help="the token id (see plugraph token list)")],
    org: OrgOption = "demo",
    graph_url: GraphUrlOption = None,
) -> None:
    """Revoke a token now (other API processes honour it within PLUGRAPH_AUTH_CACHE_TTL)."""
    settings = load_settings(graph_url)
    configure_logging("WARNING", settings.log_format)
    with open_graph(settings) as store:
        actor = _org_actor(store, org)
        TokenService(store).revoke(actor, token_id)
    console.print(f"revoked {token_id}")
