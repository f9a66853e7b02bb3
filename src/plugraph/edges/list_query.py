"""Builds the edge-list query from checked names only (values stay parameters).

Shape (each bracketed part only when its filter is given)::

    MATCH (s[:`Label`] [{id: $source_id}])-[r:`REL`]->(t[:`Label`] [{id: $target_id}])
    WHERE r._plugin = $plugin AND r._org = $org [AND r.id > $after]
    RETURN properties(r) AS edge, properties(s) AS source, labels(s) AS source_labels,
           properties(t) AS target, labels(t) AS target_labels
    ORDER BY r.id LIMIT $limit

A node filtered by id is matched with its label so the lookup is an index seek;
a label filter alone is a label predicate on that end.
"""

from __future__ import annotations

from dataclasses import dataclass

from plugraph.graph.identifiers import check_label, check_rel_type, quote


@dataclass(frozen=True)
class EdgeListQuery:
    rel: str
    source_label: str | None = None
    target_label: str | None = None
    by_source_id: bool = False
    by_target_id: bool = False
    after: bool = False

    def text(self) -> str:
        source = _node("s", self.source_label, "$source_id" if self.by_source_id else None)
        target = _node("t", self.target_label, "$target_id" if self.by_target_id else None)
        conditions = ["r._plugin = $plugin", "r._org = $org"]
        if self.after:
            conditions.append("r.id > $after")
        return "\n".join(
            [
                f"MATCH {source}-[r:{quote(check_rel_type(self.rel))}]->{target}",
                "WHERE " + " AND ".join(conditions),
                "RETURN properties(r) AS edge,",
                "       properties(s) AS source, labels(s) AS source_labels,",
                "       properties(t) AS target, labels(t) AS target_labels",
                "ORDER BY r.id",
                "LIMIT $limit",
            ]
        )


def _node(var: str, label: str | None, id_param: str | None) -> str:
    label_part = f":{quote(check_label(label))}" if label else ""
    id_part = f" {{id: {id_param}}}" if id_param else ""
    return f"({var}{label_part}{id_part})"
