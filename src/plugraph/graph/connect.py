"""Open the configured graph: start the embedded database if asked, connect the driver."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from plugraph.errors import ConfigError
from plugraph.graph.store import ConnectionSettings, GraphStore
from plugraph.graph.target import parse_graph_url
from plugraph.settings import Settings

if TYPE_CHECKING:
    from plugraph.graph.embedded import EmbeddedArcadeDB


@contextmanager
def open_graph(settings: Settings) -> Iterator[GraphStore]:
    target = parse_graph_url(settings.graph_url)
    database = settings.resolved_database(target.is_embedded)
    embedded: EmbeddedArcadeDB | None = None
    try:
        if target.embedded_dir is not None:
            # Imported here: a command run against a server (bolt://) never needs the
            # launcher or its HTTP client (~0.15 s of a CLI's start-up).
            from plugraph.graph.embedded import EmbeddedArcadeDB

            embedded = EmbeddedArcadeDB(
                target.embedded_dir,
                database=database,
                heap=settings.embedded_heap,
                bolt_port=settings.embedded_bolt_port,
                http_port=settings.embedded_http_port,
                start_timeout=settings.embedded_start_timeout,
            ).start()
            conn = ConnectionSettings(
                uri=embedded.bolt_uri,
                user=embedded.user,
                password=embedded.password,
                database=database,
                pool_size=settings.graph_pool_size,
                connect_timeout=settings.graph_connect_timeout,
            )
        else:
            if settings.graph_password is None:
                raise ConfigError(
                    "PLUGRAPH_GRAPH_PASSWORD", f"no password set for the graph at {target.bolt_uri}"
                )
            conn = ConnectionSettings(
                uri=target.bolt_uri or "",
                user=settings.graph_user,
                password=settings.graph_password.get_secret_value(),
                database=database,
                pool_size=settings.graph_pool_size,
                connect_timeout=settings.graph_connect_timeout,
            )
        store = GraphStore.connect(conn)
        try:
            yield store
        finally:
            store.close()
    finally:
        if embedded is not None:
            embedded.stop()
