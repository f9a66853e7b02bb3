"""Create / Update / Public models per anchor kind (inputs forbid unknown and server fields).

Slugs are addresses: set at creation, unique per org (orgs: globally), never changed.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from plugraph.anchors.kinds import ENVIRONMENT, ORG, PROJECT, TEAM, USER, AnchorKind

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, description="lower-case address, unique")]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Email = Annotated[str, Field(pattern=EMAIL_PATTERN, max_length=254)]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Update(_Input):
    """PATCH bodies: absent fields stay; ``null`` is refused for fields that cannot be empty."""

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


class AnchorPublic(BaseModel):
    id: str
    slug: str
    created_at: str | None = None
    updated_at: str | None = None


# -- orgs, teams, projects: a slug and a name -------------------------------------


class NamedCreate(_Input):
    slug: Slug
    name: Name


class NamedUpdate(_Update):
    name: Name | None = None


class NamedPublic(AnchorPublic):
    name: str


class OrgCreate(NamedCreate):
    pass


class OrgUpdate(NamedUpdate):
    pass


class OrgPublic(NamedPublic):
    pass


class TeamCreate(NamedCreate):
    pass


class TeamUpdate(NamedUpdate):
    pass


class TeamPublic(NamedPublic):
    pass


class ProjectCreate(NamedCreate):
    pass


class ProjectUpdate(NamedUpdate):
    pass


class ProjectPublic(NamedPublic):
    pass


# -- users ------------------------------------------------------------------------


class UserCreate(_Input):
    slug: Slug
    email: Email
    display_name: Name


class UserUpdate(_Update):
    email: Email | None = None
    display_name: Name | None = None


class UserPublic(AnchorPublic):
    email: str | None = None
    display_name: str | None = None


# -- environments: belong to a project ----------------------------------------------


class EnvironmentCreate(NamedCreate):
    project: Slug = Field(description="slug of the project the environment belongs to")


class EnvironmentUpdate(NamedUpdate):
    project: Slug | None = Field(default=None, description="move to another project")


class EnvironmentPublic(NamedPublic):
    project: str | None


CREATE_MODELS: dict[AnchorKind, type[_Input]] = {
    ORG: OrgCreate,
    TEAM: TeamCreate,
    USER: UserCreate,
    PROJECT: ProjectCreate,
    ENVIRONMENT: EnvironmentCreate,
}
UPDATE_MODELS: dict[AnchorKind, type[_Update]] = {
    ORG: OrgUpdate,
    TEAM: TeamUpdate,
    USER: UserUpdate,
    PROJECT: ProjectUpdate,
    ENVIRONMENT: EnvironmentUpdate,
}
PUBLIC_MODELS: dict[AnchorKind, type[AnchorPublic]] = {
    ORG: OrgPublic,
    TEAM: TeamPublic,
    USER: UserPublic,
    PROJECT: ProjectPublic,
    ENVIRONMENT: EnvironmentPublic,
}


def to_public(kind: AnchorKind, node: dict[str, Any], project: str | None = None) -> AnchorPublic:
    """The Public model of a stored anchor node (system properties renamed, others dropped)."""
    model = PUBLIC_MODELS[kind]
    data = {key: value for key, value in node.items() if not key.startswith("_")}
    data["created_at"] = node.get("_created_at")
    data["updated_at"] = node.get("_updated_at")
    if kind is ENVIRONMENT:
        data["project"] = project
    return model.model_validate({k: v for k, v in data.items() if k in model.model_fields})
