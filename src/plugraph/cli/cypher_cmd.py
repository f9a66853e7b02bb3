"""``plugraph cypher``: run a query for operators and print a table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from neo4j.exceptions import Neo4jError
from rich.console import Console
from rich.table import Table

from plugraph.cli.errors import friendly
from plugraph.cli.options import GraphUrlOption, load_settings
from plugraph.errors import PlugraphError
from plugraph.graph.connect import open_graph
from plugraph.graph.write_detection import write_clauses
from plugraph.observability.logs import configure_logging

console = Console()


class CypherCommandError(PlugraphError):
    pass


def parse_params(pairs: list[str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key:
            raise CypherCommandError(f"--param {pair!r} must look like name=value")
        try:
            params[key] = json.loads(raw)
        except json.JSONDecodeError:
            params[key] = raw
    return params


def _cell(value: Any) -> str:
    if isinstance(value, str):
        return value
    if hasattr(value, "items") or isinstance(value, list):
        return json.dumps(value, default=str, sort_keys=True)
    return "null" if value is None else str(value)


@friendly
def cypher(
    query: Annotated[str | None, typer.Argument(help="Cypher text (or use -f)")] = None,
    file: Annotated[
        Path | None, typer.Option("-f", "--file", help="read the query from a file")
    ] = None,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="name=value (JSON or text)")
    ] = None,
    write: Annotated[bool, typer.Option("--write", help="allow the query to write")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print rows as JSON lines")] = False,
    graph_url: GraphUrlOption = None,
) -> None:
    """Run one Cypher query and print the rows. Writes are refused unless --write."""
    if (query is None) == (file is None):
        raise CypherCommandError("give a QUERY or -f FILE (exactly one)")
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise CypherCommandError(f"cannot read {file}: {exc.strerror}") from None
    else:
        text = query or ""
    clauses = write_clauses(text)
    if clauses and not write:
        raise CypherCommandError(
            f"this query writes ({', '.join(dict.fromkeys(clauses))}); "
            "re-run with --write to allow it"
        )
    params = parse_params(param or [])
    settings = load_settings(graph_url)
    configure_logging("WARNING", settings.log_format)
    with open_graph(settings) as store:
        try:
            with store.session(read=not write) as session, session.begin_transaction() as tx:
                result = tx.run(text, params)
                keys = list(result.keys())
                rows = [record.values() for record in result]
                summary = result.consume()
                if not write and summary.counters.contains_updates:
                    tx.rollback()
                    raise CypherCommandError(
                        "the query wrote to the graph; rolled back (use --write)"
                    )
                tx.commit()
        except Neo4jError as exc:
            raise CypherCommandError(f"the graph refused the query: {exc.message}") from None
    if as_json:
        for row in rows:
            console.print_json(json.dumps(dict(zip(keys, row, strict=True)), default=str))
        return
    table = Table(*keys)
    for row in rows:
        table.add_row(*(_cell(value) for value in row))
    console.print(table)
    console.print(f"{len(rows)} row(s)", style="dim")
