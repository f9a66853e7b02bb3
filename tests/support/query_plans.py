"""Which index each node lookup of a query used, read from ArcadeDB's profile.

ArcadeDB's optimizer seeks any index led by a property compared in a pattern; its
interpreter (writes, UNWIND) uses an index only for a pattern covering all of the
index's properties. ``lookups`` shows what a query really did, so a test can say
"this lookup uses the id" instead of timing it.
"""

from __future__ import annotations

import re
from typing import Any

from plugraph.graph.store import GraphStore

# The optimizer's seek: NodeIndexSeek(n:Label) [index=NAME, prop=..., prop=..., filter: ...]
_SEEK = re.compile(r"NodeIndexSeek\(\w+:\w+\) \[index=[^,]+(?:\[[^\]]*\])?, (.*?), filter:")
# The optimizer's scans, and the interpreter's node step with the index it used, if any.
_SCAN = re.compile(r"(NodeByLabelScan|AllNodesScan)\(")
_MATCH_NODE = re.compile(r"\+ MATCH NODE \(\w+:\w+\)(?: \[index: \w+\[([^\]]*)\]\])?")


def lookups(store: GraphStore, text: str, **params: Any) -> list[set[str]]:
    """The properties each node lookup of the query's plan uses (an empty set: a scan).

    ``PROFILE`` in a transaction that is rolled back: queries the optimizer takes show
    their plan either way, but for the ones ArcadeDB interprets (writes, UNWIND) only
    an executed profile names the index each MATCH used."""
    with store.session() as session:
        tx = session.begin_transaction()
        try:
            result = tx.run("PROFILE " + text, **params)
            profile = result.consume().profile or {}
        finally:
            tx.rollback()
    description = str(profile.get("args", {}).get("string-representation", ""))
    found: list[set[str]] = []
    for line in description.splitlines():
        if seek := _SEEK.search(line):
            found.append({part.split("=", 1)[0].strip() for part in seek.group(1).split(", ")})
        elif _SCAN.search(line):
            found.append(set())
        elif node := _MATCH_NODE.search(line):
            found.append({p.strip() for p in node.group(1).split(",")} if node.group(1) else set())
    assert found, f"no node lookup in the plan:\n{description}"
    return found
