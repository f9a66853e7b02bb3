"""What every request can reach: the graph store and the services built on it."""

from __future__ import annotations

from dataclasses import dataclass

from plugraph.graph.migrations import Migrator
from plugraph.graph.store import GraphStore
from plugraph.settings import Settings


@dataclass
class AppContext:
    settings: Settings
    store: GraphStore
    migrator: Migrator
