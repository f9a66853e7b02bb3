from plugraph.anchors.seed import seed_demo
from plugraph.graph.store import GraphStore


def _snapshot(store: GraphStore) -> dict[str, list]:
    return {
        "orgs": store.read("MATCH (o:Org) RETURN o.slug AS slug ORDER BY slug"),
        "anchors": store.read(
            "MATCH (o:Org {slug: 'demo'})-[:HAS]->(n) "
            "RETURN n.slug AS slug, n._org = o.id AS scoped ORDER BY slug"
        ),
        "environments": store.read(
            "MATCH (p:Project)-[:HAS_ENVIRONMENT]->(e:Environment) "
            "RETURN p.slug AS project, e.slug AS env ORDER BY env"
        ),
        "members": store.read(
            "MATCH (u:User)-[:MEMBER_OF]->(t:Team) RETURN u.slug AS user, t.slug AS team"
        ),
    }


def test_seed_demo_creates_the_demo_org_and_its_anchors(store: GraphStore):
    org_id = seed_demo(store)

    assert store.read("MATCH (o:Org {slug: 'demo'}) RETURN o.id AS id, o._org AS org") == [
        {"id": org_id, "org": org_id}
    ]
    snapshot = _snapshot(store)
    assert [row["slug"] for row in snapshot["anchors"]] == [
        "alice",
        "bob",
        "carol",
        "checkout",
        "ledger",
        "payments",
        "platform",
    ]
    assert all(row["scoped"] for row in snapshot["anchors"])
    assert snapshot["environments"] == [
        {"project": "checkout", "env": "checkout-dev"},
        {"project": "checkout", "env": "checkout-prod"},
        {"project": "ledger", "env": "ledger-prod"},
    ]
    assert snapshot["members"] == [{"user": "alice", "team": "platform"}]
    emails = store.read("MATCH (u:User) RETURN u.slug AS slug, u.email AS email ORDER BY slug")
    assert emails == [
        {"slug": "alice", "email": "alice@example.com"},
        {"slug": "bob", "email": "bob@example.com"},
        {"slug": "carol", "email": "carol@example.com"},
    ]


def test_seed_demo_is_idempotent(store: GraphStore):
    first = seed_demo(store)
    before = _snapshot(store)
    audit_before = store.read("MATCH (e:AuditEvent) RETURN count(e) AS c")[0]["c"]

    assert seed_demo(store) == first
    assert _snapshot(store) == before
    assert store.read("MATCH (e:AuditEvent) RETURN count(e) AS c")[0]["c"] == audit_before


def test_seed_demo_reuses_an_org_bootstrap_created(store: GraphStore):
    from plugraph.security.bootstrap import ensure_org_user

    org_id, _ = ensure_org_user(store, "demo", "Demo", "admin")

    assert seed_demo(store) == org_id
    assert store.read("MATCH (o:Org) RETURN count(o) AS c") == [{"c": 1}]
