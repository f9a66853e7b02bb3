"""Bearer token -> Principal, with a short per-process cache.

A revoked or rotated-out token stops working in this process at once (the
service that revokes clears the cache entry) and in every other process within
``cache_ttl`` seconds. ``last_used_at`` is written at most once a minute per
token, so authentication costs no write on the hot path.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from plugraph.clock import utc_now
from plugraph.errors import Unauthenticated
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.security.principal import Principal
from plugraph.security.tokens import PREFIXES, hash_token

TOUCH_INTERVAL = 60.0


@dataclass
class _Entry:
    principal: Principal
    expires_at: datetime | None
    revoked: bool
    loaded_at: float
    touched_at: float


class Authenticator:
    def __init__(self, store: GraphStore, cache_ttl: float = 5.0) -> None:
        self.store = store
        self.cache_ttl = cache_ttl
        self._cache: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def forget(self, token_id: str | None = None) -> None:
        with self._lock:
            if token_id is None:
                self._cache.clear()
            else:
                for key in [k for k, e in self._cache.items() if e.principal.token_id == token_id]:
                    del self._cache[key]

    def authenticate(self, token: str, request_id: str = "") -> Principal:
        if not token.startswith(tuple(PREFIXES.values())):
            raise Unauthenticated(
                "unknown token format; expected a plg_ personal token or a plgk_ plugin key"
            )
        digest = hash_token(token)
        now = time.monotonic()
        with self._lock:
            entry = self._cache.get(digest)
        if entry is None or now - entry.loaded_at > self.cache_ttl:
            entry = self._load(digest, now, previous=entry)
            with self._lock:
                if len(self._cache) > 100_000:
                    self._cache.clear()
                self._cache[digest] = entry
        if entry.revoked:
            raise Unauthenticated("this token was revoked")
        if entry.expires_at is not None and entry.expires_at <= datetime.now(UTC):
            raise Unauthenticated("this token has expired")
        if now - entry.touched_at > TOUCH_INTERVAL and entry.principal.token_id:
            entry.touched_at = now
            self.store.write(
                QUERIES.text("identity/token_touch"),
                {"id": entry.principal.token_id, "at": utc_now()},
            )
        return replace(entry.principal, request_id=request_id)

    def _load(self, digest: str, now: float, previous: _Entry | None) -> _Entry:
        rows = self.store.read(QUERIES.text("identity/token_lookup"), {"hash": digest})
        if not rows:
            raise Unauthenticated("invalid token")
        row: dict[str, Any] = rows[0]
        token = row["token"]
        if token["kind"] == "user":
            if row["user_slug"] is None:
                raise Unauthenticated("the token's user no longer exists")
            principal = Principal(
                kind="user",
                id=token["subject_id"],
                org_id=token["_org"],
                org_slug=row["org_slug"],
                name=row["user_name"] or row["user_slug"],
                token_id=token["id"],
            )
        else:
            principal = Principal(
                kind="plugin",
                id=token["subject_id"],
                org_id=token["_org"],
                org_slug=row["org_slug"],
                name=token["subject_id"],
                token_id=token["id"],
                scopes=frozenset(token.get("scopes") or ()),
            )
        expires = token.get("expires_at")
        return _Entry(
            principal=principal,
            expires_at=datetime.fromisoformat(expires.replace("Z", "+00:00")) if expires else None,
            revoked=token.get("revoked_at") is not None,
            loaded_at=now,
            # the first use in this process is recorded; later ones at most once a minute
            touched_at=previous.touched_at if previous else now - TOUCH_INTERVAL - 1,
        )
