"""Ordered, idempotent schema migrations from ``cypher/migrations/``, recorded in the graph."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

import structlog

from plugraph.graph.queries import QUERIES, QueryLibrary, split_statements
from plugraph.graph.store import GraphStore

log = structlog.get_logger(__name__)
FOLDER = "migrations"


@dataclass(frozen=True)
class Migration:
    id: str
    statements: tuple[str, ...]
    checksum: str


@dataclass(frozen=True)
class MigrationState:
    id: str
    applied_at: str | None
    changed_since_applied: bool

    @property
    def pending(self) -> bool:
        return self.applied_at is None


def discover(library: QueryLibrary = QUERIES) -> list[Migration]:
    migrations = []
    for name in library.names(FOLDER):
        text = library.text(name)
        migrations.append(
            Migration(
                id=name.removeprefix(f"{FOLDER}/"),
                statements=tuple(split_statements(text)),
                checksum=hashlib.sha256(text.encode()).hexdigest(),
            )
        )
    return migrations


class Migrator:
    def __init__(self, store: GraphStore, library: QueryLibrary = QUERIES) -> None:
        self.store = store
        self.library = library

    def status(self) -> list[MigrationState]:
        applied = {
            row["id"]: row for row in self.store.read(self.library.text("system/migration_list"))
        }
        states = []
        for migration in discover(self.library):
            row = applied.get(migration.id)
            states.append(
                MigrationState(
                    id=migration.id,
                    applied_at=row["applied_at"] if row else None,
                    changed_since_applied=bool(row) and row["checksum"] != migration.checksum,
                )
            )
        return states

    def pending(self) -> list[str]:
        return [state.id for state in self.status() if state.pending]

    def migrate(self) -> list[str]:
        """Apply every pending migration in order.

        Safe to run from several processes at once: all DDL is IF NOT EXISTS.
        """
        pending = set(self.pending())
        applied = []
        for migration in discover(self.library):
            if migration.id not in pending:
                continue
            for statement in migration.statements:
                self.store.run_schema(statement)
            if self.store.dialect.index_wait_statement:
                self.store.run_schema(self.store.dialect.index_wait_statement)
            self.store.write(
                self.library.text("system/migration_record"),
                {
                    "id": migration.id,
                    "checksum": migration.checksum,
                    "applied_at": datetime.now(UTC).isoformat(),
                },
            )
            log.info("migration.applied", id=migration.id, statements=len(migration.statements))
            applied.append(migration.id)
        return applied
