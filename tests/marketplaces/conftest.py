from __future__ import annotations

import pytest
from fastapi import FastAPI

from plugraph.graph.store import GraphStore
from tests.marketplaces.support import Host


@pytest.fixture
def host(app: FastAPI, store: GraphStore) -> Host:
    return Host(app, store)
