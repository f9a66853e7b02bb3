"""The graph store: one adapter on the official neo4j driver, plus the embedded ArcadeDB."""
