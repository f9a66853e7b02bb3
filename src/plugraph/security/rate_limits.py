"""Per-credential rate limits (a plugin manifest's ``rate_limit``, e.g. ``100/minute``).

Uses the maintained ``limits`` library (moving window, in-process memory storage):
each API process enforces the limit on its own traffic; behind a load balancer
with N processes the effective ceiling is at most N times the limit. Swap the
storage for ``limits``' Redis storage to share one window across processes.
"""

from __future__ import annotations

import math
import time
from functools import lru_cache

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from plugraph.errors import RateLimited


@lru_cache(maxsize=1024)
def parse_limit(text: str) -> RateLimitItem:
    return parse(text)


class RateLimiter:
    def __init__(self) -> None:
        self._limiter = MovingWindowRateLimiter(MemoryStorage())

    def hit(self, key: str, limit_text: str) -> None:
        limit = parse_limit(limit_text)
        if self._limiter.hit(limit, key):
            return
        reset_at, _remaining = self._limiter.get_window_stats(limit, key)
        retry_after = max(1, math.ceil(reset_at - time.time()))
        raise RateLimited(f"rate limit {limit_text} exceeded for {key}", retry_after=retry_after)
