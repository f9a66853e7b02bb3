"""API tokens: typed prefix, shown once, stored only as a SHA-256 hash.

``plg_`` personal tokens authenticate a user; ``plgk_`` plugin keys authenticate a
plugin, limited to the scopes its manifest requests. Tokens carry 256 bits of
randomness, so a fast hash is the right tool (no password-style KDF needed) and
lookups are one indexed match on the hash.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from neo4j import ManagedTransaction

from plugraph.audit import recorder
from plugraph.clock import utc_now
from plugraph.errors import FieldError, NotFound, ValidationFailed
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.ids import new_id
from plugraph.security.principal import Principal

TokenKind = Literal["user", "plugin"]
PREFIXES: dict[str, str] = {"user": "plg_", "plugin": "plgk_"}
MAX_LIFETIME_DAYS = 366


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def generate(kind: TokenKind) -> str:
    return PREFIXES[kind] + secrets.token_urlsafe(32)


def iso_in(seconds: float) -> str:
    return (datetime.now(UTC) + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class IssuedToken:
    """A freshly created token: the only moment its secret is visible."""

    id: str
    token: str
    hint: str
    expires_at: str | None


class TokenService:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def issue_tx(
        self,
        tx: ManagedTransaction,
        actor: Principal,
        *,
        kind: TokenKind,
        subject_id: str,
        name: str,
        expires_in_days: float | None,
        scopes: list[str] | None = None,
        secret: str | None = None,
    ) -> IssuedToken:
        if expires_in_days is not None and not 0 < expires_in_days <= MAX_LIFETIME_DAYS:
            raise ValidationFailed(
                "invalid token lifetime",
                [FieldError("/expires_in_days", f"must be between 0 and {MAX_LIFETIME_DAYS} days")],
            )
        token = secret or generate(kind)
        token_id = new_id()
        expires_at = iso_in(expires_in_days * 86400) if expires_in_days else None
        row: dict[str, Any] = {
            "id": token_id,
            "hash": hash_token(token),
            "hint": token_hint(token),
            "kind": kind,
            "name": name,
            "_org": actor.org_id,
            "subject_kind": kind,
            "subject_id": subject_id,
            "created_at": utc_now(),
            "created_by": actor.subject,
        }
        if expires_at:
            row["expires_at"] = expires_at
        if scopes is not None:
            row["scopes"] = scopes
        tx.run(QUERIES.text("identity/token_create"), token=row, subject_id=subject_id).consume()
        recorder.record(
            tx,
            actor,
            action="token.create",
            target_kind="token",
            target_id=token_id,
            details={"subject": f"{kind}:{subject_id}", "name": name},
        )
        return IssuedToken(token_id, token, row["hint"], expires_at)

    def issue(self, actor: Principal, **kwargs: Any) -> IssuedToken:
        return self.store.execute_write(lambda tx: self.issue_tx(tx, actor, **kwargs))

    def resolve_user(self, org_id: str, ref: str) -> str:
        rows = self.store.read(QUERIES.text("identity/user_in_org"), {"org": org_id, "ref": ref})
        if not rows:
            raise NotFound(f"no user {ref!r} in this org")
        return str(rows[0]["id"])

    def list(self, org_id: str, subject_id: str | None = None) -> list[dict[str, Any]]:
        rows = self.store.read(
            QUERIES.text("identity/token_list"), {"org": org_id, "subject_id": subject_id}
        )
        return [row["token"] for row in rows]

    def get(self, org_id: str, token_id: str) -> dict[str, Any]:
        rows = self.store.read(QUERIES.text("identity/token_get"), {"org": org_id, "id": token_id})
        if not rows:
            raise NotFound(f"no token {token_id!r} in this org")
        return dict(rows[0]["token"])

    def revoke(self, actor: Principal, token_id: str) -> None:
        def work(tx: ManagedTransaction) -> None:
            row = tx.run(
                QUERIES.text("identity/token_revoke"), org=actor.org_id, id=token_id, at=utc_now()
            ).single()
            if row is None:
                raise NotFound(f"no active token {token_id!r} in this org")
            recorder.record(
                tx, actor, action="token.revoke", target_kind="token", target_id=token_id
            )

        self.store.execute_write(work)

    def rotate(self, actor: Principal, token_id: str, overlap_seconds: int) -> IssuedToken:
        """Issue a successor; the old token keeps working for ``overlap_seconds``, then expires."""
        old = self.get(actor.org_id, token_id)
        if old.get("revoked_at"):
            raise NotFound(f"no active token {token_id!r} in this org")

        def work(tx: ManagedTransaction) -> IssuedToken:
            remaining_days = None
            if old.get("expires_at"):
                expires = datetime.fromisoformat(str(old["expires_at"]).replace("Z", "+00:00"))
                remaining_days = max(
                    (expires - datetime.now(UTC)).total_seconds() / 86400, 1 / 86400
                )
            issued = self.issue_tx(
                tx,
                actor,
                kind=old["kind"],
                subject_id=old["subject_id"],
                name=old.get("name") or "",
                expires_in_days=None
                if remaining_days is None
                else min(remaining_days + 30, MAX_LIFETIME_DAYS),
                scopes=old.get("scopes"),
            )
            tx.run(
                QUERIES.text("identity/token_shorten"),
                org=actor.org_id,
                id=token_id,
                until=iso_in(overlap_seconds),
                rotated_to=issued.id,
            ).consume()
            recorder.record(
                tx,
                actor,
                action="token.rotate",
                target_kind="token",
                target_id=token_id,
                details={"successor": issued.id, "overlap_seconds": overlap_seconds},
            )
            return issued

        return self.store.execute_write(work)


def token_hint(token: str) -> str:
    prefix = token.split("_", 1)[0] + "_"
    return f"{prefix}…{token[-4:]}"
