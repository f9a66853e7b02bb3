"""HTTP models of the delivery API."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from plugraph.manifests.model import SLUG_PATTERN as PLUGIN_SLUG_PATTERN
from plugraph.manifests.versions import Version

CLIENT_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
MAX_INSTALLED = 1000

UpdateKind = Literal["install", "upgrade", "downgrade", "remove"]


class ViaPublic(BaseModel):
    """One way the caller reaches a plugin."""

    kind: Literal["marketplace", "plugin"] = Field(
        description="through a marketplace listing, or a grant on the plugin itself"
    )
    marketplace_id: str | None = None
    marketplace_slug: str | None = None
    channel: Literal["stable", "beta"]
    pinned_version: str | None = None
    version: str | None = Field(description="what this path resolves to")
    role: str
    granted_to: str = Field(description="the grant's subject: user:<id>, team:<id> or org:<id>")


class DownloadInfo(BaseModel):
    version: str
    url: str
    filename: str
    media_type: str
    size: int
    sha256: str = Field(description="hex SHA-256 of the archive's bytes")
    digest: str = Field(description="the Digest header value: sha-256=<base64>")


class DeliveryPluginPublic(BaseModel):
    slug: str
    name: str
    description: str = ""
    version: str | None = Field(
        description="the version to install: the newest any path offers (null: none fits)"
    )
    channels: dict[str, str | None] = Field(
        description="per channel the caller reaches the plugin on, the newest version offered"
    )
    marketplaces: list[str] = Field(description="slugs of the marketplaces it comes through")
    via: list[ViaPublic]


class DeliveryPluginDetail(DeliveryPluginPublic):
    download: DownloadInfo | None = None


class InstalledPlugin(BaseModel):
    model_config = ConfigDict(extra="forbid")
    slug: Annotated[str, Field(pattern=PLUGIN_SLUG_PATTERN, max_length=63)]
    version: Annotated[str, Field(max_length=128)]

    @field_validator("version")
    @classmethod
    def _semver(cls, value: str) -> str:
        Version.parse(value)  # raises ValueError -> 422 with a pointer
        return value


class ClientStatePut(BaseModel):
    model_config = ConfigDict(extra="forbid")
    plugins: list[InstalledPlugin] = Field(max_length=MAX_INSTALLED)

    @field_validator("plugins")
    @classmethod
    def _one_entry_per_plugin(cls, value: list[InstalledPlugin]) -> list[InstalledPlugin]:
        seen: set[str] = set()
        for item in value:
            if item.slug in seen:
                raise ValueError(f"plugin {item.slug} is listed twice")
            seen.add(item.slug)
        return value


class ClientStatePublic(BaseModel):
    id: str
    owner: str
    plugins: list[InstalledPlugin]
    created_at: str
    reported_at: str


class UpdateAction(BaseModel):
    action: UpdateKind
    plugin: str
    installed_version: str | None = None
    version: str | None = Field(default=None, description="the version to install (not for remove)")
    download_url: str | None = None
    sha256: str | None = None


class CheckUpdatesPublic(BaseModel):
    client_id: str
    include_new: bool
    actions: list[UpdateAction]
