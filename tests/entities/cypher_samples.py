"""Samples of every query shape the registry and entity builders assemble at run time.

``tests/test_cypher_texts.py`` feeds them to Neo4j's own parser.
"""

from __future__ import annotations

from collections.abc import Iterator

from plugraph.entities.bulk import upsert_lookup_query
from plugraph.entities.filters import Filter, Sort
from plugraph.entities.query import count_query, list_query
from plugraph.entities.uniqueness import bulk_conflict_query, conflict_query
from plugraph.manifests.model import IndexSpec, VertexLabel
from plugraph.registry.ddl import drop_statement, index_object, label_objects
from plugraph.registry.uniqueness_scan import duplicates_query

LABEL = "AwsAccount"
FILTERS = (
    Filter("status", "eq", "ACTIVE"),
    Filter("name", "prefix", "ab"),
    Filter("kind", "in", ["a", "b"]),
    Filter("owner.email", "eq", "x@example.com"),
)


def registry_and_entity_samples() -> Iterator[tuple[str, str]]:
    vertex = VertexLabel.model_validate(
        {
            "name": LABEL,
            "schema": {"type": "object", "properties": {"accountId": {"type": "string"}}},
            "indexes": [{"fields": ["accountId"], "unique": True}],
        }
    )
    for obj in label_objects(vertex, {}):
        yield f"registry ddl: {obj.name}", obj.statement
    composite = IndexSpec(fields=("accountId", "owner.email"), unique=True)
    yield (
        "registry ddl: composite unique",
        index_object(LABEL, composite, database_unique=True).statement,
    )
    yield (
        "registry ddl: composite index",
        index_object(LABEL, composite, database_unique=False).statement,
    )
    yield "registry ddl: drop constraint", drop_statement("pg_AwsAccount_id_uq", "constraint")
    yield "registry ddl: drop index", drop_statement("pg_AwsAccount_org_id_ix", "index")
    yield "registry: duplicates scan", duplicates_query(LABEL, ["accountId", "owner.email"])

    common = {"org": "o", "plugin": "p", "limit": 51}
    yield "entities list: no filter", list_query(LABEL, filters=(), sort=Sort("id"), **common).text
    for descending in (False, True):
        for key in ("k", None):
            sort = Sort("name", descending)
            query = list_query(LABEL, filters=FILTERS, sort=sort, after=(key, "01X"), **common)
            yield f"entities list: sort {sort.text} after {key!r}", query.text
        query = list_query(
            LABEL, filters=FILTERS, sort=Sort("id", descending), after=(None, "01X"), **common
        )
        yield f"entities list: id sort desc={descending} after cursor", query.text
    yield "entities count", count_query(LABEL, org="o", plugin="p", filters=FILTERS).text
    yield "entities unique check", conflict_query(LABEL, ["accountId", "owner.email"])
    yield "entities bulk unique check", bulk_conflict_query(LABEL, ["accountId"])
    yield "entities upsert lookup", upsert_lookup_query(LABEL, "owner.email")
