"""Locate the project's data folders (``cypher/``, ``manifests/``, ``schemas/``).

In a wheel they are bundled under ``plugraph/_bundled``; in a source checkout
(editable install) they are the top-level folders of the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resource_dir(name: str) -> Path:
    bundled = _PACKAGE_DIR / "_bundled" / name
    if bundled.is_dir():
        return bundled
    checkout = _PACKAGE_DIR.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"plugraph resource folder {name!r} is missing from this install")
