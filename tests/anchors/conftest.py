from tests.anchors.fixtures import (
    admin,
    anchors,
    authorizer,
    demo_org,
    other_admin,
    registry,
)

# shared fixtures (tests/anchors/fixtures.py), re-exported so pytest finds them here
__all__ = ["admin", "anchors", "authorizer", "demo_org", "other_admin", "registry"]
