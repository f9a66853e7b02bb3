"""First start: seeded roles, the demo org's administrator, and an admin token.

On a database without any API token, a new org-admin token is issued and
returned once (``plugraph serve`` prints it). With ``PLUGRAPH_BOOTSTRAP_TOKEN``
set, that value becomes the demo org administrator's token instead (idempotent),
so automation knows its credential in advance.
"""

from __future__ import annotations

from dataclasses import dataclass

from plugraph.authz.authorizer import Authorizer
from plugraph.clock import utc_now
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.ids import new_id
from plugraph.security.principal import system_principal
from plugraph.security.tokens import PREFIXES, TokenService, hash_token

DEMO_ORG_SLUG = "demo"
ADMIN_USER_SLUG = "admin"


class BootstrapTokenInvalid(ValueError):
    pass


@dataclass(frozen=True)
class BootstrapResult:
    org_id: str
    org_slug: str
    admin_user_id: str
    new_token: str | None  # only when one was generated now: print it once


def ensure_org_user(
    store: GraphStore, org_slug: str, org_name: str, user_slug: str
) -> tuple[str, str]:
    """Ensure an org (by slug) and a user in it (by slug) exist; returns (org_id, user_id)."""
    now = utc_now()
    row = store.write(
        QUERIES.text("identity/bootstrap"),
        {
            "org": {"id": new_id(), "slug": org_slug, "name": org_name, "_created_at": now},
            "user": {
                "id": new_id(),
                "slug": user_slug,
                "display_name": user_slug.replace("-", " ").title(),
                "email": f"{user_slug}@{org_slug}.example",
                "_created_at": now,
            },
        },
    )[0]
    return row["org_id"], row["user_id"]


def bootstrap(
    store: GraphStore,
    authorizer: Authorizer,
    tokens: TokenService,
    bootstrap_token: str | None = None,
) -> BootstrapResult:
    if bootstrap_token is not None and not bootstrap_token.startswith(PREFIXES["user"]):
        raise BootstrapTokenInvalid(f"PLUGRAPH_BOOTSTRAP_TOKEN must start with {PREFIXES['user']}")
    authorizer.seed_roles()
    org_id, user_id = ensure_org_user(store, DEMO_ORG_SLUG, "Demo", ADMIN_USER_SLUG)
    actor = system_principal(org_id, DEMO_ORG_SLUG)
    store.execute_write(
        lambda tx: authorizer.assign_role_tx(tx, f"user:{user_id}", "org-admin", org_id)
    )
    authorizer.refresh(force=True)
    new_token: str | None = None
    if bootstrap_token is not None:
        exists = store.read(
            QUERIES.text("identity/token_exists_hash"), {"hash": hash_token(bootstrap_token)}
        )
        if not exists[0]["found"]:
            tokens.issue(
                actor,
                kind="user",
                subject_id=user_id,
                name="bootstrap (PLUGRAPH_BOOTSTRAP_TOKEN)",
                expires_in_days=None,
                secret=bootstrap_token,
            )
    elif store.read(QUERIES.text("identity/token_count"))[0]["c"] == 0:
        new_token = tokens.issue(
            actor, kind="user", subject_id=user_id, name="bootstrap", expires_in_days=None
        ).token
    return BootstrapResult(org_id, DEMO_ORG_SLUG, user_id, new_token)
