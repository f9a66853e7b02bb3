"""Stored manifests of plugin versions, cached per process (a PluginVersion never changes)."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore


class ManifestCache:
    def __init__(self, store: GraphStore, size: int = 4096) -> None:
        self.store = store
        self._size = size
        self._texts: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def texts(self, version_ids: Iterable[str]) -> dict[str, str]:
        """Version id -> the manifest JSON stored on it (unknown ids are absent)."""
        wanted = sorted(set(version_ids))
        with self._lock:
            found = {vid: self._texts[vid] for vid in wanted if vid in self._texts}
        missing = [vid for vid in wanted if vid not in found]
        if missing:
            rows = self.store.read(QUERIES.text("delivery/manifests"), {"ids": missing})
            loaded = {str(row["id"]): str(row["manifest"]) for row in rows if row["manifest"]}
            found.update(loaded)
            with self._lock:
                self._texts.update(loaded)
                while len(self._texts) > self._size:
                    self._texts.popitem(last=False)
        return found

    def text(self, version_id: str) -> str | None:
        return self.texts([version_id]).get(version_id)

    def document(self, version_id: str) -> dict[str, Any] | None:
        text = self.text(version_id)
        return json.loads(text) if text is not None else None

    def descriptions(self, version_ids: Iterable[str]) -> dict[str, str]:
        return {
            vid: str(json.loads(text).get("description") or "")
            for vid, text in self.texts(version_ids).items()
        }
