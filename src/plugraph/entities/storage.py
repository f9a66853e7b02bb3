"""Entity documents <-> node properties, and the public representation.

A node of a plugin entity carries the flattened document (``owner.email``; see
``plugraph.manifests.property_mapping``) and the system properties below. System
names are ``id`` and anything starting with ``_``: schemas cannot declare them and
request bodies cannot set them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from plugraph.manifests.property_mapping import flatten, unflatten

SYSTEM_ID = "id"
META_KEY = "_meta"


def is_server_owned(name: str) -> bool:
    return name == SYSTEM_ID or name.startswith("_")


@dataclass(frozen=True)
class SystemProperties:
    id: str
    plugin: str
    label: str
    org: str
    version: int
    created_at: str
    updated_at: str
    created_by: str
    updated_by: str

    def as_properties(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "_plugin": self.plugin,
            "_label": self.label,
            "_org": self.org,
            "_version": self.version,
            "_created_at": self.created_at,
            "_updated_at": self.updated_at,
            "_created_by": self.created_by,
            "_updated_by": self.updated_by,
        }

    @classmethod
    def from_properties(cls, props: Mapping[str, Any]) -> SystemProperties:
        return cls(
            id=str(props["id"]),
            plugin=str(props.get("_plugin", "")),
            label=str(props.get("_label", "")),
            org=str(props.get("_org", "")),
            version=int(props.get("_version", 0)),
            created_at=str(props.get("_created_at", "")),
            updated_at=str(props.get("_updated_at", "")),
            created_by=str(props.get("_created_by", "")),
            updated_by=str(props.get("_updated_by", "")),
        )


def node_properties(document: Mapping[str, Any], system: SystemProperties) -> dict[str, Any]:
    """Everything ``SET n = $props`` writes: the flattened document plus system properties."""
    return flatten(document) | system.as_properties()


def stored_document(props: Mapping[str, Any]) -> dict[str, Any]:
    """The entity document held in a node's properties (system properties left out)."""
    return unflatten({k: v for k, v in props.items() if not is_server_owned(k)})


def public_entity(props: Mapping[str, Any]) -> dict[str, Any]:
    """``{"id", ...document, "_meta": {...}}`` as the API returns it."""
    system = SystemProperties.from_properties(props)
    return {"id": system.id, **stored_document(props), META_KEY: meta(system)}


def meta(system: SystemProperties) -> dict[str, Any]:
    return {
        "plugin": system.plugin,
        "label": system.label,
        "version": system.version,
        "created_at": system.created_at,
        "updated_at": system.updated_at,
        "created_by": system.created_by,
        "updated_by": system.updated_by,
    }
