"""HTTP models for tokens: Create / Public split (clients never set server-owned fields)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class TokenCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=100, description="what the token is for")
    expires_in_days: float | None = Field(
        default=90, gt=0, le=366, description="null: never expires"
    )
    user: str | None = Field(default=None, description="slug of another user (needs tokens:manage)")


class PluginKeyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    plugin: str = Field(description="slug of an installed plugin")
    name: str = Field(min_length=1, max_length=100)
    expires_in_days: float | None = Field(default=90, gt=0, le=366)


class TokenRotate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    overlap_seconds: int = Field(
        default=3600, ge=0, le=7 * 86400, description="how long the old token keeps working"
    )


class TokenPublic(BaseModel):
    id: str
    hint: str
    kind: str
    name: str | None = None
    subject_kind: str
    subject_id: str
    created_at: str
    expires_at: str | None = None
    last_used_at: str | None = None
    revoked_at: str | None = None
    rotated_to: str | None = None
    scopes: list[str] | None = None
    created_by: str | None = None


class TokenIssued(BaseModel):
    id: str
    token: str = Field(description="the secret: shown once, never again")
    hint: str
    expires_at: str | None


class RoleAssignmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    holder_kind: str = Field(pattern="^(user|team)$")
    holder: str = Field(description="user or team slug")
    role: str


class ExplainRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    principal: str = Field(
        description="user:<slug>, team:<slug> or plugin:<slug> in the caller's org",
        examples=["user:bob"],
    )
    permission: str | None = Field(
        default=None, examples=["plugins:aws-iam-ic:entities:AwsAccount:read"]
    )
    resource: str | None = Field(default=None, examples=["plugins:aws-iam-ic:entities:AwsAccount"])
    op: str | None = Field(default=None, examples=["read"])
