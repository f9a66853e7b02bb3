"""JSON Merge Patch (RFC 7396), the body of ``PATCH .../{id}``.

``null`` removes a member, objects merge recursively, anything else (arrays
included) replaces. The ``json-merge-patch`` library implements exactly that
algorithm but mutates its first argument (and the objects nested in it) in place,
so the current document is deep-copied first; the RFC's appendix A examples are
checked against it in tests/entities/test_merge_patch.py.
"""

from __future__ import annotations

import copy
from typing import Any

import json_merge_patch

MEDIA_TYPE = "application/merge-patch+json"


def apply_merge_patch(target: Any, patch: Any) -> Any:
    """The result of applying ``patch`` to ``target``; neither argument is modified."""
    return json_merge_patch.merge(copy.deepcopy(target), copy.deepcopy(patch))
