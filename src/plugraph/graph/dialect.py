"""The one place where Neo4j and ArcadeDB differ, keyed on the Bolt server agent.

Both speak Neo4j Cypher 5 for data; they differ in schema housekeeping:

* Neo4j builds indexes in the background, so after DDL we wait with
  ``CALL db.awaitIndexes()``; ArcadeDB builds them synchronously and has no
  such procedure.
* ArcadeDB returns labels sorted and map keys in another order, and its
  summary counters read 0 on delete: services never rely on any of those, so
  nothing here papers over them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    name: str
    agent: str
    index_wait_statement: str | None

    @property
    def is_arcadedb(self) -> bool:
        return self.name == "arcadedb"


NEO4J_INDEX_WAIT = "CALL db.awaitIndexes(300)"


def dialect_for_agent(agent: str) -> Dialect:
    """``Neo4j/5.26.0 compatible (ArcadeDB 26.10.2)`` is ArcadeDB; ``Neo4j/5.26.0`` is Neo4j."""
    if "arcadedb" in agent.lower():
        return Dialect(name="arcadedb", agent=agent, index_wait_statement=None)
    return Dialect(name="neo4j", agent=agent, index_wait_statement=NEO4J_INDEX_WAIT)
