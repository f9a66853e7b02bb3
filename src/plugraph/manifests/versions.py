"""Plugin versions (Semantic Versioning 2.0) and dependency ranges (``">=1.0.0,<2.0.0"``).

A range is comma-separated comparisons that must all hold; each is an operator
(``>=``, ``>``, ``<=``, ``<``, ``==``, ``!=``) and a version whose missing minor/patch
parts are 0 (``<2`` means ``<2.0.0``). Versions compare by semver precedence: build
metadata is ignored and a pre-release sorts before its release (``2.0.0-rc.1 < 2.0.0``).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import total_ordering

_SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)
_COMPARISON = re.compile(
    r"^\s*(>=|<=|==|!=|>|<)\s*(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?(?:\.(0|[1-9]\d*))?\s*$"
)


@total_ordering
@dataclass(frozen=True)
class Version:
    major: int
    minor: int
    patch: int
    prerelease: tuple[int | str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> Version:
        match = _SEMVER.match(text)
        if match is None:
            raise ValueError(f"{text!r} is not a semantic version (e.g. 1.4.0)")
        major, minor, patch, prerelease, _build = match.groups()
        identifiers = tuple(
            int(part) if part.isdigit() else part for part in (prerelease or "").split(".") if part
        )
        return cls(int(major), int(minor), int(patch), identifiers)

    def _key(self) -> tuple[int, int, int, int, tuple[tuple[int, int | str], ...]]:
        # A release outranks its pre-releases; numeric identifiers rank below alphanumeric ones.
        ranked = tuple((0, p) if isinstance(p, int) else (1, p) for p in self.prerelease)
        return (self.major, self.minor, self.patch, 0 if self.prerelease else 1, ranked)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        text = f"{self.major}.{self.minor}.{self.patch}"
        return text + ("-" + ".".join(map(str, self.prerelease)) if self.prerelease else "")


_OPERATORS: dict[str, Callable[[Version, Version], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
    "!=": operator.ne,
}


@dataclass(frozen=True)
class VersionRange:
    comparisons: tuple[tuple[str, Version], ...]

    @classmethod
    def parse(cls, text: str) -> VersionRange:
        comparisons = []
        for part in text.split(","):
            match = _COMPARISON.match(part)
            if match is None:
                raise ValueError(f"{text!r} is not a version range (e.g. >=1.0.0,<2.0.0)")
            op, major, minor, patch = match.groups()
            comparisons.append((op, Version(int(major), int(minor or 0), int(patch or 0))))
        return cls(tuple(comparisons))

    def contains(self, version: Version) -> bool:
        return all(_OPERATORS[op](version, bound) for op, bound in self.comparisons)

    def __str__(self) -> str:
        return ",".join(f"{op}{bound}" for op, bound in self.comparisons)


def satisfies(version: str, version_range: str) -> bool:
    """True when ``version`` (e.g. "1.4.2") is within ``version_range`` (e.g. ">=1.0,<2")."""
    return VersionRange.parse(version_range).contains(Version.parse(version))
