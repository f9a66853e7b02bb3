"""Anchor lookups by slug use the per-org slug key, not another ``_org``-led index."""

from __future__ import annotations

import pytest

from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from tests.support.query_plans import lookups


@pytest.fixture
def arcadedb_store(store: GraphStore) -> GraphStore:
    if not store.dialect.is_arcadedb:
        pytest.skip("plan text checked on ArcadeDB")
    return store


@pytest.mark.parametrize("label", ["User", "Team", "Project", "Environment"])
@pytest.mark.parametrize("name", ["anchors/get", "anchors/update", "identity/holder_by_slug"])
def test_slug_lookups_use_the_org_slug_key(
    arcadedb_store: GraphStore, name: str, label: str
) -> None:
    text = QUERIES.render(name, label=label)
    params = {"org": "o", "slug": "s", "changes": {}}
    assert lookups(arcadedb_store, text, **params) == [{"_org", "slug"}]
