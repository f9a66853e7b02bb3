"""Samples of every query shape the edge-list builder produces (checked by Neo4j's parser)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product

from plugraph.edges.list_query import EdgeListQuery


def edge_list_samples() -> Iterator[tuple[str, str]]:
    for by_source, by_target, labelled, after in product((False, True), repeat=4):
        query = EdgeListQuery(
            rel="MAPS_TO",
            source_label="Environment" if labelled or by_source else None,
            target_label="AwsAccount" if labelled or by_target else None,
            by_source_id=by_source,
            by_target_id=by_target,
            after=after,
        )
        name = f"edges/list_query source_id={by_source} target_id={by_target} labels={labelled} after={after}"
        yield name, query.text()
