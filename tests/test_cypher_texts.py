"""Every Cypher text plugraph can send passes Neo4j's own parser (Cypher 5).

Files under cypher/ are rendered with sample names for their placeholders;
texts that code builds at run time are listed in ``built_query_samples`` with
sample inputs. A new builder adds its samples there.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from plugraph.graph.dialect import NEO4J_INDEX_WAIT
from plugraph.graph.queries import QUERIES
from tests.edges.cypher_samples import edge_list_samples
from tests.entities.cypher_samples import registry_and_entity_samples
from tests.support.cypher_parser import lint_cypher


def file_queries() -> Iterator[tuple[str, str]]:
    for name in QUERIES.names():
        yield f"cypher/{name}.cypher", QUERIES.render_sample(name)


def built_query_samples() -> Iterator[tuple[str, str]]:
    yield "dialect: neo4j index wait", NEO4J_INDEX_WAIT
    yield from registry_and_entity_samples()
    yield from edge_list_samples()


@pytest.fixture(scope="module")
def all_queries() -> dict[str, str]:
    queries = dict(file_queries())
    queries.update(built_query_samples())
    return queries


def test_there_are_queries_to_check(all_queries: dict[str, str]):
    assert len(all_queries) >= 5
    assert any(name.startswith("cypher/migrations/") for name in all_queries)


def test_every_query_text_passes_the_neo4j_parser(all_queries: dict[str, str]):
    errors = lint_cypher(all_queries)
    assert errors == {}, "\n".join(f"{name}: {msgs}" for name, msgs in errors.items())
