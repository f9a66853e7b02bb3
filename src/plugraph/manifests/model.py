"""The manifest as typed objects (after validation against schemas/plugin-manifest.schema.json).

The JSON Schema is the reference for authors; these models are what services use.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SLUG_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
LABEL_PATTERN = r"^[A-Z][A-Za-z0-9_]{0,62}$"
EDGE_LABEL_PATTERN = r"^[A-Z][A-Z0-9_]{0,62}$"
CORE_ANCHORS = ("Org", "Team", "User", "Project", "Environment")

# Names plugraph uses for its own data. A plugin may not declare them (compared
# case-insensitively), attach edges to them or request permissions on them; labels starting
# with a reserved prefix are refused too. Extend these when the host adds node labels or
# relationship types of its own.
RESERVED_LABELS = (
    "PluginEntity",
    "Plugin",
    "PluginVersion",
    "DeclaredLabel",
    "RegistryState",
    "AuditEvent",
    "EntityVersion",
    "SchemaMigration",
    "Marketplace",
    "ApiToken",
    "CasbinRule",
    "AuthzState",
    "Client",
)
RESERVED_LABEL_PREFIXES = ("Plugin", "Plugraph")
RESERVED_EDGE_LABELS = (
    "HAS_VERSION",
    "DECLARES",
    "MEMBER_OF",
    "OWNS",
    "LISTS",
    "GRANTS",
    "INSTALLED",
    "HAS",
    "HAS_ENVIRONMENT",
    "AUTHENTICATES",
    "BY",
)

OnDelete = Literal["restrict", "cascade", "detach"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IndexSpec(_Model):
    fields: tuple[str, ...] = Field(min_length=1)
    unique: bool = False


class Display(_Model):
    title_field: str | None = None
    list_columns: tuple[str, ...] = ()
    field_order: tuple[str, ...] = ()
    widgets: dict[str, str] = Field(default_factory=dict)
    icon: str | None = None
    plural: str | None = None


class VertexLabel(_Model):
    name: str = Field(pattern=LABEL_PATTERN)
    description: str = ""
    # JSON Schema 2020-12 for the entity's properties, with any $ref to a file resolved.
    json_schema: dict[str, Any] = Field(alias="schema")
    display: Display = Display()
    indexes: tuple[IndexSpec, ...] = ()


class Cardinality(_Model):
    # None means unlimited. max_per_source=1: each source node has at most one such edge.
    max_per_source: int | None = Field(default=None, ge=1)
    max_per_target: int | None = Field(default=None, ge=1)


class EdgeLabel(_Model):
    name: str = Field(pattern=EDGE_LABEL_PATTERN)
    description: str = ""
    from_labels: tuple[str, ...] = Field(min_length=1)
    to_labels: tuple[str, ...] = Field(min_length=1)
    json_schema: dict[str, Any] | None = Field(default=None, alias="schema")
    cardinality: Cardinality = Cardinality()
    on_delete: OnDelete = "restrict"
    display: Display = Display()


class Dependency(_Model):
    slug: str = Field(pattern=SLUG_PATTERN)
    version: str  # a PEP 440-style range over semver, e.g. ">=1.0,<2"


class Manifest(_Model):
    api_version: Literal["plugraph/v1"]
    slug: str = Field(pattern=SLUG_PATTERN)
    name: str
    version: str  # semver
    description: str = ""
    vertex_labels: tuple[VertexLabel, ...] = ()
    edge_labels: tuple[EdgeLabel, ...] = ()
    permissions: tuple[str, ...] = ()  # scopes such as "entities:read:Project"
    dependencies: tuple[Dependency, ...] = ()
    rate_limit: str | None = None  # e.g. "100/minute"

    def vertex_label(self, name: str) -> VertexLabel | None:
        return next((v for v in self.vertex_labels if v.name == name), None)

    def edge_label(self, name: str) -> EdgeLabel | None:
        return next((e for e in self.edge_labels if e.name == name), None)

    def to_document(self) -> dict[str, Any]:
        """The manifest as a JSON-ready document, label schemas resolved and normalised.

        ``plugraph.manifests.parse_manifest`` accepts it again and returns an equal Manifest,
        so this is the form to store (e.g. on a PluginVersion) and to serve.
        """
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)
