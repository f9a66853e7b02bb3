"""The one graph adapter: the official neo4j driver, a pool, managed transactions.

Every write runs inside ``execute_write`` (a managed transaction the driver
retries on transient errors), never an auto-commit ``session.run``: on ArcadeDB
an auto-commit write that violates a constraint can leave a partial node behind.
Schema DDL is the exception (it cannot share a transaction with data on Neo4j)
and goes through :meth:`GraphStore.run_schema`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import neo4j
from neo4j import Driver, GraphDatabase, ManagedTransaction, Session
from neo4j.exceptions import AuthError, ClientError, ServiceUnavailable

from plugraph.errors import ConfigError
from plugraph.graph.dialect import Dialect, dialect_for_agent

T = TypeVar("T")
Row = dict[str, Any]
Work = Callable[[ManagedTransaction], T]


@dataclass(frozen=True)
class ConnectionSettings:
    uri: str
    user: str
    password: str
    database: str
    pool_size: int = 50
    connect_timeout: float = 10.0


class GraphStore:
    """Owns the driver; hands out sessions bound to one database."""

    def __init__(self, driver: Driver, database: str, dialect: Dialect, uri: str) -> None:
        self.driver = driver
        self.database = database
        self.dialect = dialect
        self.uri = uri

    @classmethod
    def connect(cls, conn: ConnectionSettings) -> GraphStore:
        driver = GraphDatabase.driver(
            conn.uri,
            auth=(conn.user, conn.password),
            max_connection_pool_size=conn.pool_size,
            connection_timeout=conn.connect_timeout,
            connection_acquisition_timeout=max(conn.connect_timeout, 30.0),
            max_transaction_retry_time=15.0,
            notifications_min_severity="OFF",
        )
        try:
            with driver.session(database=conn.database) as session:
                agent = session.run("RETURN 1 AS ok").consume().server.agent
        except AuthError:
            driver.close()
            raise ConfigError(
                "PLUGRAPH_GRAPH_USER / PLUGRAPH_GRAPH_PASSWORD",
                f"the graph at {conn.uri} rejected the credentials for user {conn.user!r}",
            ) from None
        except (ServiceUnavailable, OSError) as exc:
            driver.close()
            raise ConfigError(
                "PLUGRAPH_GRAPH_URL", f"cannot reach the graph at {conn.uri}: {_first_line(exc)}"
            ) from None
        except ClientError as exc:
            driver.close()
            raise ConfigError(
                "PLUGRAPH_GRAPH_DATABASE",
                f"the graph at {conn.uri} refused database {conn.database!r}: {_first_line(exc)}",
            ) from None
        return cls(driver, conn.database, dialect_for_agent(agent), conn.uri)

    def close(self) -> None:
        self.driver.close()

    # -- sessions and transactions -------------------------------------------

    @contextmanager
    def session(self, *, read: bool = False, bookmarks: Any = None) -> Iterator[Session]:
        access = neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        with self.driver.session(
            database=self.database, default_access_mode=access, bookmarks=bookmarks
        ) as session:
            yield session

    def execute_read(self, work: Work[T]) -> T:
        with self.session(read=True) as session:
            return session.execute_read(work)

    def execute_write(self, work: Work[T]) -> T:
        with self.session() as session:
            return session.execute_write(work)

    # -- conveniences for single statements -----------------------------------

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self.execute_read(lambda tx: tx.run(query, params or {}).data())

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self.execute_write(lambda tx: tx.run(query, params or {}).data())

    def run_schema(self, statement: str) -> None:
        """Schema DDL: its own auto-commit statement (Neo4j forbids mixing it with data)."""
        with self.session() as session:
            session.run(statement).consume()

    def ping(self) -> None:
        self.read("RETURN 1 AS ok")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
