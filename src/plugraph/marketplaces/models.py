"""HTTP models for marketplaces, listings and access grants.

Inputs are ``XCreate`` / ``XUpdate`` (``extra="forbid"``: clients never set server-owned
fields such as ids, timestamps, status or ``membership_source: system``); outputs are
``XPublic``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from plugraph.delivery.models import UpdateAction
from plugraph.manifests.model import SLUG_PATTERN as PLUGIN_SLUG_PATTERN
from plugraph.marketplaces.access import GrantRole, HolderKind
from plugraph.marketplaces.channels import Channel

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
MAX_CHANGES = 100

Slug = Annotated[
    str, Field(pattern=SLUG_PATTERN, description="lower-case address, unique in the org")
]
PluginSlug = Annotated[str, Field(pattern=PLUGIN_SLUG_PATTERN, max_length=63)]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Description = Annotated[str, Field(max_length=4000)]
MembershipSource = Literal["manual", "connector", "api", "system"]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- marketplaces -------------------------------------------------------------------


class MarketplaceCreate(_Input):
    slug: Slug
    name: Name
    description: Description = ""


class MarketplaceUpdate(_Input):
    """PATCH: absent fields stay; the slug is an address and never changes."""

    name: Name | None = None
    description: Description | None = None

    @model_validator(mode="before")
    @classmethod
    def _no_nulls(cls, data: Any) -> Any:
        if isinstance(data, dict):
            nulls = sorted(key for key, value in data.items() if value is None)
            if nulls:
                raise ValueError(f"cannot be null: {', '.join(nulls)}")
        return data

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True)


class MarketplacePublic(BaseModel):
    id: str
    slug: str
    name: str
    description: str = ""
    status: Literal["active", "archived"]
    created_at: str
    created_by: str
    updated_at: str | None = None
    updated_by: str | None = None
    archived_at: str | None = None
    archived_by: str | None = None
    revision: int = 0
    my_access: GrantRole | None = Field(
        default=None, description="the caller's strongest access (org admins: manager)"
    )


# -- listings -----------------------------------------------------------------------


class ListingCreate(_Input):
    plugin: PluginSlug = Field(description="slug of an installed plugin")
    channel: Channel = "stable"
    pinned_version: str | None = Field(
        default=None, max_length=128, description="null: the newest version on the channel"
    )
    membership_source: Literal["manual", "connector", "api"] = "manual"


class ListingPublic(BaseModel):
    id: str
    plugin: str
    plugin_name: str | None = None
    channel: Channel
    pinned_version: str | None = None
    membership_source: MembershipSource
    added_at: str
    added_by: str
    removed_at: str | None = None
    removed_by: str | None = None
    active: bool
    resolved_version: str | None = Field(
        default=None, description="what the listing offers now (null when removed or none fits)"
    )


# -- access grants ------------------------------------------------------------------


class GrantCreate(_Input):
    holder_kind: HolderKind
    holder: str | None = Field(
        default=None,
        max_length=200,
        description="user or team slug (or id); omitted for the whole org",
    )
    role: GrantRole

    @model_validator(mode="after")
    def _holder_matches_kind(self) -> GrantCreate:
        if self.holder_kind == "org" and self.holder is not None:
            raise ValueError("holder must be omitted for holder_kind org (the caller's org)")
        if self.holder_kind != "org" and not self.holder:
            raise ValueError(f"holder is required for holder_kind {self.holder_kind}")
        return self


class GrantPublic(BaseModel):
    id: str
    role: GrantRole
    holder_kind: HolderKind
    holder_id: str
    holder_slug: str | None = None
    subject: str = Field(description="the Casbin subject the grant's policies name")
    granted_at: str
    granted_by: str
    revoked_at: str | None = None
    revoked_by: str | None = None
    superseded_by: str | None = None
    active: bool


# -- preview ------------------------------------------------------------------------


class PreviewRequest(_Input):
    """A proposed change to one marketplace; nothing is applied."""

    add_plugins: list[ListingCreate] = Field(default_factory=list, max_length=MAX_CHANGES)
    remove_plugins: list[PluginSlug] = Field(default_factory=list, max_length=MAX_CHANGES)
    add_grants: list[GrantCreate] = Field(default_factory=list, max_length=MAX_CHANGES)
    remove_grants: list[str] = Field(
        default_factory=list, max_length=MAX_CHANGES, description="grant ids"
    )


class PluginVersionRef(BaseModel):
    plugin: str
    version: str | None = Field(description="null: reachable, but no version fits its channels")


class UserChange(BaseModel):
    user_id: str
    user_slug: str | None = None
    gains: list[PluginVersionRef]
    losses: list[PluginVersionRef]


class ClientChange(BaseModel):
    client_id: str
    owner_id: str
    gains: list[PluginVersionRef]
    losses: list[PluginVersionRef]
    actions: list[UpdateAction] = Field(
        description="check-updates actions the client gets after the change and did not before"
    )


class PreviewPublic(BaseModel):
    marketplace_id: str
    applied: Literal[False] = False
    users: list[UserChange]
    clients: list[ClientChange]
