"""The benchmark environment: one embedded ArcadeDB for the run, a fresh database per case.

``PLUGRAPH_BENCH_GRAPH_URL`` (with ``PLUGRAPH_GRAPH_USER`` / ``PLUGRAPH_GRAPH_PASSWORD``)
runs the same suite against an existing Neo4j instead: every case then wipes the
database it uses, so point it at a scratch instance.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from plugraph.graph.embedded import EmbeddedArcadeDB
from plugraph.graph.migrations import Migrator
from plugraph.graph.store import ConnectionSettings, GraphStore


@dataclass
class BenchEnv:
    embedded: EmbeddedArcadeDB | None
    external: ConnectionSettings | None
    workdir: Path

    @contextmanager
    def fresh_store(self, migrate: bool = True, pool_size: int = 50) -> Iterator[GraphStore]:
        if self.embedded is not None:
            name = f"bench_{uuid.uuid4().hex[:10]}"
            self.embedded.create_database(name)
            conn = ConnectionSettings(
                self.embedded.bolt_uri,
                self.embedded.user,
                self.embedded.password,
                name,
                pool_size=pool_size,
            )
        else:
            assert self.external is not None
            conn = self.external
        store = GraphStore.connect(conn)
        try:
            if self.external is not None:
                # CALL { } IN TRANSACTIONS runs only in an auto-commit transaction on Neo4j
                with store.session() as session:
                    session.run(
                        "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
                    ).consume()
            if migrate:
                Migrator(store).migrate()
            yield store
        finally:
            store.close()
            if self.embedded is not None:
                self.embedded.drop_database(conn.database)


@contextmanager
def bench_env() -> Iterator[BenchEnv]:
    url = os.environ.get("PLUGRAPH_BENCH_GRAPH_URL")
    with tempfile.TemporaryDirectory(prefix="plugraph-bench-") as tmp:
        workdir = Path(tmp)
        if url:
            external = ConnectionSettings(
                url,
                os.environ.get("PLUGRAPH_GRAPH_USER", "neo4j"),
                os.environ.get("PLUGRAPH_GRAPH_PASSWORD", ""),
                os.environ.get("PLUGRAPH_GRAPH_DATABASE", "neo4j"),
            )
            yield BenchEnv(None, external, workdir)
            return
        heap = os.environ.get("PLUGRAPH_EMBEDDED_HEAP", "4g")
        with EmbeddedArcadeDB(workdir / "arcadedb", database="bench", heap=heap) as server:
            yield BenchEnv(server, None, workdir)
