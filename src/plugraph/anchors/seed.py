"""The demo organisation: a small, realistic set of anchors to explore plugraph with.

``seed_demo`` is idempotent: it creates whatever is missing (by slug) and leaves
everything else alone, so ``plugraph serve`` may call it on every start.
"""

from __future__ import annotations

from neo4j import ManagedTransaction
from pydantic import BaseModel

from plugraph.anchors.kinds import ENVIRONMENT, PROJECT, TEAM, USER, AnchorKind
from plugraph.anchors.members import add_member_tx
from plugraph.anchors.models import (
    EnvironmentCreate,
    OrgCreate,
    ProjectCreate,
    TeamCreate,
    UserCreate,
)
from plugraph.anchors.service import create_org_tx, create_tx, find
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.ids import new_id
from plugraph.security.principal import Principal, system_principal

DEMO_ORG = OrgCreate(slug="demo", name="Demo")


def _env(slug: str, name: str, project: str) -> EnvironmentCreate:
    return EnvironmentCreate(slug=slug, name=name, project=project)


DEMO_ANCHORS: tuple[tuple[AnchorKind, BaseModel], ...] = (
    (TEAM, TeamCreate(slug="platform", name="Platform")),
    (TEAM, TeamCreate(slug="payments", name="Payments")),
    (USER, UserCreate(slug="alice", email="alice@example.com", display_name="Alice")),
    (USER, UserCreate(slug="bob", email="bob@example.com", display_name="Bob")),
    (USER, UserCreate(slug="carol", email="carol@example.com", display_name="Carol")),
    (PROJECT, ProjectCreate(slug="checkout", name="Checkout")),
    (PROJECT, ProjectCreate(slug="ledger", name="Ledger")),
    (ENVIRONMENT, _env("checkout-dev", "Checkout development", project="checkout")),
    (ENVIRONMENT, _env("checkout-prod", "Checkout production", project="checkout")),
    (ENVIRONMENT, _env("ledger-prod", "Ledger production", project="ledger")),
)
DEMO_MEMBERSHIPS: tuple[tuple[str, str], ...] = (("platform", "alice"),)


def seed_demo(store: GraphStore, *, org: OrgCreate = DEMO_ORG) -> str:
    """Create the demo org and its anchors where missing; returns the org id."""
    return store.execute_write(lambda tx: _seed(tx, org))


def _seed(tx: ManagedTransaction, org: OrgCreate) -> str:
    existing = tx.run(QUERIES.text("anchors/org_by_slug"), slug=org.slug).single()
    if existing is None:
        creator = system_principal(new_id(), org.slug)
        org_id = create_org_tx(tx, creator, org).id
    else:
        org_id = str(existing["node"]["id"])
    actor: Principal = system_principal(org_id, org.slug)
    for kind, body in DEMO_ANCHORS:
        if find(tx, org_id, kind, body.model_dump()["slug"]) is None:
            create_tx(tx, actor, kind, body)
    for team, user in DEMO_MEMBERSHIPS:
        add_member_tx(tx, actor, team, user)
    return org_id
