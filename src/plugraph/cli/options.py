"""Options shared by several commands."""

from __future__ import annotations

from typing import Annotated

import typer

from plugraph.settings import Settings

GraphUrlOption = Annotated[
    str | None,
    typer.Option("--graph-url", help="embedded://DIR, bolt://…, neo4j://… (PLUGRAPH_GRAPH_URL)"),
]


def load_settings(graph_url: str | None = None, **overrides: object) -> Settings:
    values = {key: value for key, value in overrides.items() if value is not None}
    if graph_url:
        values["graph_url"] = graph_url
    return Settings(**values)  # type: ignore[arg-type]
