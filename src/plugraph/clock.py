"""Time as plugraph stores it: UTC ISO-8601 strings with microseconds (sortable as text)."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
