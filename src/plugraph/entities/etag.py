"""Entity tags: ``ETag: "<version>"`` (strong) and ``If-Match`` preconditions.

``If-Match`` holds ``*`` or a comma-separated list of entity tags. Comparison is
strong (RFC 9110 13.1.1): a weak tag (``W/"3"``) never matches. A header that is not
a list of quoted tags is a 400.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plugraph.errors import ApiError, PreconditionFailed

_TAG = re.compile(r'\s*(W/)?"([\x21\x23-\x7e]*)"\s*')


@dataclass(frozen=True)
class IfMatch:
    versions: frozenset[int] | None  # None for "*": any current version

    def check(self, current: int) -> None:
        if self.versions is not None and current not in self.versions:
            raise PreconditionFailed(
                f"the entity is at version {current}; If-Match did not match",
                current_version=current,
            )


def etag(version: int) -> str:
    return f'"{version}"'


def parse_if_match(header: str | None) -> IfMatch | None:
    if header is None:
        return None
    if header.strip() == "*":
        return IfMatch(None)
    versions: set[int] = set()
    for part in header.split(","):
        match = _TAG.fullmatch(part)
        if match is None:
            raise ApiError('If-Match must be * or a list of quoted entity tags, e.g. "3"')
        weak, value = match.groups()
        if not weak and value.isdigit() and len(value) < 19:
            versions.add(int(value))
    return IfMatch(frozenset(versions))
