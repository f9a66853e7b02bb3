"""Install payloads: a plugin version's manifest and entity schemas as one tar.gz.

The archive is a plugin directory that ``plugraph.manifests.load_manifest`` reads back::

    <slug>/plugin.json                        the manifest, schemas referenced by $ref
    <slug>/schemas/vertex/<Label>.schema.json one per vertex label
    <slug>/schemas/edge/<LABEL>.schema.json   one per edge label that declares a schema

Its bytes are deterministic: entries sorted by name, mtime 0, owner 0:0, mode 0644,
JSON with sorted keys, and a gzip header without name or time. The same version always
yields the same bytes and SHA-256 (for a given zlib), so clients can verify downloads
against the digest published in ``GET /delivery/plugins/{slug}``. PluginVersion
manifests never change, so payloads are cached per process by version id.
"""

from __future__ import annotations

import base64
import copy
import gzip
import hashlib
import io
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MEDIA_TYPE = "application/gzip"


@dataclass(frozen=True)
class Payload:
    slug: str
    version: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def digest(self) -> str:
        """``Digest`` header value (RFC 3230): ``sha-256=<base64>``."""
        return "sha-256=" + base64.b64encode(hashlib.sha256(self.data).digest()).decode()

    @property
    def filename(self) -> str:
        return f"{self.slug}-{self.version}.tar.gz"

    @property
    def size(self) -> int:
        return len(self.data)


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def payload_files(manifest: dict[str, Any]) -> dict[str, bytes]:
    """Archive path -> content for one manifest document (label schemas moved to files)."""
    document = copy.deepcopy(manifest)
    slug = str(document["slug"])
    files: dict[str, bytes] = {}
    for key, folder in (("vertex_labels", "vertex"), ("edge_labels", "edge")):
        for label in document.get(key) or []:
            schema = label.get("schema")
            if not isinstance(schema, dict):
                continue
            ref = f"schemas/{folder}/{label['name']}.schema.json"
            files[f"{slug}/{ref}"] = _json_bytes(schema)
            label["schema"] = {"$ref": ref}
    files[f"{slug}/plugin.json"] = _json_bytes(document)
    return files


def deterministic_tar_gz(files: dict[str, bytes]) -> bytes:
    import tarfile  # on use: importing it costs every process 50 ms at start-up

    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name in sorted(files):
            content = files[name]
            info = tarfile.TarInfo(name)
            info.size = len(content)
            info.mtime = 0
            info.mode = 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(content))
    compressed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=compressed, mtime=0) as gz:
        gz.write(raw.getvalue())
    return compressed.getvalue()


def build_payload(manifest_text: str) -> Payload:
    document = json.loads(manifest_text)
    data = deterministic_tar_gz(payload_files(document))
    return Payload(slug=str(document["slug"]), version=str(document["version"]), data=data)


class PayloadCache:
    """Payloads by PluginVersion id (immutable), least recently used dropped first."""

    def __init__(self, size: int = 256) -> None:
        self._size = size
        self._items: OrderedDict[str, Payload] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, version_id: str, manifest_text: Callable[[], str]) -> Payload:
        with self._lock:
            found = self._items.get(version_id)
            if found is not None:
                self._items.move_to_end(version_id)
                return found
        payload = build_payload(manifest_text())
        with self._lock:
            self._items[version_id] = payload
            if len(self._items) > self._size:
                self._items.popitem(last=False)
        return payload
