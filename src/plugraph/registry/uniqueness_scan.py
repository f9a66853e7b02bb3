"""Find stored entities that already share the values of a (new) unique index.

The query is built from checked names only (the label and the declared field paths,
back-quoted); values are parameters. A sample of its shape is parsed by Neo4j's
parser in tests/test_cypher_texts.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from plugraph.graph.identifiers import check_label, quote
from plugraph.graph.store import GraphStore
from plugraph.registry.fields import cypher_property


@dataclass(frozen=True)
class DuplicateGroup:
    org: str
    ids: tuple[str, ...]


def duplicates_query(label: str, fields: Sequence[str]) -> str:
    """Groups of nodes of one org with equal values for every field (all orgs, any plugin:
    the uniqueness an index enforces is per label and org)."""
    props = [cypher_property("n", name) for name in fields]
    present = " AND ".join(f"{prop} IS NOT NULL" for prop in props)
    keys = ", ".join(f"{prop} AS k{i}" for i, prop in enumerate(props))
    return (
        f"MATCH (n:{quote(check_label(label))}:PluginEntity)\n"
        f"WHERE {present}\n"
        f"WITH n._org AS org, {keys}, collect(n.id) AS ids\n"
        "WHERE size(ids) > 1\n"
        "RETURN org, ids[0..$per_group] AS ids\n"
        "LIMIT $limit"
    )


def duplicate_groups(
    store: GraphStore, label: str, fields: Sequence[str], *, limit: int
) -> list[DuplicateGroup]:
    rows = store.read(duplicates_query(label, fields), {"limit": limit, "per_group": limit})
    return [DuplicateGroup(str(row["org"]), tuple(row["ids"])) for row in rows]
